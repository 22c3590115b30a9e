using System;

namespace Cosmos.Api.Memory
{
    /// <summary>Flags of MemoryMap (system call 46).</summary>
    [Flags]
    public enum MemoryMapFlags : long
    {
        None = 0,
        /// <summary>Grant instead of map: the mapping moves to the other task and the caller loses it.</summary>
        Grant = 1,
    }

    /// <summary>Flags of MemoryUnmap (system call 47).</summary>
    [Flags]
    public enum MemoryUnmapFlags : long
    {
        /// <summary>Remove every mapping derived from the caller's pages in the flexpage, in every address space, recursively; the caller keeps its own.</summary>
        None = 0,
        /// <summary>Also remove the caller's own mappings of the flexpage.</summary>
        IncludeOwn = 1,
        /// <summary>Only take write rights away (a downgrade to read-only), recursively; with IncludeOwn also from the caller's own.</summary>
        WriteOnly = 2,
    }
}
