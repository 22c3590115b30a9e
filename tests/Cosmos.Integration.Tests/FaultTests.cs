using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;
using Xunit.Sdk;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// Deliberate CPU exceptions (command line "fault=...") must end in a panic report that names the faulting method
    /// and the exception, so that a real crash is diagnosable from the serial log alone.
    /// </summary>
    public sealed class FaultTests
    {
        // The report follows its first line within milliseconds; this only bounds how long a missing item is waited for.
        private static readonly TimeSpan s_reportTimeout = TimeSpan.FromSeconds(30);

        private static readonly Regex s_pageFault = new Regex(@"\bvector\s*[:=#]?\s*14\b|page fault|#PF\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex s_divideError = new Regex(@"divide[ -]error|divide[ -]by[ -]zero|#DE\b|\bvector\s*[:=#]?\s*0\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex s_faultAddress = new Regex(@"\bCR2\b\s*[:=]?\s*(0x)?(?<address>[0-9a-fA-F]+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        [Fact]
        public async Task NullDereferencePanicsWithPageFaultReportNamingTheMethodAndAddress()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions { KernelCommandLine = "fault=null" });

            string report = await WaitForPanicReportAsync(
                machine,
                ("the class name DeliberateFault", new Regex("DeliberateFault")),
                ("the method name DereferenceNull", new Regex("DereferenceNull")),
                ("vector 14 / page fault", s_pageFault),
                ("CR2 with its value", s_faultAddress));

            // A null dereference faults in the first page; any other CR2 means the report shows the wrong register or fault.
            ulong address = ulong.Parse(s_faultAddress.Match(report).Groups["address"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            MachineAssert.True(machine, address < 0x1000, $"CR2 = 0x{address:x} is not in the null page for a null dereference.");
        }

        [Fact]
        public async Task DivideByZeroPanicsWithDivideErrorReportNamingTheMethod()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions { KernelCommandLine = "fault=divide" });

            await WaitForPanicReportAsync(
                machine,
                ("the class name DeliberateFault", new Regex("DeliberateFault")),
                ("divide error (vector 0)", s_divideError));
        }

        /// <summary>
        /// Waits for the panic line, then until the report from that line on contains every required item, and returns the
        /// report. The search starts at the panic line so that the command line echo ("fault=divide") cannot satisfy it.
        /// </summary>
        private static async Task<string> WaitForPanicReportAsync(QemuMachine machine, params (string Description, Regex Pattern)[] requiredItems)
        {
            SerialLine panic = await machine.WaitForLineAsync(KernelContract.Panic);

            List<string> Missing() => requiredItems
                .Where(item => !item.Pattern.IsMatch(machine.Output.TextFrom(panic)))
                .Select(item => item.Description)
                .ToList();

            try
            {
                await machine.WaitUntilAsync(output => Missing().Count == 0, "a complete panic report", s_reportTimeout);
            }
            catch (QemuMachineException exception)
            {
                throw new XunitException($"The panic report lacks: {string.Join("; ", Missing())}.\n{exception.Message}");
            }

            return machine.Output.TextFrom(panic);
        }
    }
}
