using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The IDE disk driver on QEMU's i440FX machine (-machine pc) with a 32 MiB test image as the primary master: sectors
    /// read through the block-device protocol must be the image's, sectors written must be in the image file once QEMU has
    /// ended, bad requests get their status while the driver keeps serving, and without the bus-master ports the driver
    /// falls back to ATA PIO with the same results.
    /// </summary>
    public sealed class DiskTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("cosmos-disk-").FullName;

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

        [Fact]
        public async Task BusMasterDmaReadsKnownSectorsWritesThemToTheImageAndRefusesBadRequests()
        {
            string image = Path.Combine(_directory, "disk.img");
            DiskContract.CreateImage(image);
            string[] programs =
            {
                "run=disktest:read:0:1", "run=disktest:read:1000:1024", "run=disktest:read:65535:1",
                "run=disktest:write:100:9:7", "run=disktest:write:30000:1024:201", "run=disktest:bad", "run=disktest:info",
            };
            ProgramOutput output = await RunAsync(image, "writeback", DiskContract.IdeDmaRun, programs);

            AssertStarted(output, "IDE bus-master DMA");
            AssertReads(output, (0, 1), (1000, 1024), (65535, 1));
            AssertWrites(output, image, (100, 9, 7), (30000, 1024, 201));

            IReadOnlyList<(SerialLine Line, Match Match)> cases = output.All(DiskContract.BadCase);
            string[] wrong = cases.Where(item => item.Match.Groups["ok"].Value != " ok").Select(item => item.Line.Text).ToArray();
            output.Assert(cases.Count >= 15 && wrong.Length == 0, $"disktest bad: {cases.Count} cases, wrongly answered:\n  " + string.Join("\n  ", wrong));
            output.Assert(cases.Any(item => item.Match.Groups["case"].Value == "good_read_after" && item.Match.Groups["status"].Value == "Ok"),
                "The driver did not serve a good read after the bad requests.");

            (_, Match information) = output.First(DiskContract.Information, "disktest info's line for disk0", match => match.Groups["name"].Value == "disk0");
            output.Assert(information.Groups["model"].Value == "QEMU HARDDISK" && information.Groups["sectors"].Value == "65536"
                && information.Groups["size"].Value == "512" && information.Groups["maximum"].Value == "1024" && information.Groups["mode"].Value == "ata-bus-master-dma",
                $"disk0's information is \"{information.Value}\".");
        }

        [Fact]
        public async Task WithoutTheBusMasterPortsTheDriverReadsAndWritesByPio()
        {
            string image = Path.Combine(_directory, "disk.img");
            DiskContract.CreateImage(image);
            ProgramOutput output = await RunAsync(image, "writeback", DiskContract.IdePioRun, "run=disktest:read:1000:1024", "run=disktest:write:200:3:9");

            AssertStarted(output, "IDE PIO");
            AssertReads(output, (1000, 1024));
            AssertWrites(output, image, (200, 3, 9));
        }

        private async Task<ProgramOutput> RunAsync(string image, string cache, string diskRun, params string[] programs)
        {
            QemuOptions options = new QemuOptions
            {
                MachineType = MachineType.Pc,
                KernelCommandLine = string.Join(" ", new[] { DiskContract.PciRun, diskRun }.Concat(programs)),
            };
            options.ExtraArguments.AddRange(DiskContract.DriveArguments(image, cache));
            await using QemuMachine machine = await QemuMachine.StartAsync(options);
            await machine.WaitUntilAsync(
                serial => serial.Lines.Count(line => DiskContract.Verdict.IsMatch(line.Text)) >= programs.Length
                    || serial.Lines.Any(line => KernelContract.Panic.IsMatch(line.Text)),
                $"{programs.Length} disktest verdicts",
                ProgramRun.ScenarioTimeout);
            ProgramOutput output = new ProgramOutput(machine, machine.Output.Lines);
            string[] failed = output.All(DiskContract.Verdict).Where(item => item.Match.Groups["verdict"].Value != "passed").Select(item => item.Line.Text).ToArray();
            output.Assert(failed.Length == 0, "disktest failed:\n  " + string.Join("\n  ", failed));
            output.Assert(!output.Lines.Any(line => ProgramContract.UserFault.IsMatch(line.Text)), "A task faulted.");
            // Leaving the using block ends QEMU, so the image file holds everything written when the caller reads it.
            return output;
        }

        private static void AssertStarted(ProgramOutput output, string mode)
        {
            (SerialLine line, Match started) = output.First(DiskContract.DiskStarted, "the disk driver's start line");
            output.Assert(started.Groups["name"].Value == "disk0" && started.Groups["model"].Value == "QEMU HARDDISK"
                && started.Groups["sectors"].Value == DiskContract.ImageSectors.ToString() && started.Groups["size"].Value == "512"
                && started.Groups["capacity"].Value == "32 MiB" && started.Groups["mode"].Value == mode,
                $"The disk driver started as \"{line.Text}\", expected disk0, QEMU HARDDISK, 65536 sectors of 512 bytes, {mode}.");
        }

        private static void AssertReads(ProgramOutput output, params (long Lba, int Count)[] reads)
        {
            foreach ((long lba, int count) in reads)
            {
                (SerialLine line, Match read) = output.First(DiskContract.ReadResult, $"disktest's result of reading {count} sectors at {lba}",
                    match => match.Groups["lba"].Value == lba.ToString() && match.Groups["count"].Value == count.ToString());
                byte[] expected = new byte[count * DiskContract.SectorSize];
                for (int i = 0; i < expected.Length; i++)
                {
                    expected[i] = DiskContract.ImageByte(lba + i / DiskContract.SectorSize, i % DiskContract.SectorSize);
                }
                string first = DiskContract.Hex(expected.AsSpan(0, 16));
                output.Assert(read.Groups["checksum"].Value == DiskContract.Checksum(expected) && read.Groups["first"].Value == first,
                    $"Sectors {lba}+{count} read as \"{line.Text}\", the image holds checksum {DiskContract.Checksum(expected)} first={first}.");
            }
        }

        private static void AssertWrites(ProgramOutput output, string image, params (long Lba, int Count, int Pattern)[] writes)
        {
            byte[] data = File.ReadAllBytes(image);
            foreach ((long lba, int count, int pattern) in writes)
            {
                output.First(DiskContract.WriteResult, $"disktest's verified write of {count} sectors at {lba}",
                    match => match.Groups["lba"].Value == lba.ToString() && match.Groups["count"].Value == count.ToString());
                for (long sector = lba; sector < lba + count; sector++)
                {
                    for (int index = 0; index < DiskContract.SectorSize; index++)
                    {
                        byte found = data[sector * DiskContract.SectorSize + index];
                        byte expected = DiskContract.WrittenByte(sector, index, pattern);
                        output.Assert(found == expected, $"The image file's sector {sector} byte {index} is 0x{found:x2}, written was 0x{expected:x2}.");
                    }
                }
                foreach (long neighbour in new[] { lba - 1, lba + count })
                {
                    long sectorNumber = DiskContract.ReadInt64(data.AsSpan((int)(neighbour * DiskContract.SectorSize), 8));
                    output.Assert(sectorNumber == neighbour && data[neighbour * DiskContract.SectorSize + 100] == DiskContract.ImageByte(neighbour, 100),
                        $"Sector {neighbour}, next to the write at {lba}+{count}, changed.");
                }
            }
        }
    }

    /// <summary>disk_read_seq: 16 MiB read sequentially in 512 KiB requests through the IDE driver's bus-master DMA.</summary>
    [Collection(TimingSensitiveCollection.Name)]
    public sealed class DiskBenchmarkTests : IDisposable
    {
        /// <summary>Far below what DMA gives (hundreds of MB/s under TCG) and above what PIO would.</summary>
        private const double MinimumMegabytesPerSecond = 20;

        private readonly string _directory = Directory.CreateTempSubdirectory("cosmos-disk-bench-").FullName;

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

        [Fact]
        public async Task SequentialReadsOfSixteenMebibytesReportDiskReadSeq()
        {
            string image = Path.Combine(_directory, "disk.img");
            DiskContract.CreateImage(image);
            QemuOptions options = new QemuOptions
            {
                MachineType = MachineType.Pc,
                KernelCommandLine = string.Join(" ", DiskContract.PciRun, DiskContract.IdeDmaRun, "run=disktest:bench"),
            };
            options.ExtraArguments.AddRange(DiskContract.DriveArguments(image, "unsafe"));
            await using QemuMachine machine = await QemuMachine.StartAsync(options);
            SerialLine verdict = await machine.WaitForLineAsync(DiskContract.Verdict, ProgramRun.ScenarioTimeout);
            ProgramOutput output = new ProgramOutput(machine, machine.Output.Lines);
            output.Assert(verdict.Text == "disktest bench: passed", $"disktest bench failed: \"{verdict.Text}\".");
            (SerialLine line, Match bench) = output.First(DiskContract.Bench, "the disk_read_seq benchmark line");
            double median = double.Parse(bench.Groups["median"].Value, System.Globalization.CultureInfo.InvariantCulture);
            output.Assert(ProgramContract.Number(bench, "count") == 8 && median >= MinimumMegabytesPerSecond,
                $"disk_read_seq: \"{line.Text}\" (expected 8 rounds and a median of at least {MinimumMegabytesPerSecond} MB/s).");
        }
    }
}
