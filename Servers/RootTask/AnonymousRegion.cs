using Cosmos.Api;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// A range of a client's address space that the region pager fills with zero pages on demand: [Start, End),
    /// page-aligned. Every client has the standard two (<see cref="Heap"/>, <see cref="Stack"/>).
    /// </summary>
    internal readonly struct AnonymousRegion
    {
        public AnonymousRegion(ulong start, ulong end)
        {
            Start = start;
            End = end;
        }

        public ulong Start { get; }

        public ulong End { get; }

        /// <summary>The heap's reserved range, where Libc's heap touches the pages it starts to use.</summary>
        public static AnonymousRegion Heap => new AnonymousRegion(UserLayout.HeapBase, UserLayout.HeapBase + UserLayout.ProgramHeapReservation);

        /// <summary>The first thread's stack, whose top pages (start information, command line) the loader maps itself.</summary>
        public static AnonymousRegion Stack => new AnonymousRegion(UserLayout.StackTop - UserLayout.ProgramStackSize, UserLayout.StackTop);

        public bool Contains(ulong address) => address >= Start && address < End;

        /// <summary>True when [address, address + length) is non-empty and lies inside the region (no overflow).</summary>
        public bool ContainsRange(ulong address, ulong length) => length != 0 && address >= Start && address < End && length <= End - address;
    }
}
