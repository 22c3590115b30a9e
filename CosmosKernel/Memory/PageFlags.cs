namespace CosmosKernel.Memory
{
    /// <summary>
    /// Permissions and attributes of a mapping. A mapping is always present and readable; these add to that.
    /// (Names, not raw x86 bits: <see cref="PageTable"/> translates them.)
    /// </summary>
    [System.Flags]
    internal enum PageFlags
    {
        None = 0,
        /// <summary>Writes allowed (otherwise read-only, also for the kernel: CR0.WP is on).</summary>
        Writable = 1,
        /// <summary>Ring 3 may access the page.</summary>
        User = 2,
        /// <summary>Instruction fetches fault (ignored when the CPU has no NX support).</summary>
        NoExecute = 4,
        /// <summary>The TLB keeps the entry across address-space switches (kernel mappings).</summary>
        Global = 8,
        /// <summary>Caching off (memory-mapped device registers).</summary>
        CacheDisable = 16,
        /// <summary>Write-through caching.</summary>
        WriteThrough = 32,
        /// <summary>The frame belongs to this address space and is freed with it (a software bit of the entry).</summary>
        Owned = 64,
        /// <summary>The page was mapped through the mapping database (a software bit of the entry): it belongs to a pager, not the task.</summary>
        Derived = 128,
    }
}
