namespace CosmosKernel.Memory
{
    /// <summary>
    /// One mapping in the <see cref="MappingDatabase"/>: the page <see cref="Page"/> of address space
    /// <see cref="Space"/> shows physical frame <see cref="Frame"/> with <see cref="Rights"/>, and was derived from
    /// the mapping <see cref="Parent"/>. Links are node indices into the database's array; 0 means none.
    /// Free nodes are zero except <see cref="HashNext"/>, which then links the free list. 48 bytes.
    /// </summary>
    internal struct MappingNode
    {
        /// <summary>Page-aligned virtual address of the mapping in its space.</summary>
        public ulong Page;
        /// <summary>Physical address of the frame (the same in every node of one tree).</summary>
        public ulong Frame;
        /// <summary>The address space holding the mapping (0: sigma0's physical roots).</summary>
        public uint Space;
        /// <summary>The mapping this one was derived from; 0 for a root.</summary>
        public uint Parent;
        /// <summary>The first mapping derived from this one.</summary>
        public uint FirstChild;
        /// <summary>The next and previous mappings derived from the same parent (doubly linked, for O(1) unlinking).</summary>
        public uint NextSibling;
        public uint PreviousSibling;
        /// <summary>The next node in the same hash bucket; for a free node, the next free node.</summary>
        public uint HashNext;
        public MappingRights Rights;
        /// <summary>True while the node records a mapping.</summary>
        public bool IsLive;
    }
}
