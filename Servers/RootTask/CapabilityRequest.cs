namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// One capability a run word asks for: its kind and, for an interrupt line, the line; for I/O ports, the first and
    /// last port (inclusive); for device memory, the physical base and log2 size. Made only by
    /// <see cref="RunWord.TryParse"/>, which checks the ranges.
    /// </summary>
    internal readonly struct CapabilityRequest
    {
        private readonly CapabilityRequestKind _kind;
        private readonly uint _first;
        private readonly uint _last;
        private readonly ulong _deviceBase;

        private CapabilityRequest(CapabilityRequestKind kind, uint first, uint last, ulong deviceBase = 0)
        {
            _kind = kind;
            _first = first;
            _last = last;
            _deviceBase = deviceBase;
        }

        public static CapabilityRequest ForRegisterRight() => new CapabilityRequest(CapabilityRequestKind.Register, 0, 0);

        public static CapabilityRequest ForInterruptLine(uint line) => new CapabilityRequest(CapabilityRequestKind.InterruptLine, line, line);

        public static CapabilityRequest ForIoPorts(uint firstPort, uint lastPort) => new CapabilityRequest(CapabilityRequestKind.IoPorts, firstPort, lastPort);

        public static CapabilityRequest ForTaskCreation() => new CapabilityRequest(CapabilityRequestKind.TaskCreation, 0, 0);

        public static CapabilityRequest ForSigma0Memory() => new CapabilityRequest(CapabilityRequestKind.Sigma0Memory, 0, 0);

        /// <summary>Device memory [physicalBase, physicalBase + 2^sizeLog2); the caller checked alignment and range.</summary>
        public static CapabilityRequest ForDeviceMemory(ulong physicalBase, uint sizeLog2) => new CapabilityRequest(CapabilityRequestKind.DeviceMemory, sizeLog2, sizeLog2, physicalBase);

        public CapabilityRequestKind Kind => _kind;

        /// <summary>The legacy interrupt line of an InterruptLine request.</summary>
        public uint InterruptLine => _first;

        /// <summary>The first port of an IoPorts request.</summary>
        public uint FirstPort => _first;

        /// <summary>The last port of an IoPorts request (inclusive).</summary>
        public uint LastPort => _last;

        /// <summary>How many ports an IoPorts request covers.</summary>
        public uint PortCount => _last - _first + 1;

        /// <summary>The physical base of a DeviceMemory request.</summary>
        public ulong DeviceBase => _deviceBase;

        /// <summary>The log2 size of a DeviceMemory request (12-47).</summary>
        public uint DeviceSizeLog2 => _first;

        /// <summary>The badge of a DeviceMemory request's capability: the flexpage word base | log2 size &lt;&lt; 4 of the physical range.</summary>
        public ulong DeviceBadge => _deviceBase | ((ulong)_first << 4);
    }
}
