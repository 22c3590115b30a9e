using System.Collections.Generic;
using Cosmos.Api.Memory;
using Cosmos.Servers.Sigma0;
using Xunit;
using static Servers.Tests.Sigma0TestMemory;

namespace Servers.Tests
{
    public class FrameTableTests
    {
        private const ulong RootTask = 0;
        private const ulong Alice = 2;
        private const ulong Bob = 4;

        [Fact]
        public void AllocationNeverGivesAFrameTwice()
        {
            var table = new FrameTable(Ranges((1 * MiB, 3 * MiB), (8 * MiB, 8 * MiB)));
            var seen = new HashSet<ulong>();
            int[] sizes = { 12, 13, 16, 12, 20, 14, 21, 12, 22, 15 };
            for (int i = 0; ; i++)
            {
                int sizeLog2 = sizes[i % sizes.Length];
                Sigma0Status status = table.AllocateAny((ulong)sizeLog2, Alice, out PhysicalBlock block);
                if (status == Sigma0Status.NoMemory)
                {
                    if (sizeLog2 == 12)
                    {
                        break;
                    }
                    continue;
                }
                Assert.Equal(Sigma0Status.Success, status);
                Assert.Equal(0UL, block.BaseAddress & (block.Size - 1));
                for (ulong frame = block.BaseAddress; frame < block.End; frame += PhysicalBlock.FrameSize)
                {
                    Assert.True(seen.Add(frame), "frame given twice");
                    Assert.True(table.TryGetOwner(frame, out ulong owner));
                    Assert.Equal(Alice, owner);
                }
            }
            Assert.Equal(table.TotalFrames, seen.Count);
            Assert.Equal(0, table.FreeFrames);
            Assert.Equal(table.TotalFrames, table.GivenFrames);
        }

        [Fact]
        public void BlocksAreNaturallyAlignedAndInsideOneRange()
        {
            // 3 MiB at 1 MiB: the only 2 MiB-aligned 2 MiB block is at 2 MiB; no 4 MiB block fits.
            var table = new FrameTable(Ranges((1 * MiB, 3 * MiB)));
            Assert.Equal(Sigma0Status.NoMemory, table.AllocateAny(22, Alice, out _));
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(21, Alice, out PhysicalBlock large));
            Assert.Equal(2 * MiB, large.BaseAddress);
            Assert.Equal(Sigma0Status.NoMemory, table.AllocateAny(21, Alice, out _));
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(20, Alice, out PhysicalBlock low));
            Assert.Equal(1 * MiB, low.BaseAddress);
        }

        [Fact]
        public void AllocatingAroundAGivenFrameSkipsIt()
        {
            var table = new FrameTable(Ranges((0, 1 * MiB)));
            Assert.Equal(Sigma0Status.Success, table.AllocatePhysical(Block(0x3000, 12), Bob));
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(14, Alice, out PhysicalBlock block));
            Assert.Equal(0x4000UL, block.BaseAddress);
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(13, Alice, out PhysicalBlock first));
            Assert.Equal(0UL, first.BaseAddress);
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(12, Alice, out PhysicalBlock single));
            Assert.Equal(0x2000UL, single.BaseAddress);
        }

        [Fact]
        public void AllocatePhysicalOfAGivenFrameIsAlreadyGiven()
        {
            var table = new FrameTable(Ranges((1 * MiB, 4 * MiB)));
            Assert.Equal(Sigma0Status.Success, table.AllocatePhysical(Block(2 * MiB + 0x5000, 12), Alice));
            Assert.Equal(Sigma0Status.AlreadyGiven, table.AllocatePhysical(Block(2 * MiB + 0x5000, 12), Alice));
            Assert.Equal(Sigma0Status.AlreadyGiven, table.AllocatePhysical(Block(2 * MiB + 0x5000, 12), Bob));
            Assert.Equal(Sigma0Status.AlreadyGiven, table.AllocatePhysical(Block(2 * MiB, 20), Bob));
            Assert.Equal(Sigma0Status.Success, table.AllocatePhysical(Block(3 * MiB, 20), Bob));
        }

        [Fact]
        public void AllocatePhysicalOutsideItsRamIsNotRam()
        {
            var table = new FrameTable(Ranges((1 * MiB, 3 * MiB)));
            Assert.Equal(Sigma0Status.NotRam, table.AllocatePhysical(Block(0, 12), Alice));
            Assert.Equal(Sigma0Status.NotRam, table.AllocatePhysical(Block(0, 22), Alice));
            Assert.Equal(Sigma0Status.NotRam, table.AllocatePhysical(Block(0xFEE0_0000, 12), Alice));
            Assert.Equal(table.TotalFrames, table.FreeFrames);
        }

        [Fact]
        public void ReleaseByANonOwnerIsNotOwned()
        {
            var table = new FrameTable(Ranges((1 * MiB, 3 * MiB)));
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(16, Alice, out PhysicalBlock block));
            Assert.Equal(Sigma0Status.NotOwned, table.CheckRelease(block, Bob));
            Assert.Equal(Sigma0Status.NotOwned, table.CheckRelease(block, RootTask));
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(12, Bob, out PhysicalBlock bobs));
            // A block that holds one of Bob's frames besides Alice's is not all Alice's.
            Assert.Equal(Sigma0Status.NotOwned, table.CheckRelease(Block(block.BaseAddress, 17), Alice));
            Assert.Equal(Sigma0Status.NotOwned, table.CheckRelease(Block(0, 12), Alice));
            Assert.Equal(Sigma0Status.NotOwned, table.CheckRelease(Block(3 * MiB, 12), Alice));
            Assert.Equal(Sigma0Status.Success, table.CheckRelease(block, Alice));
            Assert.Equal(Sigma0Status.Success, table.CheckRelease(bobs, Bob));
        }

        [Fact]
        public void ReleaseThenReallocateGivesTheBlockAgain()
        {
            var table = new FrameTable(Ranges((0, 64 * KiB)));
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(16, Alice, out PhysicalBlock block));
            Assert.Equal(Sigma0Status.NoMemory, table.AllocateAny(12, Bob, out _));
            Assert.Equal(Sigma0Status.Success, table.CheckRelease(block, Alice));
            table.Free(block);
            Assert.Equal(16, table.FreeFrames);
            Assert.False(table.TryGetOwner(0, out _));
            Assert.Equal(Sigma0Status.NotOwned, table.CheckRelease(block, Alice));
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(16, Bob, out PhysicalBlock again));
            Assert.Equal(block.BaseAddress, again.BaseAddress);
            Assert.True(table.TryGetOwner(0xF000, out ulong owner));
            Assert.Equal(Bob, owner);
        }

        [Fact]
        public void PartOfAGivenBlockCanBeReleased()
        {
            var table = new FrameTable(Ranges((0, 64 * KiB)));
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(16, Alice, out _));
            Assert.Equal(Sigma0Status.Success, table.CheckRelease(Block(0x8000, 15), Alice));
            table.Free(Block(0x8000, 15));
            Assert.Equal(8, table.FreeFrames);
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(15, Bob, out PhysicalBlock block));
            Assert.Equal(0x8000UL, block.BaseAddress);
        }

        [Fact]
        public void ExhaustionIsNoMemoryAndChangesNothing()
        {
            var table = new FrameTable(Ranges((0, 16 * KiB)));
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(Sigma0Status.Success, table.AllocateAny(12, Alice, out _));
            }
            Assert.Equal(Sigma0Status.NoMemory, table.AllocateAny(12, Alice, out _));
            Assert.Equal(Sigma0Status.NoMemory, table.AllocateAny(13, Bob, out _));
            Assert.Equal(0, table.FreeFrames);
            Assert.Equal(4, table.GivenFrames);
        }

        [Fact]
        public void SizesOutsideTheProtocolAreBadRequests()
        {
            var table = new FrameTable(Ranges((0, 16 * MiB)));
            Assert.Equal(Sigma0Status.BadRequest, table.AllocateAny(11, Alice, out _));
            Assert.Equal(Sigma0Status.BadRequest, table.AllocateAny(23, Alice, out _));
            Assert.Equal(Sigma0Status.BadRequest, table.AllocateAny(ulong.MaxValue, Alice, out _));
            Assert.False(PhysicalBlock.TryCreate(0x1000, 13, out _));
            Assert.False(PhysicalBlock.TryCreate(1UL << 47, 12, out _));
            Assert.False(PhysicalBlock.TryCreate(0, 64, out _));
        }

        [Fact]
        public void OwnersAreLimitedAndReusedWhenTheyHoldNothing()
        {
            var table = new FrameTable(Ranges((0, 1 * MiB)), ownerCapacity: 2);
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(12, Alice, out PhysicalBlock alices));
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(12, Bob, out _));
            Assert.Equal(Sigma0Status.NoMemory, table.AllocateAny(12, 6, out _));
            table.Free(alices);
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(12, 6, out PhysicalBlock third));
            Assert.Equal(alices.BaseAddress, third.BaseAddress);
            Assert.Equal(Sigma0Status.NotOwned, table.CheckRelease(third, Alice));
        }

        [Fact]
        public void AbandonedFramesAreTakenBackAndOnlyThose()
        {
            var table = new FrameTable(Ranges((0, 16 * KiB)));
            var blocks = new List<PhysicalBlock>();
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(Sigma0Status.Success, table.AllocateAny(12, i < 2 ? Alice : Bob, out PhysicalBlock block));
                blocks.Add(block);
            }
            var kernel = new RecordingUnmap();
            kernel.Abandoned.Add(blocks[1].BaseAddress);
            kernel.Abandoned.Add(blocks[3].BaseAddress);

            Assert.Equal(2, table.ReclaimAbandoned(kernel));

            Assert.Equal(new[] { blocks[1].BaseAddress, blocks[3].BaseAddress }, kernel.Unmapped);
            Assert.Equal(2, table.FreeFrames);
            Assert.True(table.TryGetOwner(blocks[0].BaseAddress, out ulong owner) && owner == Alice);
            Assert.False(table.TryGetOwner(blocks[1].BaseAddress, out _));
            Assert.Equal(Sigma0Status.Success, table.AllocatePhysical(blocks[3], Alice));
        }

        [Fact]
        public void AFrameTheKernelWillNotUnmapStaysGiven()
        {
            var table = new FrameTable(Ranges((0, 8 * KiB)));
            Assert.Equal(Sigma0Status.Success, table.AllocateAny(12, Alice, out PhysicalBlock block));
            var kernel = new RecordingUnmap { Refuse = true };
            kernel.Abandoned.Add(block.BaseAddress);

            Assert.Equal(0, table.ReclaimAbandoned(kernel));
            Assert.True(table.TryGetOwner(block.BaseAddress, out _));
        }
    }
}
