namespace CosmosKernel.Memory
{
    /// <summary>The result of allocating frames: the physical address of the first frame, or an error.</summary>
    internal readonly struct FrameResult
    {
        public readonly PhysicalAddress Address;
        public readonly FrameAllocatorError Error;

        private FrameResult(PhysicalAddress address, FrameAllocatorError error)
        {
            Address = address;
            Error = error;
        }

        public bool Succeeded => Error == FrameAllocatorError.None;

        public static FrameResult Success(PhysicalAddress address) => new FrameResult(address, FrameAllocatorError.None);

        public static FrameResult Failure(FrameAllocatorError error) => new FrameResult(PhysicalAddress.Null, error);
    }
}
