using System.Collections.Generic;
using Cosmos.Servers.Sigma0;

namespace Servers.Tests
{
    /// <summary>An <see cref="IPhysicalUnmap"/> that records what it unmapped and can be told to refuse.</summary>
    internal sealed class RecordingUnmap : IPhysicalUnmap
    {
        public List<ulong> Unmapped { get; } = new List<ulong>();

        public bool Refuse { get; set; }

        /// <summary>Frames the fake kernel says nobody maps any more.</summary>
        public HashSet<ulong> Abandoned { get; } = new HashSet<ulong>();

        public bool IsAbandoned(ulong frameAddress) => Abandoned.Contains(frameAddress);

        public bool Unmap(PhysicalBlock block)
        {
            if (Refuse)
            {
                return false;
            }
            Unmapped.Add(block.BaseAddress);
            return true;
        }
    }
}
