namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// The block the reply being sent is to map, kept until the next request arrives: if the kernel cannot carry the map
    /// out (no or too small receive window, the requester's quota spent), the reply fails, the caller keeps waiting, and
    /// sigma0 takes the block back and answers <see cref="FailureLabel"/> without an item instead (<see cref="PortService"/>).
    /// </summary>
    internal readonly struct PendingMapping
    {
        public PendingMapping(PhysicalBlock block, int deviceGrant, uint failureLabel)
        {
            Block = block;
            DeviceGrant = deviceGrant;
            FailureLabel = failureLabel;
            IsSet = true;
        }

        /// <summary>False for "no mapping pending" (the default value).</summary>
        public bool IsSet { get; }

        public PhysicalBlock Block { get; }

        /// <summary>The <see cref="DeviceGrants"/> entry of a device block; -1 for RAM frames.</summary>
        public int DeviceGrant { get; }

        /// <summary>The label to answer with when the mapping failed: MapFailed, or UnresolvedLabel for a page fault.</summary>
        public uint FailureLabel { get; }
    }
}
