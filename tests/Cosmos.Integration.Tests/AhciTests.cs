using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The disk driver's AHCI back end on QEMU's q35 (ICH9 AHCI at 00:1f.2): a raw image with known content on AHCI port 4
    /// (-device ide-hd on bus ide.4), after the ISO as QEMU's -cdrom, which q35 puts on AHCI port 2 (an ATAPI device the
    /// driver must pass over on its way to the disk). The disk driver is started by hand with the ABAR and interrupt line SeaBIOS assigned, which one
    /// short boot reads from QEMU's "info pci" first (they do not change between boots with the same devices). disktest
    /// then reads known sectors (checksums computed here from the image), writes a pattern that is checked in the image
    /// file after QEMU has exited, sends requests the driver must refuse, and measures sequential reads.
    /// </summary>
    public sealed class AhciTests
    {
        private const int ImageSectors = 65536;

        /// <summary>The AHCI port of the test disk: after the -cdrom's port 2, so the driver meets the ATAPI device first.</summary>
        private const int DiskPort = 4;
        private const int SectorSize = 512;

        private const ulong KnownRead1 = 1000;
        private const uint KnownCount1 = 16;
        private const ulong KnownRead2 = ImageSectors - 8;
        private const uint KnownCount2 = 8;
        private const ulong WriteFirst = 4096;
        private const uint WriteCount = 64;
        private const uint WritePatternValue = 77;

        /// <summary>The sector whose reads QEMU's blkdebug fails (beyond the 16 MiB the benchmark reads).</summary>
        private const ulong BadSector = 60000;

        private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(180);

        private static readonly Regex Verdict = new Regex(@"^disktest (?<mode>\w+): (?<verdict>passed|FAILED.*)$", RegexOptions.CultureInvariant);
        private static readonly Regex ReadLine = new Regex(@"^disktest read: lba=(?<lba>\d+) count=(?<count>\d+) checksum=(?<checksum>[0-9a-f]{8}) first=(?<first>[0-9a-f]+)", RegexOptions.CultureInvariant);
        private static readonly Regex WriteLine = new Regex(@"^disktest write: lba=(?<lba>\d+) count=(?<count>\d+) pattern=(?<pattern>\d+) .*verified", RegexOptions.CultureInvariant);
        private static readonly Regex InformationLine = new Regex(@"^disktest info: disk0 model=""(?<model>[^""]*)"" sectors=(?<sectors>\d+) sector_size=(?<size>\d+) max_sectors=(?<maximum>\d+) mode=(?<mode>[\w-]+)", RegexOptions.CultureInvariant);
        private static readonly Regex BenchLine = new Regex(@"^bench disk_read_seq median=(?<median>[0-9.]+) mean=(?<mean>[0-9.]+) stddev=(?<stddev>[0-9.]+) n=(?<n>\d+) unit=MB/s", RegexOptions.CultureInvariant);
        private static readonly Regex PortLine = new Regex(@"^disk: ahci: port (?<port>\d+): (?<kind>SATA disk|ATAPI device|unknown device)", RegexOptions.CultureInvariant);
        private static readonly Regex DeviceErrorLine = new Regex(@"^disk: ahci: port \d+: command .*(failed|timed out)", RegexOptions.CultureInvariant);

        private static readonly SemaphoreSlim s_discoveryLock = new SemaphoreSlim(1, 1);
        private static AhciFunction s_function;

        private readonly ITestOutputHelper _output;

        public AhciTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task ReadsKnownSectorsWritesThroughToTheImageAndRefusesBadRequests()
        {
            using TemporaryImage image = TemporaryImage.CreateKnown(ImageSectors);
            AhciFunction function = await DiscoverAsync(image.Path);
            string[] words =
            {
                ProgramContract.Run("disktest", "info"),
                ProgramContract.Run("disktest", "read", KnownRead1.ToString(CultureInfo.InvariantCulture), KnownCount1.ToString(CultureInfo.InvariantCulture)),
                ProgramContract.Run("disktest", "read", KnownRead2.ToString(CultureInfo.InvariantCulture), KnownCount2.ToString(CultureInfo.InvariantCulture)),
                ProgramContract.Run("disktest", "write", WriteFirst.ToString(CultureInfo.InvariantCulture), WriteCount.ToString(CultureInfo.InvariantCulture), WritePatternValue.ToString(CultureInfo.InvariantCulture)),
                ProgramContract.Run("disktest", "bad"),
            };

            IReadOnlyList<SerialLine> lines;
            await using (QemuMachine machine = await StartAsync(image.Path, function, words))
            {
                await WaitForVerdictsAsync(machine, words.Length);
                lines = machine.Output.Lines;
                AssertOnLines(machine, lines);
            }

            // QEMU has exited: the written sectors are in the image file, their neighbours are as they were.
            byte[] written = image.ReadSectors(WriteFirst, WriteCount);
            for (int i = 0; i < written.Length; i++)
            {
                ulong sector = WriteFirst + (ulong)(i / SectorSize);
                byte expected = (byte)(sector * 31 + (ulong)(i % SectorSize) * 7 + WritePatternValue);
                Assert.True(written[i] == expected, $"Image byte {i} of the written range (sector {sector}) is 0x{written[i]:x2}, expected 0x{expected:x2}.");
            }
            Assert.Equal(TemporaryImage.KnownSectors(WriteFirst - 1, 1), image.ReadSectors(WriteFirst - 1, 1));
            Assert.Equal(TemporaryImage.KnownSectors(WriteFirst + WriteCount, 1), image.ReadSectors(WriteFirst + WriteCount, 1));
        }

        [Fact]
        public async Task SequentialReadsReachAUsefulRateWhileAnInjectedReadErrorIsReportedAndRecoveredFrom()
        {
            using TemporaryImage image = TemporaryImage.CreateKnown(ImageSectors);
            AhciFunction function = await DiscoverAsync(image.Path);
            // QEMU's blkdebug layer fails every read of the bad sector with EIO: the AHCI device answers with ERR (PxIS.TFES).
            string rules = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(image.Path), "blkdebug.conf");
            File.WriteAllText(rules, "[inject-error]\nevent = \"read_aio\"\nsector = \"" + BadSector.ToString(CultureInfo.InvariantCulture) + "\"\nerrno = \"5\"\n");
            string[] words =
            {
                ProgramContract.Run("disktest", "bench"),
                ProgramContract.Run("disktest", "read", BadSector.ToString(CultureInfo.InvariantCulture), "1"),
            };

            await using QemuMachine machine = await StartAsync("blkdebug:" + rules + ":" + image.Path, function, words);
            await WaitForVerdictsAsync(machine, words.Length);
            IReadOnlyList<SerialLine> lines = machine.Output.Lines;

            // The bad sector's read fails with DeviceError, the driver says why, and it keeps serving: the benchmark, whose
            // reads went on around the failure (the failure is reported before the benchmark's verdict), passes.
            SerialLine failedRead = lines.FirstOrDefault(line => Verdict.Match(line.Text) is Match match && match.Success
                && match.Groups["mode"].Value == "read" && match.Groups["verdict"].Value.StartsWith("FAILED", StringComparison.Ordinal));
            MachineAssert.True(machine, failedRead != null && failedRead.Text.Contains("DeviceError", StringComparison.Ordinal), "The read of the bad sector did not fail with DeviceError.");
            SerialLine driverError = lines.FirstOrDefault(line => DeviceErrorLine.IsMatch(line.Text));
            MachineAssert.True(machine, driverError != null && driverError.Text.Contains("at " + BadSector.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), "The driver did not report the failed command at the bad sector.");

            AssertPassed(machine, lines, "bench");
            SerialLine benchVerdict = lines.First(line => Verdict.Match(line.Text) is Match match && match.Success && match.Groups["mode"].Value == "bench");
            MachineAssert.True(machine, driverError.Number < benchVerdict.Number, "The read error came after the benchmark had ended, so recovery under load was not exercised.");
            SerialLine bench = lines.FirstOrDefault(line => BenchLine.IsMatch(line.Text));
            MachineAssert.True(machine, bench != null, "disktest bench printed no disk_read_seq line.");
            _output.WriteLine(bench.Text);
            Match figures = BenchLine.Match(bench.Text);
            double median = double.Parse(figures.Groups["median"].Value, CultureInfo.InvariantCulture);
            // 16 MiB per round; a command that completed only by its 10 s timeout (a lost interrupt) would pull this far under 1.
            MachineAssert.True(machine, median >= 1.0, $"Sequential reads are implausibly slow: \"{bench.Text}\".");
            MachineAssert.True(machine, !lines.Any(line => line.Text.Contains("without an interrupt", StringComparison.Ordinal)), "A command completed without its interrupt.");
        }

        private void AssertOnLines(QemuMachine machine, IReadOnlyList<SerialLine> lines)
        {
            foreach (string mode in new[] { "info", "read", "write", "bad" })
            {
                AssertPassed(machine, lines, mode);
            }

            List<Match> ports = lines.Select(line => PortLine.Match(line.Text)).Where(match => match.Success).ToList();
            MachineAssert.True(
                machine,
                ports.Any(match => match.Groups["kind"].Value == "SATA disk" && match.Groups["port"].Value == DiskPort.ToString(CultureInfo.InvariantCulture)),
                $"The driver reported no SATA disk on AHCI port {DiskPort}.");
            MachineAssert.True(
                machine,
                ports.Any(match => match.Groups["kind"].Value == "ATAPI device" && int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture) < DiskPort),
                "The driver did not report the -cdrom as an ATAPI device it passed over before the disk.");

            Match information = lines.Select(line => InformationLine.Match(line.Text)).FirstOrDefault(match => match.Success);
            MachineAssert.True(machine, information != null, "disktest info printed no information line for disk0.");
            MachineAssert.True(machine, information.Groups["mode"].Value == "ahci", $"disk0's mode is {information.Groups["mode"].Value}, not ahci.");
            MachineAssert.True(machine, information.Groups["model"].Value == "QEMU HARDDISK", $"disk0's model is \"{information.Groups["model"].Value}\".");
            MachineAssert.True(machine, information.Groups["sectors"].Value == ImageSectors.ToString(CultureInfo.InvariantCulture), $"disk0 has {information.Groups["sectors"].Value} sectors, the image {ImageSectors}.");
            MachineAssert.True(machine, information.Groups["size"].Value == "512", "disk0's sector size is not 512.");
            MachineAssert.True(machine, information.Groups["maximum"].Value == "1024", $"disk0 moves {information.Groups["maximum"].Value} sectors per request, not the 512 KiB buffer's 1024.");

            List<Match> reads = lines.Select(line => ReadLine.Match(line.Text)).Where(match => match.Success).ToList();
            foreach ((ulong first, uint count) in new[] { (KnownRead1, KnownCount1), (KnownRead2, KnownCount2) })
            {
                Match read = reads.FirstOrDefault(match => match.Groups["lba"].Value == first.ToString(CultureInfo.InvariantCulture));
                MachineAssert.True(machine, read != null, $"disktest printed no read line for LBA {first}.");
                byte[] known = TemporaryImage.KnownSectors(first, count);
                string checksum = Fnv1a(known).ToString("x8", CultureInfo.InvariantCulture);
                string head = Convert.ToHexString(known, 0, 16).ToLowerInvariant();
                MachineAssert.True(
                    machine,
                    read.Groups["checksum"].Value == checksum && read.Groups["first"].Value == head,
                    $"Sectors {first}+{count} read back as checksum {read.Groups["checksum"].Value} first {read.Groups["first"].Value}; the image holds {checksum} {head}.");
            }

            Match write = lines.Select(line => WriteLine.Match(line.Text)).FirstOrDefault(match => match.Success);
            MachineAssert.True(machine, write != null && write.Groups["lba"].Value == WriteFirst.ToString(CultureInfo.InvariantCulture), "disktest printed no verified write line.");
            MachineAssert.True(machine, !lines.Any(line => DeviceErrorLine.IsMatch(line.Text)), "An AHCI command failed or timed out.");
        }

        private static void AssertPassed(QemuMachine machine, IReadOnlyList<SerialLine> lines, string mode)
        {
            List<Match> verdicts = lines.Select(line => Verdict.Match(line.Text)).Where(match => match.Success && match.Groups["mode"].Value == mode).ToList();
            MachineAssert.True(machine, verdicts.Count > 0, $"disktest {mode} printed no verdict.");
            string failed = verdicts.Where(match => match.Groups["verdict"].Value != "passed").Select(match => match.Value).FirstOrDefault();
            MachineAssert.True(machine, failed == null, $"disktest {mode} failed: \"{failed}\".");
        }

        private static Task WaitForVerdictsAsync(QemuMachine machine, int count) =>
            machine.WaitUntilAsync(
                output => output.Lines.Count(line => Verdict.IsMatch(line.Text)) >= count || output.Lines.Any(line => KernelContract.Panic.IsMatch(line.Text)),
                $"{count} disktest verdicts",
                ScenarioTimeout);

        private static Task<QemuMachine> StartAsync(string driveFile, AhciFunction function, IEnumerable<string> disktestWords)
        {
            string disk = "run=disk:ahci:" + function.PciIndex.ToString(CultureInfo.InvariantCulture) + "+register+sigma0+device=0x"
                + function.RegisterBase.ToString("x", CultureInfo.InvariantCulture) + "/" + function.RegisterLog2.ToString(CultureInfo.InvariantCulture)
                + "+irq=" + function.InterruptLine.ToString(CultureInfo.InvariantCulture);
            QemuOptions options = Options(driveFile);
            options.KernelCommandLine = string.Join(" ", new[] { PciRun, disk }.Concat(disktestWords));
            return QemuMachine.StartAsync(options);
        }

        private const string PciRun = "run=pci+register+io=0xcf8-0xcff";

        // q35 with the test disk on AHCI port DiskPort; driveFile is the image's path or a QEMU block filename such as "blkdebug:RULES:IMAGE".
        private static QemuOptions Options(string driveFile)
        {
            QemuOptions options = new QemuOptions { MachineType = MachineType.Q35 };
            options.ExtraArguments.Add("-drive");
            options.ExtraArguments.Add("file=" + driveFile + ",format=raw,if=none,id=ahcidisk");
            options.ExtraArguments.Add("-device");
            options.ExtraArguments.Add("ide-hd,drive=ahcidisk,bus=ide." + DiskPort.ToString(CultureInfo.InvariantCulture));
            return options;
        }

        // One boot with the same devices, only as far as the kernel's "ready" (the firmware has placed the BARs by then),
        // to read the AHCI function's ABAR, interrupt line and index from QEMU's "info pci"; shared by the tests of a run.
        private static async Task<AhciFunction> DiscoverAsync(string imagePath)
        {
            await s_discoveryLock.WaitAsync();
            try
            {
                if (s_function != null)
                {
                    return s_function;
                }
                QemuOptions options = Options(imagePath);
                options.KernelCommandLine = PciRun;
                await using QemuMachine machine = await QemuMachine.StartAsync(options);
                await machine.WaitForLineAsync(KernelContract.Ready, ScenarioTimeout);
                string listing = await machine.SendMonitorCommandAsync("info pci");
                s_function = AhciFunction.Parse(listing);
                return s_function;
            }
            finally
            {
                s_discoveryLock.Release();
            }
        }

        private static uint Fnv1a(byte[] data)
        {
            uint hash = 2166136261;
            foreach (byte value in data)
            {
                hash = (hash ^ value) * 16777619;
            }
            return hash;
        }

        /// <summary>The AHCI function as QEMU's "info pci" shows it: its index in bus order (the PCI driver's numbering), ABAR and line.</summary>
        private sealed class AhciFunction
        {
            public int PciIndex { get; private init; }
            public ulong RegisterBase { get; private init; }
            public int RegisterLog2 { get; private init; }
            public int InterruptLine { get; private init; }

            private static readonly Regex FunctionHeader = new Regex(@"^\s*Bus\s+(?<bus>\d+), device\s+(?<device>\d+), function (?<function>\d+):", RegexOptions.CultureInvariant);
            private static readonly Regex Interrupt = new Regex(@"^\s*IRQ (?<line>\d+), pin", RegexOptions.CultureInvariant);
            private static readonly Regex Bar5 = new Regex(@"^\s*BAR5: 32 bit memory at 0x(?<start>[0-9a-f]+) \[0x(?<end>[0-9a-f]+)\]", RegexOptions.CultureInvariant);

            public static AhciFunction Parse(string listing)
            {
                string[] lines = listing.Replace("\r", "").Split('\n');
                int index = -1;
                bool inside = false;
                int line = -1;
                ulong start = 0;
                ulong end = 0;
                int found = -1;
                foreach (string text in lines)
                {
                    Match header = FunctionHeader.Match(text);
                    if (header.Success)
                    {
                        if (inside)
                        {
                            break;
                        }
                        index++;
                        inside = header.Groups["bus"].Value == "0" && header.Groups["device"].Value == "31" && header.Groups["function"].Value == "2";
                        if (inside)
                        {
                            found = index;
                        }
                        continue;
                    }
                    if (!inside)
                    {
                        continue;
                    }
                    Match interrupt = Interrupt.Match(text);
                    if (interrupt.Success)
                    {
                        line = int.Parse(interrupt.Groups["line"].Value, CultureInfo.InvariantCulture);
                    }
                    Match bar = Bar5.Match(text);
                    if (bar.Success)
                    {
                        start = ulong.Parse(bar.Groups["start"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        end = ulong.Parse(bar.Groups["end"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    }
                }
                Assert.True(found >= 0 && line > 0 && line < 16 && start != 0 && end > start, "QEMU's info pci shows no usable AHCI function at 00:1f.2:\n" + listing);
                ulong size = end - start + 1;
                int log2 = 12;
                while ((1UL << log2) < size)
                {
                    log2++;
                }
                Assert.True((start & ((1UL << log2) - 1)) == 0, $"The ABAR 0x{start:x} is not aligned to its block of 2^{log2} bytes.");
                return new AhciFunction { PciIndex = found, RegisterBase = start, RegisterLog2 = log2, InterruptLine = line };
            }
        }

        /// <summary>A raw disk image in a temporary directory: sector s starts with "AHCI" and s (8 bytes, little-endian), the rest is s's low byte.</summary>
        private sealed class TemporaryImage : IDisposable
        {
            private readonly string _directory;

            private TemporaryImage(string directory)
            {
                _directory = directory;
                Path = System.IO.Path.Combine(directory, "ahci.img");
            }

            public string Path { get; }

            public static TemporaryImage CreateKnown(int sectors)
            {
                string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cosmos-ahci-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(directory);
                TemporaryImage image = new TemporaryImage(directory);
                File.WriteAllBytes(image.Path, KnownSectors(0, (uint)sectors));
                return image;
            }

            public static byte[] KnownSectors(ulong first, uint count)
            {
                byte[] data = new byte[count * SectorSize];
                for (uint k = 0; k < count; k++)
                {
                    ulong sector = first + k;
                    Span<byte> bytes = data.AsSpan((int)(k * SectorSize), SectorSize);
                    bytes.Fill((byte)sector);
                    Encoding.ASCII.GetBytes("AHCI").CopyTo(bytes);
                    BitConverter.TryWriteBytes(bytes.Slice(4, 8), sector);
                }
                return data;
            }

            public byte[] ReadSectors(ulong first, uint count)
            {
                using FileStream stream = File.OpenRead(Path);
                stream.Seek((long)first * SectorSize, SeekOrigin.Begin);
                byte[] data = new byte[count * SectorSize];
                stream.ReadExactly(data);
                return data;
            }

            public void Dispose()
            {
                try
                {
                    Directory.Delete(_directory, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
