using System;
using Cosmos.Formats;
using Xunit;

namespace CosmosKernel.Tests
{
    public unsafe class ElfImageTests
    {
        // Builds a minimal ELF64 executable: header, program headers, then segment bytes at 0x1000 per segment.
        private static byte[] BuildElf(params (ulong Address, ulong FileSize, ulong MemorySize, uint Flags)[] segments)
        {
            byte[] file = new byte[0x1000 + segments.Length * 0x1000];
            file[0] = 0x7F; file[1] = (byte)'E'; file[2] = (byte)'L'; file[3] = (byte)'F';
            file[4] = 2; file[5] = 1; file[6] = 1;
            BitConverter.GetBytes((ushort)2).CopyTo(file, 16);
            BitConverter.GetBytes((ushort)62).CopyTo(file, 18);
            BitConverter.GetBytes(1u).CopyTo(file, 20);
            BitConverter.GetBytes(segments.Length > 0 ? segments[0].Address : 0x400000UL).CopyTo(file, 24);
            BitConverter.GetBytes(64UL).CopyTo(file, 32);
            BitConverter.GetBytes((ushort)56).CopyTo(file, 54);
            BitConverter.GetBytes((ushort)segments.Length).CopyTo(file, 56);
            for (int i = 0; i < segments.Length; i++)
            {
                int header = 64 + i * 56;
                BitConverter.GetBytes(1u).CopyTo(file, header);
                BitConverter.GetBytes(segments[i].Flags).CopyTo(file, header + 4);
                BitConverter.GetBytes((ulong)(0x1000 + i * 0x1000)).CopyTo(file, header + 8);
                BitConverter.GetBytes(segments[i].Address).CopyTo(file, header + 16);
                BitConverter.GetBytes(segments[i].FileSize).CopyTo(file, header + 32);
                BitConverter.GetBytes(segments[i].MemorySize).CopyTo(file, header + 40);
            }
            return file;
        }

        private static ElfError Parse(byte[] file, out ElfImage image)
        {
            fixed (byte* bytes = file)
            {
                return ElfImage.Parse(bytes, (ulong)file.Length, out image);
            }
        }

        [Fact]
        public void ValidExecutableIsAccepted()
        {
            byte[] file = BuildElf((0x400000, 0x100, 0x100, 5), (0x401000, 0x80, 0x2000, 6));
            Assert.Equal(ElfError.None, Parse(file, out ElfImage image));
            Assert.Equal(2, image.SegmentCount);
            Assert.Equal(0x400000UL, image.EntryPoint);
            ElfSegment data = image.GetSegment(1);
            Assert.True(data.Writable);
            Assert.False(data.Executable);
            Assert.Equal(0x2000UL, data.MemorySize);
        }

        [Fact]
        public void EveryTruncationIsRefusedWithoutReadingPastTheEnd()
        {
            byte[] file = BuildElf((0x400000, 0x100, 0x100, 5));
            for (int length = 0; length < 0x1100; length += 7)
            {
                byte[] truncated = new byte[length];
                Array.Copy(file, truncated, length);
                ElfError error = Parse(truncated, out _);
                Assert.NotEqual(ElfError.None, error);
            }
        }

        [Theory]
        [InlineData(0, ElfError.BadMagic)]
        [InlineData(4, ElfError.NotSixtyFourBit)]
        [InlineData(5, ElfError.NotLittleEndian)]
        [InlineData(16, ElfError.NotExecutable)]
        [InlineData(18, ElfError.WrongMachine)]
        public void CorruptHeaderFieldsAreNamed(int offset, ElfError expected)
        {
            byte[] file = BuildElf((0x400000, 0x100, 0x100, 5));
            file[offset] ^= 0x5A;
            Assert.Equal(expected, Parse(file, out _));
        }

        [Fact]
        public void SegmentInKernelHalfIsRefused()
        {
            byte[] file = BuildElf((0xFFFF800000000000, 0x100, 0x100, 5));
            Assert.Equal(ElfError.SegmentOutsideUserSpace, Parse(file, out _));
        }

        [Fact]
        public void SegmentAtPageZeroIsRefused()
        {
            byte[] file = BuildElf((0x0, 0x100, 0x100, 5));
            Assert.Equal(ElfError.SegmentOutsideUserSpace, Parse(file, out _));
        }

        [Fact]
        public void SegmentWrappingAroundTheAddressSpaceIsRefused()
        {
            byte[] file = BuildElf((0x400000, 0x100, ulong.MaxValue - 0x1000, 5));
            Assert.Equal(ElfError.SegmentOutsideUserSpace, Parse(file, out _));
        }

        [Fact]
        public void OverlappingSegmentsAreRefused()
        {
            byte[] file = BuildElf((0x400000, 0x100, 0x2000, 5), (0x401000, 0x100, 0x100, 6));
            Assert.Equal(ElfError.SegmentsOverlap, Parse(file, out _));
        }

        [Fact]
        public void FileSizeLargerThanMemorySizeIsRefused()
        {
            byte[] file = BuildElf((0x400000, 0x200, 0x100, 5));
            Assert.Equal(ElfError.SegmentFileSizeExceedsMemorySize, Parse(file, out _));
        }

        [Fact]
        public void SegmentBytesBeyondTheFileAreRefused()
        {
            byte[] file = BuildElf((0x400000, 0x100000, 0x100000, 5));
            Assert.Equal(ElfError.SegmentOutsideFile, Parse(file, out _));
        }

        [Fact]
        public void EntryOutsideExecutableSegmentIsRefused()
        {
            byte[] file = BuildElf((0x400000, 0x100, 0x100, 6));
            Assert.Equal(ElfError.EntryNotInExecutableSegment, Parse(file, out _));
        }

        [Fact]
        public void HugeProgramHeaderCountIsRefused()
        {
            byte[] file = BuildElf((0x400000, 0x100, 0x100, 5));
            BitConverter.GetBytes((ushort)0xFFFF).CopyTo(file, 56);
            Assert.Equal(ElfError.ProgramHeadersOutsideFile, Parse(file, out _));
        }

        [Fact]
        public void RandomCorruptionNeverCrashes()
        {
            byte[] original = BuildElf((0x400000, 0x100, 0x100, 5), (0x401000, 0x80, 0x2000, 6));
            Random random = new Random(42);
            for (int round = 0; round < 5000; round++)
            {
                byte[] file = (byte[])original.Clone();
                int flips = random.Next(1, 6);
                for (int i = 0; i < flips; i++)
                {
                    file[random.Next(0, 0x200)] = (byte)random.Next(256);
                }
                ElfError error = Parse(file, out ElfImage image);
                if (error == ElfError.None)
                {
                    Assert.InRange(image.SegmentCount, 1, ElfImage.MaximumSegments);
                }
            }
        }
    }
}
