using System;
using CosmosKernel.Memory;
using Xunit;

namespace CosmosKernel.Tests
{
    public sealed unsafe class FrameAllocatorTests : IDisposable
    {
        private const ulong MiB = 1024 * 1024;
        private const ulong Frame = FrameAllocator.FrameSize;
        private const ulong MemorySize = 16 * MiB;
        private const ulong KernelStart = 1 * MiB;
        private const ulong KernelEnd = 2 * MiB;

        private readonly SimulatedPhysicalMemory _memory = new SimulatedPhysicalMemory(MemorySize);

        public void Dispose() => _memory.Dispose();

        // A PC-like map: low memory, a firmware hole below 1 MiB, then RAM to 16 MiB.
        private static MemoryMap PcLikeMap()
        {
            MemoryMap map = default;
            map.Add(new MemoryRegion(new PhysicalAddress(0), 0x9F000, MemoryRegionKind.Usable));
            map.Add(new MemoryRegion(new PhysicalAddress(0x9F000), 0x100000 - 0x9F000, MemoryRegionKind.Reserved));
            map.Add(new MemoryRegion(new PhysicalAddress(0x100000), MemorySize - 0x100000, MemoryRegionKind.Usable));
            return map;
        }

        private FrameAllocator CreateAllocator(in MemoryMap map, params PhysicalRange[] reservations)
        {
            FrameAllocator allocator = default;
            fixed (PhysicalRange* list = reservations)
            {
                FrameAllocatorError error = allocator.Initialize(in map, list, reservations.Length, _memory.Window);
                Assert.Equal(FrameAllocatorError.None, error);
            }
            return allocator;
        }

        private FrameAllocator CreateStandardAllocator()
        {
            MemoryMap map = PcLikeMap();
            return CreateAllocator(in map,
                new PhysicalRange(new PhysicalAddress(0), new PhysicalAddress(1 * MiB)),
                new PhysicalRange(new PhysicalAddress(KernelStart), new PhysicalAddress(KernelEnd)));
        }

        private static PhysicalRange Range(ulong start, ulong end) => new PhysicalRange(new PhysicalAddress(start), new PhysicalAddress(end));

        [Fact]
        public void FreeFramesAreUsableMemoryMinusReservationsAndBitmap()
        {
            FrameAllocator allocator = CreateStandardAllocator();

            ulong bitmapFrames = allocator.BitmapRange.Length / Frame;
            ulong expected = (MemorySize - KernelEnd) / Frame - bitmapFrames;
            Assert.Equal(expected, allocator.FreeFrames);
            Assert.Equal(expected, allocator.AllocatableFrames);
            Assert.Equal(MemorySize / Frame, allocator.ManagedFrames);
            Assert.Equal(expected * Frame / MiB, allocator.FreeMebibytes);
        }

        [Fact]
        public void BitmapLiesInUsableMemoryOutsideReservationsAndIsReserved()
        {
            FrameAllocator allocator = CreateStandardAllocator();

            PhysicalRange bitmap = allocator.BitmapRange;
            Assert.True(bitmap.Start.Value >= KernelEnd, $"bitmap at {bitmap.Start.Value:x} overlaps the reservations");
            Assert.True(bitmap.Start.IsPageAligned);
            // Two bits per frame (in use, reserved), rounded up to whole frames.
            Assert.Equal(Frame, bitmap.Length);
            Assert.True(allocator.IsReserved(bitmap.Start));
            Assert.Equal(FrameAllocatorError.ReservedFrame, allocator.FreeFrame(bitmap.Start));
        }

        [Fact]
        public void AllocatesLowestFreeFrameFirst()
        {
            FrameAllocator allocator = CreateStandardAllocator();
            ulong firstFree = allocator.BitmapRange.End.Value;

            FrameResult first = allocator.AllocateFrame();
            FrameResult second = allocator.AllocateFrame();

            Assert.True(first.Succeeded);
            Assert.Equal(firstFree, first.Address.Value);
            Assert.Equal(firstFree + Frame, second.Address.Value);
            Assert.False(allocator.IsFree(first.Address));
        }

        [Fact]
        public void NeverHandsOutReservedOrNonUsableFramesEvenWhenExhausted()
        {
            FrameAllocator allocator = CreateStandardAllocator();
            ulong total = allocator.FreeFrames;
            ulong count = 0;

            while (true)
            {
                FrameResult result = allocator.AllocateFrame();
                if (!result.Succeeded)
                {
                    Assert.Equal(FrameAllocatorError.OutOfMemory, result.Error);
                    break;
                }
                count++;
                ulong address = result.Address.Value;
                Assert.True(address >= KernelEnd, $"handed out reserved frame {address:x}");
                Assert.True(address < MemorySize);
                Assert.False(allocator.BitmapRange.Contains(result.Address));
            }

            Assert.Equal(total, count);
            Assert.Equal(0UL, allocator.FreeFrames);
            Assert.Equal(FrameAllocatorError.OutOfMemory, allocator.AllocateContiguous(2).Error);
        }

        [Fact]
        public void FreedFrameIsReusedAfterExhaustion()
        {
            FrameAllocator allocator = CreateStandardAllocator();
            FrameResult kept = allocator.AllocateFrame();
            while (allocator.AllocateFrame().Succeeded)
            {
            }

            Assert.Equal(FrameAllocatorError.None, allocator.FreeFrame(kept.Address));
            Assert.Equal(1UL, allocator.FreeFrames);
            FrameResult again = allocator.AllocateFrame();

            Assert.True(again.Succeeded);
            Assert.Equal(kept.Address.Value, again.Address.Value);
        }

        [Fact]
        public void FrameZeroIsNeverAllocatedEvenWhenUsableAndUnreserved()
        {
            MemoryMap map = default;
            map.Add(new MemoryRegion(new PhysicalAddress(0), 64 * Frame, MemoryRegionKind.Usable));
            FrameAllocator allocator = CreateAllocator(in map);

            Assert.True(allocator.IsReserved(new PhysicalAddress(0)));
            while (true)
            {
                FrameResult result = allocator.AllocateFrame();
                if (!result.Succeeded)
                {
                    break;
                }
                Assert.NotEqual(0UL, result.Address.Value);
            }
        }

        [Fact]
        public void ContiguousRunIsLowestFreeRunAndSkipsAllocatedFrames()
        {
            FrameAllocator allocator = CreateStandardAllocator();
            FrameResult a = allocator.AllocateFrame();
            FrameResult b = allocator.AllocateFrame();
            FrameResult c = allocator.AllocateFrame();
            Assert.Equal(FrameAllocatorError.None, allocator.FreeFrame(b.Address)); // a one-frame hole

            ulong before = allocator.FreeFrames;
            FrameResult run = allocator.AllocateContiguous(4);

            Assert.True(run.Succeeded);
            Assert.Equal(c.Address.Value + Frame, run.Address.Value); // the hole at b is too small
            Assert.Equal(before - 4, allocator.FreeFrames);
            for (ulong i = 0; i < 4; i++)
            {
                Assert.False(allocator.IsFree(run.Address.Add(i * Frame)));
            }
            Assert.True(allocator.IsFree(b.Address));
            Assert.Equal(b.Address.Value, allocator.AllocateFrame().Address.Value);
            Assert.False(allocator.IsFree(a.Address));
        }

        [Fact]
        public void ContiguousRunCrossesBitmapWordBoundaries()
        {
            FrameAllocator allocator = CreateStandardAllocator();

            FrameResult run = allocator.AllocateContiguous(200);

            Assert.True(run.Succeeded);
            Assert.Equal(FrameAllocatorError.None, allocator.FreeContiguous(run.Address, 200));
            Assert.Equal(allocator.AllocatableFrames, allocator.FreeFrames);
        }

        [Fact]
        public void ContiguousRunFailsWhenMemoryIsFragmented()
        {
            MemoryMap map = default;
            map.Add(new MemoryRegion(new PhysicalAddress(0), 128 * Frame, MemoryRegionKind.Usable));
            FrameAllocator allocator = CreateAllocator(in map);
            // Take every frame, then free every other one: plenty free, no two adjacent.
            ulong first = 0;
            ulong count = 0;
            while (true)
            {
                FrameResult result = allocator.AllocateFrame();
                if (!result.Succeeded)
                {
                    break;
                }
                if (count == 0)
                {
                    first = result.Address.Value;
                }
                count++;
            }
            for (ulong i = 0; i < count; i += 2)
            {
                Assert.Equal(FrameAllocatorError.None, allocator.FreeFrame(new PhysicalAddress(first + i * Frame)));
            }

            Assert.True(allocator.FreeFrames >= 8);
            Assert.Equal(FrameAllocatorError.OutOfMemory, allocator.AllocateContiguous(2).Error);
            Assert.True(allocator.AllocateContiguous(1).Succeeded);
        }

        [Fact]
        public void ContiguousRunRejectsInvalidCounts()
        {
            FrameAllocator allocator = CreateStandardAllocator();

            Assert.Equal(FrameAllocatorError.InvalidCount, allocator.AllocateContiguous(0).Error);
            Assert.Equal(FrameAllocatorError.InvalidCount, allocator.AllocateContiguous(allocator.ManagedFrames + 1).Error);
        }

        [Fact]
        public void DoubleFreeIsDetectedAndChangesNothing()
        {
            FrameAllocator allocator = CreateStandardAllocator();
            FrameResult frame = allocator.AllocateFrame();
            Assert.Equal(FrameAllocatorError.None, allocator.FreeFrame(frame.Address));
            ulong free = allocator.FreeFrames;

            Assert.Equal(FrameAllocatorError.DoubleFree, allocator.FreeFrame(frame.Address));
            Assert.Equal(free, allocator.FreeFrames);
        }

        [Fact]
        public void FreeingANeverAllocatedFrameIsADoubleFree()
        {
            FrameAllocator allocator = CreateStandardAllocator();

            Assert.Equal(FrameAllocatorError.DoubleFree, allocator.FreeFrame(new PhysicalAddress(8 * MiB)));
        }

        [Fact]
        public void FreeingReservedFramesIsRefused()
        {
            FrameAllocator allocator = CreateStandardAllocator();
            ulong free = allocator.FreeFrames;

            Assert.Equal(FrameAllocatorError.ReservedFrame, allocator.FreeFrame(new PhysicalAddress(KernelStart)));       // kernel image
            Assert.Equal(FrameAllocatorError.ReservedFrame, allocator.FreeFrame(new PhysicalAddress(0x9F000)));           // firmware hole
            Assert.Equal(FrameAllocatorError.ReservedFrame, allocator.FreeFrame(new PhysicalAddress(0x1000)));            // first MiB
            Assert.Equal(FrameAllocatorError.ReservedFrame, allocator.FreeFrame(new PhysicalAddress(0)));
            Assert.Equal(free, allocator.FreeFrames);
        }

        [Fact]
        public void FreeRejectsUnalignedAndUnmanagedAddresses()
        {
            FrameAllocator allocator = CreateStandardAllocator();

            Assert.Equal(FrameAllocatorError.NotFrameAligned, allocator.FreeFrame(new PhysicalAddress(4 * MiB + 8)));
            Assert.Equal(FrameAllocatorError.OutsideManagedMemory, allocator.FreeFrame(new PhysicalAddress(MemorySize)));
            Assert.Equal(FrameAllocatorError.OutsideManagedMemory, allocator.FreeContiguous(new PhysicalAddress(MemorySize - Frame), 2));
        }

        [Fact]
        public void FreeContiguousChecksEveryFrameBeforeFreeingAny()
        {
            FrameAllocator allocator = CreateStandardAllocator();
            FrameResult run = allocator.AllocateContiguous(3);
            Assert.Equal(FrameAllocatorError.None, allocator.FreeFrame(run.Address.Add(2 * Frame)));
            ulong free = allocator.FreeFrames;

            Assert.Equal(FrameAllocatorError.DoubleFree, allocator.FreeContiguous(run.Address, 3));

            Assert.Equal(free, allocator.FreeFrames);
            Assert.False(allocator.IsFree(run.Address));
            Assert.False(allocator.IsFree(run.Address.Add(Frame)));
        }

        [Fact]
        public void NonUsableRegionOverlappingUsableRegionWins()
        {
            MemoryMap map = default;
            map.Add(new MemoryRegion(new PhysicalAddress(0), 4 * MiB, MemoryRegionKind.Usable));
            map.Add(new MemoryRegion(new PhysicalAddress(2 * MiB + 0x800), 0x1000, MemoryRegionKind.AcpiNonVolatile));
            FrameAllocator allocator = CreateAllocator(in map);

            // The ACPI range touches two frames; both are lost to allocation.
            Assert.True(allocator.IsReserved(new PhysicalAddress(2 * MiB)));
            Assert.True(allocator.IsReserved(new PhysicalAddress(2 * MiB + Frame)));
            Assert.False(allocator.IsReserved(new PhysicalAddress(2 * MiB + 2 * Frame)));
        }

        [Fact]
        public void PartialFramesAtRegionEdgesAreNotUsable()
        {
            MemoryMap map = default;
            // The larger region comes first so the bitmap goes there (placement follows the map's order).
            map.Add(new MemoryRegion(new PhysicalAddress(1 * MiB), 1 * MiB, MemoryRegionKind.Usable));
            map.Add(new MemoryRegion(new PhysicalAddress(0x1800), 0x4000, MemoryRegionKind.Usable)); // 0x1800..0x5800
            FrameAllocator allocator = CreateAllocator(in map);

            Assert.Equal(1 * MiB, allocator.BitmapRange.Start.Value);
            Assert.True(allocator.IsReserved(new PhysicalAddress(0x1000)));
            Assert.False(allocator.IsReserved(new PhysicalAddress(0x2000)));
            Assert.False(allocator.IsReserved(new PhysicalAddress(0x4000)));
            Assert.True(allocator.IsReserved(new PhysicalAddress(0x5000)));
        }

        [Fact]
        public void MemoryWithoutUsableRegionsIsRejected()
        {
            MemoryMap map = default;
            map.Add(new MemoryRegion(new PhysicalAddress(0), 4 * MiB, MemoryRegionKind.Reserved));
            FrameAllocator allocator = default;

            Assert.Equal(FrameAllocatorError.NoUsableMemory, allocator.Initialize(in map, null, 0, _memory.Window));
        }

        [Fact]
        public void NoRoomForTheBitmapIsRejected()
        {
            MemoryMap map = PcLikeMap();
            PhysicalRange* everything = stackalloc PhysicalRange[1];
            everything[0] = Range(0, MemorySize);
            FrameAllocator allocator = default;

            Assert.Equal(FrameAllocatorError.NoRoomForBitmap, allocator.Initialize(in map, everything, 1, _memory.Window));
        }

        [Fact]
        public void BitmapMustLieInsideTheWindow()
        {
            // The map claims far more memory than the window reaches; the bitmap still has to be reachable.
            MemoryMap map = default;
            map.Add(new MemoryRegion(new PhysicalAddress(0), MemorySize, MemoryRegionKind.Usable));
            map.Add(new MemoryRegion(new PhysicalAddress(64 * MiB), 1024 * MiB, MemoryRegionKind.Usable));
            FrameAllocator allocator = CreateAllocator(in map);

            Assert.True(_memory.Window.Contains(allocator.BitmapRange.Start, allocator.BitmapRange.Length));
            Assert.Equal((64 * MiB + 1024 * MiB) / Frame, allocator.ManagedFrames);
            Assert.True(allocator.IsReserved(new PhysicalAddress(32 * MiB))); // the hole between the regions
        }

        [Fact]
        public void DescribesEveryError()
        {
            foreach (FrameAllocatorError error in Enum.GetValues<FrameAllocatorError>())
            {
                Assert.DoesNotContain("unknown", FrameAllocatorErrors.Describe(error));
            }
        }

        [Fact]
        public void ClaimFreeFramesTakesTheHighestFreeFramesAndLeavesTheKeptOnesAllocatable()
        {
            FrameAllocator allocator = CreateStandardAllocator();
            ulong free = allocator.FreeFrames;
            ulong[] claimed = new ulong[(allocator.ManagedFrames + 63) / 64];
            const ulong Keep = 100;
            ulong taken;
            fixed (ulong* bits = claimed)
            {
                taken = allocator.ClaimFreeFrames(Keep, bits);
            }

            Assert.Equal(free - Keep, taken);
            Assert.Equal(Keep, allocator.FreeFrames);
            ulong marked = 0;
            ulong lowestClaimed = ulong.MaxValue;
            for (ulong frame = 0; frame < allocator.ManagedFrames; frame++)
            {
                if ((claimed[frame / 64] & (1UL << (int)(frame % 64))) != 0)
                {
                    marked++;
                    lowestClaimed = Math.Min(lowestClaimed, frame);
                    Assert.False(allocator.IsFree(PhysicalAddress.FromFrameNumber(frame)));
                    Assert.False(allocator.IsReserved(PhysicalAddress.FromFrameNumber(frame)));
                }
            }
            Assert.Equal(taken, marked);
            // The kept frames are the lowest free ones, below every claimed frame, and the allocator still hands them out.
            for (ulong i = 0; i < Keep; i++)
            {
                FrameResult result = allocator.AllocateFrame();
                Assert.True(result.Succeeded);
                Assert.True(result.Address.FrameNumber < lowestClaimed);
                Assert.Equal(0UL, claimed[result.Address.FrameNumber / 64] & (1UL << (int)(result.Address.FrameNumber % 64)));
            }
            Assert.False(allocator.AllocateFrame().Succeeded);
        }

        [Fact]
        public void ClaimFreeFramesTakesNothingWhenNoMoreThanTheKeptFramesAreFree()
        {
            FrameAllocator allocator = CreateStandardAllocator();
            ulong free = allocator.FreeFrames;
            ulong[] claimed = new ulong[(allocator.ManagedFrames + 63) / 64];
            fixed (ulong* bits = claimed)
            {
                Assert.Equal(0UL, allocator.ClaimFreeFrames(free, bits));
                Assert.Equal(0UL, allocator.ClaimFreeFrames(free + 1, bits));
            }
            Assert.Equal(free, allocator.FreeFrames);
            Assert.All(claimed, word => Assert.Equal(0UL, word));
        }
    }
}
