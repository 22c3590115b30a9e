using System;
using System.Buffers.Binary;
using System.IO;
using System.Text.RegularExpressions;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// What the PCI driver, the disk driver and disktest print, the run words that start them on QEMU's i440FX machine
    /// (-machine pc), and the test disk image: <see cref="ImageSectors"/> sectors whose bytes the host can recompute.
    /// </summary>
    internal static class DiskContract
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;

        public const string PciRun = "run=pci+register+io=0xcf8-0xcff";

        /// <summary>The PIIX IDE function's number in the PCI driver's list on -machine pc (host bridge, ISA bridge, IDE, ...).</summary>
        public const int IdeFunctionIndex = 2;

        /// <summary>Where SeaBIOS puts the PIIX IDE's bus-master ports (BAR 4) on -machine pc with QEMU's default NIC at 00:03.0 (I/O 0xc000-0xc03f).</summary>
        public const int BusMasterBase = 0xC040;

        /// <summary>The IDE disk driver with bus-master DMA (slot 8 the BAR 4 ports).</summary>
        public static readonly string IdeDmaRun =
            $"run=disk:ide:{IdeFunctionIndex}+register+sigma0+io=0x1f0-0x1f7+io=0x3f6-0x3f6+irq=14+io=0x{BusMasterBase:x}-0x{BusMasterBase + 15:x}";

        /// <summary>The IDE disk driver without the bus-master ports: ATA PIO.</summary>
        public static readonly string IdePioRun = $"run=disk:ide:{IdeFunctionIndex}+register+sigma0+io=0x1f0-0x1f7+io=0x3f6-0x3f6+irq=14";

        /// <summary>"pci: 6 functions on bus 0, registered as pci".</summary>
        public static readonly Regex PciStarted = new Regex(@"^pci: (?<count>\d+) functions on bus 0, registered as pci$", Options);

        /// <summary>"disktest lspci: 00:01.1 0101: 8086:7010 irq=255 pin=0 bar4=io:c040/16".</summary>
        public static readonly Regex PciFunction = new Regex(
            @"^disktest lspci: (?<address>[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]) (?<class>[0-9a-f]{4}): (?<vendor>[0-9a-f]{4}):(?<device>[0-9a-f]{4}) irq=(?<line>\d+) pin=(?<pin>\d)(?<bars>( bar\d=(io|mem):[0-9a-f]+/\d+)*)$", Options);

        /// <summary>"disktest lspci: count=6 first_ide=2".</summary>
        public static readonly Regex PciSummary = new Regex(@"^disktest lspci: count=(?<count>\d+) first_ide=(?<ide>\d+|none)$", Options);

        /// <summary>"disk: disk0 QEMU HARDDISK, 65536 sectors of 512 bytes (32 MiB), IDE bus-master DMA".</summary>
        public static readonly Regex DiskStarted = new Regex(
            @"^disk: (?<name>disk\d) (?<model>.+), (?<sectors>\d+) sectors of (?<size>\d+) bytes \((?<capacity>\d+ [MG]iB)\), (?<mode>IDE bus-master DMA|IDE PIO|AHCI)$", Options);

        /// <summary>A disktest mode's verdict: "disktest read: passed" or "disktest read: FAILED (why)".</summary>
        public static readonly Regex Verdict = new Regex(@"^disktest (?<mode>\w+): (?<verdict>passed|FAILED \((?<why>.*)\))$", Options);

        /// <summary>"disktest read: lba=0 count=1 checksum=38b0c14d first=0000000000000000828a...".</summary>
        public static readonly Regex ReadResult = new Regex(@"^disktest read: lba=(?<lba>\d+) count=(?<count>\d+) checksum=(?<checksum>[0-9a-f]{8}) first=(?<first>[0-9a-f]*)$", Options);

        /// <summary>"disktest write: lba=100 count=9 pattern=7 checksum=ff6809c5 verified".</summary>
        public static readonly Regex WriteResult = new Regex(@"^disktest write: lba=(?<lba>\d+) count=(?<count>\d+) pattern=(?<pattern>\d+) checksum=(?<checksum>[0-9a-f]{8}) verified$", Options);

        /// <summary>"disktest info: disk0 model="QEMU HARDDISK" sectors=65536 sector_size=512 max_sectors=1024 mode=ata-bus-master-dma bytes=33554432".</summary>
        public static readonly Regex Information = new Regex(
            @"^disktest info: (?<name>disk\d) model=""(?<model>[^""]*)"" sectors=(?<sectors>\d+) sector_size=(?<size>\d+) max_sectors=(?<maximum>\d+) mode=(?<mode>[a-z-]+) bytes=(?<bytes>\d+)$", Options);

        /// <summary>"disktest bad: read_past_end status=OutOfRange ok" (or "expected=...").</summary>
        public static readonly Regex BadCase = new Regex(@"^disktest bad: (?<case>\w+) status=(?<status>\w+)(?<ok> ok| expected=(?<expected>\w+))$", Options);

        /// <summary>"bench disk_read_seq median=723.3 mean=703.0 stddev=66.7 n=8 unit=MB/s".</summary>
        public static readonly Regex Bench = new Regex(
            @"^bench disk_read_seq median=(?<median>[0-9.]+) mean=(?<mean>[0-9.]+) stddev=(?<stddev>[0-9.]+) n=(?<count>\d+) unit=MB/s$", Options);

        public const int SectorSize = 512;

        /// <summary>32 MiB.</summary>
        public const int ImageSectors = 65536;

        /// <summary>Byte <paramref name="index"/> of sector <paramref name="sector"/> of the test image: the sector number (64 bits, little-endian) then a pattern.</summary>
        public static byte ImageByte(long sector, int index) =>
            index < 8 ? (byte)(sector >> (8 * index)) : (byte)(sector * 13 + index * 5 + 0x5A);

        /// <summary>What "disktest write LBA COUNT PATTERN" writes to byte <paramref name="index"/> of <paramref name="sector"/>.</summary>
        public static byte WrittenByte(long sector, int index, int pattern) => (byte)(sector * 31 + index * 7 + pattern);

        /// <summary>Writes the test image to <paramref name="path"/>.</summary>
        public static void CreateImage(string path)
        {
            byte[] data = new byte[ImageSectors * SectorSize];
            for (long sector = 0; sector < ImageSectors; sector++)
            {
                for (int index = 0; index < SectorSize; index++)
                {
                    data[sector * SectorSize + index] = ImageByte(sector, index);
                }
            }
            File.WriteAllBytes(path, data);
        }

        /// <summary>FNV-1a over <paramref name="data"/>, as disktest prints it.</summary>
        public static string Checksum(ReadOnlySpan<byte> data)
        {
            uint hash = 2166136261;
            foreach (byte value in data)
            {
                hash = (hash ^ value) * 16777619;
            }
            return hash.ToString("x8");
        }

        /// <summary>The QEMU arguments that attach <paramref name="path"/> as the primary master IDE disk (the CD is the secondary master).</summary>
        public static string[] DriveArguments(string path, string cache) =>
            new[] { "-drive", $"file={path},format=raw,if=ide,index=0,cache={cache}" };

        public static string Hex(ReadOnlySpan<byte> data) => Convert.ToHexString(data).ToLowerInvariant();

        public static long ReadInt64(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadInt64LittleEndian(data);
    }
}
