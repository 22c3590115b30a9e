using System;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Servers.Shell.Logic;
using Xunit;

namespace Servers.Tests
{
    /// <summary>The shell's pure command logic: argument splitting, numbers and sizes, task selectors, hex dumps, table lines.</summary>
    public class ShellLogicTests
    {
        [Theory]
        [InlineData("echo hello world", new[] { "echo", "hello", "world" })]
        [InlineData("  echo   a\tb  ", new[] { "echo", "a", "b" })]
        [InlineData("echo \"a  b\" c", new[] { "echo", "a  b", "c" })]
        [InlineData("echo 'x y'z", new[] { "echo", "x yz" })]
        [InlineData("echo \"\"", new[] { "echo", "" })]
        [InlineData("echo \"open quote", new[] { "echo", "open quote" })]
        [InlineData("", new string[0])]
        [InlineData("   ", new string[0])]
        public void CommandLineSplitsOnBlanksAndKeepsQuotedBlanks(string line, string[] expected)
        {
            Assert.Equal(expected, CommandLine.Split(line));
        }

        [Fact]
        public void JoinUsesSingleSpacesFromTheGivenWord()
        {
            Assert.Equal("hello world", CommandLine.Join(new[] { "echo", "hello", "world" }, 1));
            Assert.Equal("", CommandLine.Join(new[] { "echo" }, 1));
        }

        [Theory]
        [InlineData("0", 0UL)]
        [InlineData("42", 42UL)]
        [InlineData("0x1F", 31UL)]
        [InlineData("0xff", 255UL)]
        [InlineData("18446744073709551615", ulong.MaxValue)]
        public void ParsesDecimalAndHexadecimal(string text, ulong expected)
        {
            Assert.True(NumberText.TryParseUnsigned(text, out ulong value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("")]
        [InlineData(null)]
        [InlineData("-1")]
        [InlineData("12a")]
        [InlineData("0x")]
        [InlineData("0xg")]
        [InlineData("18446744073709551616")]
        public void RefusesWhatIsNotANumber(string text)
        {
            Assert.False(NumberText.TryParseUnsigned(text, out _));
        }

        [Theory]
        [InlineData(0UL, "0 B")]
        [InlineData(1023UL, "1023 B")]
        [InlineData(4096UL, "4 KiB")]
        [InlineData(1536UL * 1024, "1.5 MiB")]
        [InlineData(256UL * 1024 * 1024, "256 MiB")]
        [InlineData(3UL * 1024 * 1024 * 1024, "3 GiB")]
        public void SizesUseTheLargestFittingUnit(ulong bytes, string expected)
        {
            Assert.Equal(expected, NumberText.Size(bytes));
        }

        [Fact]
        public void DurationsAndIdsAreFormattedAsThePsAndUptimeLinesShowThem()
        {
            Assert.Equal("0:00:12.345", NumberText.Duration(12_345_678_901));
            Assert.Equal("2:03:04.005", NumberText.Duration(((2UL * 3600 + 3 * 60 + 4) * 1000 + 5) * 1_000_000));
            Assert.Equal("12.3", NumberText.Milliseconds(12_345_678));
            Assert.Equal("5.1", NumberText.Id(5 | (1UL << 16)));
        }

        [Fact]
        public void ATaskSelectorWithGenerationMatchesOnlyThatTask()
        {
            Assert.True(TaskSelector.TryParse("5.2", out TaskSelector selector));
            Assert.True(selector.HasGeneration);
            Assert.Equal(5UL | (2UL << 16), selector.TaskId);
            Assert.True(selector.Matches(5UL | (2UL << 16)));
            Assert.False(selector.Matches(5UL | (1UL << 16)));
            Assert.False(selector.Matches(6UL | (2UL << 16)));
        }

        [Fact]
        public void ATaskSelectorWithoutGenerationMatchesEveryGenerationOfTheIndex()
        {
            Assert.True(TaskSelector.TryParse("7", out TaskSelector selector));
            Assert.False(selector.HasGeneration);
            Assert.True(selector.Matches(7UL | (1UL << 16)));
            Assert.True(selector.Matches(7UL | (9UL << 16)));
            Assert.False(selector.Matches(8UL | (1UL << 16)));
        }

        [Theory]
        [InlineData("")]
        [InlineData("abc")]
        [InlineData("5.")]
        [InlineData(".1")]
        [InlineData("5.1.2")]
        [InlineData("65536")]
        public void TaskSelectorsRefuseMalformedIds(string text)
        {
            Assert.False(TaskSelector.TryParse(text, out _));
        }

        [Fact]
        public void AHexDumpLineHasOffsetBytesAndAscii()
        {
            byte[] bytes = new byte[20];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)(0x41 + i);
            }
            bytes[1] = 0x00;
            bytes[2] = 0xFF;
            string[] lines = HexDump.Lines(bytes);
            Assert.Equal(2, lines.Length);
            Assert.Equal("0000: 41 00 ff 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |A..DEFGHIJKLMNOP|", lines[0]);
            Assert.Equal("0010: 51 52 53 54                                       |QRST|", lines[1]);
        }

        [Fact]
        public void ASectorDumpsAs32LinesWithIncreasingOffsets()
        {
            string[] lines = HexDump.Lines(new byte[512]);
            Assert.Equal(32, lines.Length);
            Assert.StartsWith("01f0: 00 00", lines[31], StringComparison.Ordinal);
            Assert.All(lines, line => Assert.Equal(lines[0].Length, line.Length));
        }

        [Fact]
        public void LspciLinesLookLikeLspciDashN()
        {
            var ide = new PciFunction { Address = (ushort)((0 << 8) | (1 << 3) | 1), Vendor = 0x8086, Device = 0x7010, ClassCode = 0x01_01_80 };
            Assert.Equal("00:01.1 0101: 8086:7010 " + Cosmos.Drivers.Pci.PciClassNames.Find(1, 1), Cosmos.Drivers.Pci.LspciLine.Format(ide));
            var unknown = new PciFunction { Address = (ushort)((0x12 << 8) | (0x1f << 3) | 7), Vendor = 0x1234, Device = 0xabcd, ClassCode = 0xfe_ee_00 };
            Assert.Equal("12:1f.7 feee: 1234:abcd", Cosmos.Drivers.Pci.LspciLine.Format(unknown));
        }

        [Fact]
        public void DiskLinesGiveSectorsMebibytesModelAndMode()
        {
            var information = new BlockDeviceInformation { SectorCount = 131072, SectorSize = 512, Mode = BlockTransferMode.AtaBusMasterDma, Model = "QEMU HARDDISK" };
            Assert.Equal("disk0: 131072 sectors of 512 bytes (64 MiB), QEMU HARDDISK, ATA bus-master DMA", DeviceText.Disk("disk0", information));
            information.Model = "";
            information.Mode = BlockTransferMode.Unknown;
            Assert.Equal("disk1: 131072 sectors of 512 bytes (64 MiB), unknown model, unknown mode", DeviceText.Disk("disk1", information));
        }

        [Fact]
        public void PsLinesShowTasksAndIndentedThreadsInColumns()
        {
            var task = new TaskInformation { TaskId = 4 | (1UL << 16), ThreadCount = 3, MaximumPriority = 200, ResidentPages = 349, CpuTimeNanoseconds = 41_000_000 };
            string taskLine = ProcessTable.TaskLine(task, "shell");
            Assert.StartsWith("4.1       shell               running", taskLine, StringComparison.Ordinal);
            Assert.EndsWith("200       41.0    349        3", taskLine, StringComparison.Ordinal);
            var thread = new ThreadInformation { ThreadId = 9 | (1UL << 16), TaskId = task.TaskId, State = ThreadState.Blocked, BlockReason = BlockReason.IpcReceive, Priority = 100, CpuTimeNanoseconds = 6_700_000 };
            string threadLine = ProcessTable.ThreadLine(thread);
            Assert.StartsWith("  9.1     thread              blocked: ipc-receive", threadLine, StringComparison.Ordinal);
            Assert.EndsWith("100        6.7", threadLine, StringComparison.Ordinal);
            Assert.Equal(ProcessTable.Header.IndexOf("PRI", StringComparison.Ordinal), taskLine.IndexOf("200", StringComparison.Ordinal));
            var ended = new TaskInformation { TaskId = 6 | (2UL << 16), Ended = 1, EndReason = TaskEndReason.Killed, ExitCode = -1 };
            Assert.Contains("ended killed -1", ProcessTable.TaskLine(ended, "disktest"), StringComparison.Ordinal);
        }
    }
}
