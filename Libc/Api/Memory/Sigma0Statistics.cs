namespace Cosmos.Api.Memory
{
    /// <summary>Sigma0's answer to <see cref="Sigma0Protocol.Statistics"/> (reply words 0-3), as <see cref="Sigma0Client.Statistics"/> returns it.</summary>
    public struct Sigma0Statistics
    {
        /// <summary>4 KiB frames of RAM sigma0 owns.</summary>
        public ulong TotalFrames;

        /// <summary>Frames not given to anyone.</summary>
        public ulong FreeFrames;

        /// <summary>Frames given (allocated or mapped at page faults) and not released.</summary>
        public ulong GivenFrames;

        /// <summary>Device blocks mapped and not released.</summary>
        public ulong DeviceBlocks;
    }
}
