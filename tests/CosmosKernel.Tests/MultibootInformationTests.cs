using System;
using CosmosKernel.Boot;
using CosmosKernel.Memory;
using Xunit;

namespace CosmosKernel.Tests
{
    public sealed unsafe class MultibootInformationTests
    {
        // Where the test pretends the information lies in physical memory.
        private const ulong InformationPhysical = 0x10000;

        private static MultibootParseResult Parse(byte[] bytes, out MultibootInformation information, ulong? available = null)
        {
            fixed (byte* pointer = bytes)
            {
                return MultibootInformation.Parse(pointer, available ?? (ulong)bytes.Length, new PhysicalAddress(InformationPhysical), out information);
            }
        }

        // A window that maps the test's physical address of the information onto the byte array.
        private static PhysicalMemoryWindow WindowOver(byte* bytes) => new PhysicalMemoryWindow((ulong)bytes - InformationPhysical, ulong.MaxValue);

        private static byte[] TypicalInformation() => new MultibootBuilder()
            .CommandLine("selftest fault=null")
            .Module(0x200000, 0x201234, "symbols")
            .Module(0x300000, 0x300000, "roottask")
            .MemoryMap((0, 0x9FC00, 1), (0x9FC00, 0x400, 2), (0x100000, 0xFEE0000, 1), (0xFFE0000, 0x20000, 2))
            .Framebuffer(0xFD000000, 4096, 1024, 768, 32, 1)
            .Tag(14, RsdpBytes(revision: 0, length: 20))
            .Tag(15, RsdpBytes(revision: 2, length: 36))
            .End()
            .Build();

        private static byte[] RsdpBytes(byte revision, int length)
        {
            var bytes = new byte[length];
            "RSD PTR "u8.ToArray().CopyTo(bytes, 0);
            bytes[15] = revision;
            return bytes;
        }

        [Fact]
        public void ParsesEveryTagTheKernelUses()
        {
            byte[] bytes = TypicalInformation();

            MultibootParseResult result = Parse(bytes, out MultibootInformation information);

            Assert.Equal(MultibootParseError.None, result.Error);
            Assert.Equal(4, information.MemoryMap.Count);
            Assert.Equal(new MemoryRegion(new PhysicalAddress(0x100000), 0xFEE0000, MemoryRegionKind.Usable), information.MemoryMap[2]);
            Assert.Equal(MemoryRegionKind.Reserved, information.MemoryMap[3].Kind);
            Assert.Equal(0x9FC00UL + 0xFEE0000, information.MemoryMap.UsableBytes);
            Assert.Equal(0x10000000UL - 0x20000, information.MemoryMap.HighestUsableEnd.Value);

            Assert.Equal(2, information.ModuleCount);
            Assert.Equal(0x200000UL, information.GetModule(0).Range.Start.Value);
            Assert.Equal(0x201234UL, information.GetModule(0).Range.End.Value);
            Assert.Equal(0UL, information.GetModule(1).Range.Length);

            Assert.True(information.HasFramebuffer);
            Assert.Equal(0xFD000000UL, information.Framebuffer.Address.Value);
            Assert.Equal(1024u, information.Framebuffer.Width);
            Assert.Equal(768u, information.Framebuffer.Height);
            Assert.Equal(4096u, information.Framebuffer.Pitch);
            Assert.Equal(32, information.Framebuffer.BitsPerPixel);

            Assert.Equal(InformationPhysical, information.Range.Start.Value);
            Assert.Equal((ulong)bytes.Length, information.Range.Length);
        }

        [Fact]
        public void StringsAreReadThroughTheWindow()
        {
            byte[] bytes = TypicalInformation();
            Parse(bytes, out MultibootInformation information);

            fixed (byte* pointer = bytes)
            {
                PhysicalMemoryWindow window = WindowOver(pointer);
                BootString commandLine = information.GetCommandLine(window);

                Assert.True(information.HasCommandLine);
                Assert.True(commandLine.EqualsText("selftest fault=null"));
                Assert.True(information.GetModuleString(0, window).EqualsText("symbols"));
                Assert.Equal(1, information.FindModule("roottask", window));
                Assert.Equal(-1, information.FindModule("missing", window));
                Assert.Equal(-1, information.FindModule("symbol", window));
            }
        }

        [Fact]
        public void PrefersTheAcpi2Rsdp()
        {
            byte[] bytes = TypicalInformation();
            Parse(bytes, out MultibootInformation information);

            fixed (byte* pointer = bytes)
            {
                byte* rsdp = WindowOver(pointer).ToPointer(information.RsdpAddress);
                Assert.True(information.HasRsdp);
                Assert.Equal(2, rsdp[15]);
                Assert.Equal(36u, information.RsdpLength);
            }
        }

        [Fact]
        public void OldRsdpIsUsedWhenItIsTheOnlyOne()
        {
            byte[] bytes = new MultibootBuilder().Tag(14, RsdpBytes(0, 20)).End().Build();
            Parse(bytes, out MultibootInformation information);

            Assert.True(information.HasRsdp);
            Assert.Equal(20u, information.RsdpLength);
            Assert.Equal(InformationPhysical + 16, information.RsdpAddress.Value);
        }

        [Fact]
        public void MinimalInformationHasNothing()
        {
            byte[] bytes = new MultibootBuilder().End().Build();

            Assert.Equal(MultibootParseError.None, Parse(bytes, out MultibootInformation information).Error);
            Assert.Equal(0, information.MemoryMap.Count);
            Assert.Equal(0, information.ModuleCount);
            Assert.False(information.HasCommandLine);
            Assert.False(information.HasFramebuffer);
            Assert.False(information.HasRsdp);
            Assert.True(information.GetCommandLine(default).IsEmpty);
            Assert.True(information.RsdpAddress.IsNull);
        }

        [Fact]
        public void UnknownTagsAreSkipped()
        {
            byte[] bytes = new MultibootBuilder().Tag(21, new byte[4]).Tag(2, MultibootBuilder.NulTerminated("GRUB 2.12")).CommandLine("x").End().Build();

            Assert.Equal(MultibootParseError.None, Parse(bytes, out MultibootInformation information).Error);
            Assert.True(information.HasCommandLine);
        }

        [Fact]
        public void TagSizesThatAreNotMultiplesOfEightAreFollowedByPadding()
        {
            // "ab" + NUL = 11-byte tag, padded to 16; the next tag must still be found.
            byte[] bytes = new MultibootBuilder().CommandLine("ab").Module(1, 2, "m").End().Build();

            Assert.Equal(MultibootParseError.None, Parse(bytes, out MultibootInformation information).Error);
            Assert.Equal(1, information.ModuleCount);
        }

        [Fact]
        public void TotalSizeBelowHeaderAndEndTagIsRejected()
        {
            byte[] bytes = new MultibootBuilder().End().Build(totalSizeOverride: 8);

            Assert.Equal(MultibootParseError.TotalSizeTooSmall, Parse(bytes, out _).Error);
            Assert.Equal(MultibootParseError.TotalSizeTooSmall, Parse(new byte[4], out _).Error);
        }

        [Fact]
        public void TotalSizeBeyondTheAvailableBytesIsRejected()
        {
            byte[] bytes = new MultibootBuilder().CommandLine("x").End().Build();

            Assert.Equal(MultibootParseError.TotalSizeTooLarge, Parse(bytes, out _, available: (ulong)bytes.Length - 8).Error);
        }

        [Fact]
        public void TagSizeBelowItsHeaderIsRejectedWithItsOffsetAndType()
        {
            byte[] bytes = new MultibootBuilder().CommandLine("ok").Tag(1, new byte[8], sizeOverride: 4).End().Build();

            MultibootParseResult result = Parse(bytes, out _);

            Assert.Equal(MultibootParseError.TagSizeTooSmall, result.Error);
            Assert.Equal(24u, result.TagOffset);
            Assert.Equal(1u, result.TagType);
        }

        [Fact]
        public void TagReachingPastTheEndIsRejected()
        {
            byte[] bytes = new MultibootBuilder().Tag(1, MultibootBuilder.NulTerminated("x"), sizeOverride: 4000).End().Build();

            Assert.Equal(MultibootParseError.TagOverrunsInformation, Parse(bytes, out _).Error);
        }

        [Fact]
        public void MissingEndTagIsRejected()
        {
            byte[] bytes = new MultibootBuilder().CommandLine("no end").Build();

            Assert.Equal(MultibootParseError.MissingEndTag, Parse(bytes, out _).Error);
        }

        [Fact]
        public void TruncatedTagHeaderIsRejected()
        {
            // The total size leaves 4 bytes after the last tag: not enough for another header.
            byte[] full = new MultibootBuilder().CommandLine("1234567").End().Build();
            byte[] bytes = new byte[full.Length];
            full.CopyTo(bytes, 0);
            BitConverter.GetBytes((uint)(8 + 16 + 4)).CopyTo(bytes, 0);

            Assert.Equal(MultibootParseError.TagHeaderTruncated, Parse(bytes, out _).Error);
        }

        [Fact]
        public void UnterminatedStringsAreRejected()
        {
            byte[] commandLine = new MultibootBuilder().Tag(1, "abc"u8.ToArray()).End().Build();
            var modulePayload = new byte[12];
            BitConverter.GetBytes(1u).CopyTo(modulePayload, 0);
            BitConverter.GetBytes(2u).CopyTo(modulePayload, 4);
            "abcd"u8.ToArray().CopyTo(modulePayload, 8);
            byte[] module = new MultibootBuilder().Tag(3, modulePayload).End().Build();

            Assert.Equal(MultibootParseError.StringNotTerminated, Parse(commandLine, out _).Error);
            Assert.Equal(MultibootParseError.StringNotTerminated, Parse(module, out _).Error);
        }

        [Fact]
        public void ModuleTagsTooShortOrBackwardsAreRejected()
        {
            byte[] tooShort = new MultibootBuilder().Tag(3, new byte[6]).End().Build();
            byte[] backwards = new MultibootBuilder().Module(0x2000, 0x1000, "m").End().Build();

            Assert.Equal(MultibootParseError.TagSizeTooSmall, Parse(tooShort, out _).Error);
            Assert.Equal(MultibootParseError.ModuleRangeInvalid, Parse(backwards, out _).Error);
        }

        [Fact]
        public void TooManyModulesAreRejected()
        {
            var builder = new MultibootBuilder();
            for (int i = 0; i <= MultibootInformation.ModuleCapacity; i++)
            {
                builder.Module((uint)i, (uint)i + 1, "m");
            }

            Assert.Equal(MultibootParseError.TooManyModules, Parse(builder.End().Build(), out _).Error);
        }

        [Fact]
        public void MemoryMapWithBadEntrySizeIsRejected()
        {
            byte[] tooSmall = new MultibootBuilder().MemoryMapWithEntrySize(16, (0, 0x1000, 1)).End().Build();
            byte[] notAligned = new MultibootBuilder().MemoryMapWithEntrySize(28, (0, 0x1000, 1)).End().Build();

            Assert.Equal(MultibootParseError.MemoryMapEntrySizeInvalid, Parse(tooSmall, out _).Error);
            Assert.Equal(MultibootParseError.MemoryMapEntrySizeInvalid, Parse(notAligned, out _).Error);
        }

        [Fact]
        public void MemoryMapWithLargerEntriesIsAccepted()
        {
            byte[] bytes = new MultibootBuilder().MemoryMapWithEntrySize(32, (0x100000, 0x1000, 1), (0x200000, 0x2000, 3)).End().Build();

            Assert.Equal(MultibootParseError.None, Parse(bytes, out MultibootInformation information).Error);
            Assert.Equal(2, information.MemoryMap.Count);
            Assert.Equal(MemoryRegionKind.AcpiReclaimable, information.MemoryMap[1].Kind);
            Assert.Equal(0x2000UL, information.MemoryMap[1].Length);
        }

        [Fact]
        public void MemoryMapWhoseEntriesDoNotFillTheTagIsRejected()
        {
            var payload = new byte[8 + 24 + 8];
            BitConverter.GetBytes(24u).CopyTo(payload, 0);
            byte[] bytes = new MultibootBuilder().Tag(6, payload).End().Build();

            Assert.Equal(MultibootParseError.MemoryMapSizeMismatch, Parse(bytes, out _).Error);
        }

        [Fact]
        public void MemoryMapWithTooManyRegionsIsRejected()
        {
            var regions = new (ulong, ulong, uint)[MemoryMap.Capacity + 1];
            for (int i = 0; i < regions.Length; i++)
            {
                regions[i] = ((ulong)i * 0x1000, 0x1000, 1);
            }
            byte[] bytes = new MultibootBuilder().MemoryMap(regions).End().Build();

            Assert.Equal(MultibootParseError.TooManyMemoryRegions, Parse(bytes, out _).Error);
        }

        [Fact]
        public void ShortFramebufferAndRsdpTagsAreRejected()
        {
            byte[] framebuffer = new MultibootBuilder().Tag(8, new byte[12]).End().Build();
            byte[] oldRsdp = new MultibootBuilder().Tag(14, new byte[12]).End().Build();
            byte[] newRsdp = new MultibootBuilder().Tag(15, new byte[20]).End().Build();

            Assert.Equal(MultibootParseError.TagSizeTooSmall, Parse(framebuffer, out _).Error);
            Assert.Equal(MultibootParseError.TagSizeTooSmall, Parse(oldRsdp, out _).Error);
            Assert.Equal(MultibootParseError.TagSizeTooSmall, Parse(newRsdp, out _).Error);
        }

        [Fact]
        public void TagsAfterTheEndTagAreIgnored()
        {
            byte[] bytes = new MultibootBuilder().End().Tag(1, new byte[3], sizeOverride: 2).Build();

            Assert.Equal(MultibootParseError.None, Parse(bytes, out MultibootInformation information).Error);
            Assert.False(information.HasCommandLine);
        }

        [Fact]
        public void DescribesEveryError()
        {
            foreach (MultibootParseError error in Enum.GetValues<MultibootParseError>())
            {
                Assert.DoesNotContain("unknown", MultibootParseErrors.Describe(error));
            }
        }
    }
}
