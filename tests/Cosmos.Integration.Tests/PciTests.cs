using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The PCI driver on QEMU's i440FX machine: it enumerates through configuration mechanism #1, sizes the BARs and
    /// serves the functions to a client (disktest lspci) that must see what lspci -n shows on that machine.
    /// </summary>
    public sealed class PciTests
    {
        [Fact]
        public async Task PciDriverServesTheI440fxFunctionsWithTheirBars()
        {
            QemuOptions options = new QemuOptions { KernelCommandLine = DiskContract.PciRun + " run=disktest:lspci", MachineType = MachineType.Pc };
            await using QemuMachine machine = await QemuMachine.StartAsync(options);
            SerialLine verdict = await machine.WaitForLineAsync(
                text => DiskContract.Verdict.Match(text) is { Success: true } match && match.Groups["mode"].Value == "lspci",
                "disktest lspci's verdict", ProgramRun.ScenarioTimeout);
            ProgramOutput output = new ProgramOutput(machine, machine.Output.Lines);
            output.Assert(verdict.Text == "disktest lspci: passed", $"disktest lspci failed: \"{verdict.Text}\".");

            (_, Match started) = output.First(DiskContract.PciStarted, "the PCI driver's start line");
            Dictionary<string, Match> functions = output.All(DiskContract.PciFunction).ToDictionary(item => item.Match.Groups["address"].Value, item => item.Match);
            (_, Match summary) = output.First(DiskContract.PciSummary, "disktest lspci's count");
            long count = ProgramContract.Number(started, "count");
            output.Assert(count == functions.Count && ProgramContract.Number(summary, "count") == count,
                $"The driver reports {count} functions, the client listed {functions.Count}.");

            void Expect(string address, string classCode, string vendor, string device)
            {
                output.Assert(functions.TryGetValue(address, out Match function), $"No function {address} ({vendor}:{device}) was listed.");
                string seen = $"{function.Groups["class"].Value} {function.Groups["vendor"].Value}:{function.Groups["device"].Value}";
                output.Assert(seen == $"{classCode} {vendor}:{device}", $"Function {address} is \"{seen}\", expected \"{classCode} {vendor}:{device}\".");
            }
            Expect("00:00.0", "0600", "8086", "1237");
            Expect("00:01.0", "0601", "8086", "7000");
            Expect("00:01.1", "0101", "8086", "7010");
            Expect("00:01.3", "0680", "8086", "7113");
            Expect("00:02.0", "0300", "1234", "1111");

            // Sizes come from the all-ones probe: the IDE's bus-master block is 16 ports, the VGA framebuffer 16 MiB and its MMIO 4 KiB.
            output.Assert(functions["00:01.1"].Groups["bars"].Value == $" bar4=io:{DiskContract.BusMasterBase:x}/16",
                $"The IDE function's BARs are \"{functions["00:01.1"].Groups["bars"].Value}\".");
            output.Assert(Regex.IsMatch(functions["00:02.0"].Groups["bars"].Value, @"^ bar0=mem:[0-9a-f]+/16777216 bar2=mem:[0-9a-f]+/4096$"),
                $"The VGA function's BARs are \"{functions["00:02.0"].Groups["bars"].Value}\".");
            output.Assert(summary.Groups["ide"].Value == DiskContract.IdeFunctionIndex.ToString(), $"FindClass 01:01 gave \"{summary.Groups["ide"].Value}\".");
            output.Assert(!machine.Output.Lines.Any(line => ProgramContract.UserFault.IsMatch(line.Text)), "A task faulted.");
        }
    }
}
