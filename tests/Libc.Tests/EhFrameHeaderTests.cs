using System;
using Internal.Runtime.ExceptionHandling;
using Xunit;

namespace Libc.Tests
{
    /// <summary>
    /// Finding an address's FDE through .eh_frame_hdr's sorted table: a header as ld writes it (version 1, eh_frame
    /// pointer pcrel sdata4, count udata4, table datarel sdata4) over two copies of the recorded FDE, made to describe
    /// two functions with a gap between them.
    /// </summary>
    public unsafe class EhFrameHeaderTests
    {
        private const int HeaderSize = 12 + 2 * 8;
        private const int FirstFunction = 0x10000; // code addresses: this far past the buffer's start (never read)
        private const int SecondFunction = 0x20000;

        private static readonly int s_cieLength = RecordedUnwindData.CommonInformationEntry.Length;
        private static readonly int s_fdeLength = RecordedUnwindData.FrameDescriptionEntry.Length;

        private static byte[] Build(byte* address)
        {
            byte[] image = new byte[HeaderSize + s_cieLength + 2 * s_fdeLength];
            image[0] = 1;
            image[1] = 0x1B;
            image[2] = 0x03;
            image[3] = 0x3B;
            BitConverter.GetBytes(HeaderSize - 4).CopyTo(image, 4); // .eh_frame follows the header
            BitConverter.GetBytes(2).CopyTo(image, 8);
            RecordedUnwindData.CommonInformationEntry.CopyTo(image, HeaderSize);
            int[] functions = { FirstFunction, SecondFunction };
            for (int i = 0; i < 2; i++)
            {
                int fde = HeaderSize + s_cieLength + i * s_fdeLength;
                RecordedUnwindData.FrameDescriptionEntry.CopyTo(image, fde);
                int ciePointerField = fde + RecordedUnwindData.CiePointerOffset;
                BitConverter.GetBytes(ciePointerField - HeaderSize).CopyTo(image, ciePointerField);
                int pcField = fde + RecordedUnwindData.FunctionStartOffset;
                BitConverter.GetBytes(functions[i] - pcField).CopyTo(image, pcField);
                BitConverter.GetBytes(functions[i]).CopyTo(image, 12 + i * 8); // table: datarel to the header
                BitConverter.GetBytes(fde).CopyTo(image, 12 + i * 8 + 4);
            }
            return image;
        }

        private static UnwindError Find(byte[] image, long offset, out ulong functionStart)
        {
            fixed (byte* start = image)
            {
                byte[] built = Build(start);
                built.CopyTo(image, 0);
                Assert.Equal(UnwindError.None, EhFrameHeader.Open(start, out EhFrameHeader header));
                Assert.Equal((ulong)(start + HeaderSize), (ulong)header.EhFrameStart);
                UnwindError error = header.Find((ulong)(start + offset), out FrameDescriptionEntry entry);
                functionStart = entry.FunctionStart - (ulong)start;
                return error;
            }
        }

        private static byte[] NewImage() => new byte[HeaderSize + s_cieLength + 2 * s_fdeLength];

        [Theory]
        [InlineData(FirstFunction, FirstFunction)]
        [InlineData(FirstFunction + 0x50, FirstFunction)]
        [InlineData(FirstFunction + RecordedUnwindData.FunctionLength - 1, FirstFunction)]
        [InlineData(SecondFunction, SecondFunction)]
        [InlineData(SecondFunction + 0x1A7, SecondFunction)]
        public void FindsTheFunctionContainingTheAddress(long address, long expectedStart)
        {
            Assert.Equal(UnwindError.None, Find(NewImage(), address, out ulong start));
            Assert.Equal((ulong)expectedStart, start);
        }

        [Theory]
        [InlineData(FirstFunction - 1)]
        [InlineData(FirstFunction + RecordedUnwindData.FunctionLength)]
        [InlineData(SecondFunction - 1)]
        [InlineData(SecondFunction + RecordedUnwindData.FunctionLength)]
        public void AddressesOutsideEveryFunctionHaveNoEntry(long address)
        {
            Assert.Equal(UnwindError.NoEntry, Find(NewImage(), address, out _));
        }

        [Fact]
        public void AnotherVersionOrTableEncodingIsRefused()
        {
            byte[] image = NewImage();
            fixed (byte* start = image)
            {
                Build(start).CopyTo(image, 0);
                image[0] = 2;
                Assert.Equal(UnwindError.UnsupportedHeader, EhFrameHeader.Open(start, out _));
                image[0] = 1;
                image[3] = 0x03; // an absolute table: not what ld writes
                Assert.Equal(UnwindError.UnsupportedHeader, EhFrameHeader.Open(start, out _));
                Assert.Equal(UnwindError.UnsupportedHeader, EhFrameHeader.Open(null, out _));
            }
        }
    }
}
