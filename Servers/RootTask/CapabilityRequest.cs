namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// One capability a run word asks for: its kind and, for an interrupt line, the line; for I/O ports, the first and
    /// last port (inclusive). Made only by <see cref="RunWord.TryParse"/>, which checks the ranges.
    /// </summary>
    internal readonly struct CapabilityRequest
    {
        private readonly CapabilityRequestKind _kind;
        private readonly uint _first;
        private readonly uint _last;

        private CapabilityRequest(CapabilityRequestKind kind, uint first, uint last)
        {
            _kind = kind;
            _first = first;
            _last = last;
        }

        public static CapabilityRequest ForRegisterRight() => new CapabilityRequest(CapabilityRequestKind.Register, 0, 0);

        public static CapabilityRequest ForInterruptLine(uint line) => new CapabilityRequest(CapabilityRequestKind.InterruptLine, line, line);

        public static CapabilityRequest ForIoPorts(uint firstPort, uint lastPort) => new CapabilityRequest(CapabilityRequestKind.IoPorts, firstPort, lastPort);

        public static CapabilityRequest ForTaskCreation() => new CapabilityRequest(CapabilityRequestKind.TaskCreation, 0, 0);

        public CapabilityRequestKind Kind => _kind;

        /// <summary>The legacy interrupt line of an InterruptLine request.</summary>
        public uint InterruptLine => _first;

        /// <summary>The first port of an IoPorts request.</summary>
        public uint FirstPort => _first;

        /// <summary>The last port of an IoPorts request (inclusive).</summary>
        public uint LastPort => _last;

        /// <summary>How many ports an IoPorts request covers.</summary>
        public uint PortCount => _last - _first + 1;
    }
}
