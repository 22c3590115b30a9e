using Cosmos.Api.Memory;
using Cosmos.Servers.Sigma0;
using Xunit;

namespace Servers.Tests
{
    /// <summary>Physical memory layouts and blocks the sigma0 tests build on.</summary>
    internal static class Sigma0TestMemory
    {
        public const ulong KiB = 1024;
        public const ulong MiB = 1024 * KiB;

        public static RamRanges Ranges(params (ulong Base, ulong Length)[] ranges)
        {
            var list = new PhysicalMemoryRange[ranges.Length];
            for (int i = 0; i < ranges.Length; i++)
            {
                list[i] = new PhysicalMemoryRange { Base = ranges[i].Base, Length = ranges[i].Length };
            }
            return new RamRanges(list, list.Length);
        }

        public static PhysicalBlock Block(ulong baseAddress, int sizeLog2)
        {
            Assert.True(PhysicalBlock.TryCreate(baseAddress, (ulong)sizeLog2, out PhysicalBlock block));
            return block;
        }
    }
}
