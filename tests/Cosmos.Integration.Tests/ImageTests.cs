using System;
using System.IO;
using System.Text;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>The ISO itself: small enough for any stick, and bootable both as a CD and as a disk.</summary>
    public sealed class ImageTests
    {
        private const int MaximumImageBytes = 10 * 1024 * 1024;
        private const int SectorSize = 512;
        private const int CdSectorSize = 2048;

        [Fact]
        public void ImageIsSmallerThanTenMebibytes()
        {
            var image = new FileInfo(RepositoryLayout.FindImage());

            Assert.True(image.Length < MaximumImageBytes, $"{image.FullName} is {image.Length} bytes; the limit is {MaximumImageBytes}.");
        }

        [Fact]
        public void ImageIsHybridWithMbrAndGptOrElTorito()
        {
            byte[] image = File.ReadAllBytes(RepositoryLayout.FindImage());

            // A disk boot (USB stick): the MBR in sector 0 ends with the boot signature 55 AA.
            Assert.True(image.Length > 18 * CdSectorSize, $"The image is only {image.Length} bytes.");
            Assert.True(image[510] == 0x55 && image[511] == 0xAA, $"No MBR boot signature at offset 510: {image[510]:X2} {image[511]:X2}.");

            // UEFI from a disk needs a GPT (header "EFI PART" in sector 1); a CD boot needs an El Torito boot record
            // (ISO 9660 volume descriptor in sector 17: type 0, "CD001", version 1, "EL TORITO SPECIFICATION").
            bool hasGpt = Encoding.ASCII.GetString(image, SectorSize, 8) == "EFI PART";
            int bootRecord = 17 * CdSectorSize;
            bool hasElTorito = image[bootRecord] == 0
                && Encoding.ASCII.GetString(image, bootRecord + 1, 5) == "CD001"
                && image[bootRecord + 6] == 1
                && Encoding.ASCII.GetString(image, bootRecord + 7, 23) == "EL TORITO SPECIFICATION";
            Assert.True(hasGpt || hasElTorito, "The image has neither a GPT header in sector 1 nor an El Torito boot record in CD sector 17.");

            // And it is an ISO 9660 file system at all: the primary volume descriptor in CD sector 16.
            int primary = 16 * CdSectorSize;
            Assert.Equal("CD001", Encoding.ASCII.GetString(image, primary + 1, 5));
            Assert.Equal(1, image[primary]);
        }
    }
}
