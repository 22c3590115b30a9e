using System.Runtime.InteropServices;
using CosmosKernel.Interrupts;
using Xunit;

namespace CosmosKernel.Tests
{
    /// <summary>I/O port ranges as capability objects, a task's enabled ranges, and the TSS permission bitmap's bit operations.</summary>
    public sealed unsafe class IoPortPermissionTests
    {
        private const int BitmapBytes = 8192;

        [Theory]
        [InlineData(0ul, 65536ul)]
        [InlineData(0x40ul, 4ul)]
        [InlineData(65535ul, 1ul)]
        [InlineData(0x3F8ul, 8ul)]
        public void ARangeSurvivesItsObjectIndex(ulong first, ulong count)
        {
            Assert.True(IoPortRange.TryCreate(first, count, out IoPortRange range));
            Assert.True(IoPortRange.TryFromObjectIndex(range.ObjectIndex, out IoPortRange decoded));
            Assert.Equal((uint)first, decoded.First);
            Assert.Equal((uint)count, decoded.Count);
        }

        [Theory]
        [InlineData(0ul, 0ul)]
        [InlineData(65535ul, 2ul)]
        [InlineData(65536ul, 1ul)]
        [InlineData(1ul, 65536ul)]
        [InlineData(0x40ul, ulong.MaxValue)]
        public void EmptyAndOverflowingRangesAreRefused(ulong first, ulong count)
        {
            Assert.False(IoPortRange.TryCreate(first, count, out _));
        }

        [Fact]
        public void AnIndexWhoseRangePassesTheLastPortIsRefused()
        {
            uint index = 0xFFFF | (1u << 16); // first 65535, count 2
            Assert.False(IoPortRange.TryFromObjectIndex(index, out _));
            Assert.True(IoPortRange.TryFromObjectIndex(IoPortRange.All.ObjectIndex, out IoPortRange all));
            Assert.Equal(65536u, all.Count);
        }

        [Fact]
        public void ContainsNeedsEveryPortInside()
        {
            IoPortRange.TryCreate(0x40, 4, out IoPortRange pit);
            IoPortRange.TryCreate(0x43, 1, out IoPortRange mode);
            IoPortRange.TryCreate(0x43, 2, out IoPortRange straddling);
            IoPortRange.TryCreate(0x3F, 1, out IoPortRange below);
            Assert.True(pit.Contains(pit));
            Assert.True(pit.Contains(mode));
            Assert.False(pit.Contains(straddling));
            Assert.False(pit.Contains(below));
            Assert.True(IoPortRange.All.Contains(straddling));
        }

        [Fact]
        public void GrantsHoldAtMostEightRangesAndSkipCoveredOnes()
        {
            IoPortGrants grants = default;
            Assert.True(grants.IsEmpty);
            for (uint i = 0; i < IoPortGrants.Capacity; i++)
            {
                IoPortRange.TryCreate(i * 16, 8, out IoPortRange range);
                Assert.False(grants.Covers(range));
                Assert.True(grants.TryAdd(range));
            }
            IoPortRange.TryCreate(0x1000, 1, out IoPortRange ninth);
            Assert.False(grants.TryAdd(ninth));
            Assert.Equal(IoPortGrants.Capacity, grants.Count);
            IoPortRange.TryCreate(18, 3, out IoPortRange inside);
            Assert.True(grants.Covers(inside));
            Assert.Equal(16u, grants[1].First);
            grants.Clear();
            Assert.True(grants.IsEmpty);
            Assert.False(grants.Covers(inside));
        }

        [Theory]
        [InlineData(0ul, 65536ul)]
        [InlineData(0x40ul, 4ul)]
        [InlineData(3ul, 2ul)]
        [InlineData(5ul, 30ul)]
        [InlineData(65530ul, 6ul)]
        [InlineData(8ul, 8ul)]
        public void AllowClearsExactlyTheRangeAndDenyRestoresIt(ulong first, ulong count)
        {
            byte* bitmap = (byte*)NativeMemory.Alloc(BitmapBytes);
            try
            {
                NativeMemory.Fill(bitmap, BitmapBytes, 0xFF);
                IoPortRange.TryCreate(first, count, out IoPortRange range);
                IoPermissionBitmap.Allow(bitmap, range);
                for (uint port = 0; port < 65536; port++)
                {
                    bool inside = port >= first && port < first + count;
                    Assert.True(inside == IoPermissionBitmap.IsAllowed(bitmap, port), $"port {port}");
                }
                IoPermissionBitmap.Deny(bitmap, range);
                for (int i = 0; i < BitmapBytes; i++)
                {
                    Assert.Equal(0xFF, bitmap[i]);
                }
            }
            finally
            {
                NativeMemory.Free(bitmap);
            }
        }
    }
}
