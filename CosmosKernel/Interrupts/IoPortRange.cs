namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// A non-empty run of x86 I/O ports [First, First + Count), inside the 65536 ports. As the object an IoPortRange
    /// capability names it is encoded in the 32-bit object index: bits 0-15 the first port, bits 16-31 the count
    /// minus one (generation always 1: ports are never freed). Pure logic: compiled into the host tests too.
    /// </summary>
    public readonly struct IoPortRange
    {
        /// <summary>How many ports an x86 machine has.</summary>
        public const uint PortCount = 65536;

        public readonly uint First;
        public readonly uint Count;

        private IoPortRange(uint first, uint count)
        {
            First = first;
            Count = count;
        }

        /// <summary>Every port, 0 to 65535: what the root task is given.</summary>
        public static IoPortRange All => new IoPortRange(0, PortCount);

        /// <summary>One past the last port.</summary>
        public uint End => First + Count;

        /// <summary>The capability object index of this range.</summary>
        public uint ObjectIndex => First | ((Count - 1) << 16);

        /// <summary>The range [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) if it is non-empty and within the ports.</summary>
        public static bool TryCreate(ulong first, ulong count, out IoPortRange range)
        {
            range = default;
            if (count == 0 || first >= PortCount || count > PortCount - first)
            {
                return false;
            }
            range = new IoPortRange((uint)first, (uint)count);
            return true;
        }

        /// <summary>The range a capability's object index names; false for an index whose range would pass port 65535.</summary>
        public static bool TryFromObjectIndex(uint index, out IoPortRange range) => TryCreate(index & 0xFFFF, (index >> 16) + 1UL, out range);

        /// <summary>True when every port of <paramref name="inner"/> lies in this range.</summary>
        public bool Contains(IoPortRange inner) => inner.Count != 0 && inner.First >= First && inner.End <= End;
    }
}
