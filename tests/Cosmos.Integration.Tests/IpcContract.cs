using System.Text.RegularExpressions;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The serial-output contract of ipctest (Programs/IpcTest, one class per mode) as the integration tests read it; a
    /// change to either side must change both. Every line starts with "ipctest" (bench lines with "bench"); each check
    /// prints "ipctest check MODE NAME: ok" or "...: FAILED: why", each mode ends with "ipctest MODE: ok" or
    /// "ipctest MODE: FAILED: K of N checks failed".
    /// </summary>
    internal static class IpcContract
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;

        /// <summary>One check: "ipctest check rights send_on_receive_only: ok".</summary>
        public static readonly Regex Check = new Regex(@"^ipctest check (?<mode>\w+) (?<name>\S+): (?<verdict>ok|FAILED: .*)$", Options);

        /// <summary>A mode's verdict: "ipctest rights: ok", "ipctest pool: FAILED: 2 of 30 checks failed".</summary>
        public static readonly Regex Result = new Regex(@"^ipctest (?<mode>\w+): (?<verdict>ok|FAILED: .*)$", Options);

        /// <summary>"ipctest timeouts: finite_ms=20.5 asked_ms=20.0".</summary>
        public static readonly Regex FiniteTimeout = new Regex(@"^ipctest timeouts: finite_ms=(?<measured>[0-9.]+) asked_ms=(?<asked>[0-9.]+)$", Options);

        /// <summary>"ipctest calls: cross_task=100000 mismatches=0 failures=0" (also same_task=).</summary>
        public static readonly Regex Calls = new Regex(@"^ipctest calls: (?<where>cross_task|same_task)=(?<calls>\d+) mismatches=(?<mismatches>\d+) failures=(?<failures>\d+)$", Options);

        /// <summary>"ipctest calls: strings=180 largest=65536 mismatches=0 failures=0".</summary>
        public static readonly Regex Strings = new Regex(@"^ipctest calls: strings=(?<strings>\d+) largest=(?<largest>\d+) mismatches=(?<mismatches>\d+) failures=(?<failures>\d+)$", Options);

        /// <summary>"ipctest pool: server 0 served=2776".</summary>
        public static readonly Regex PoolServer = new Regex(@"^ipctest pool: server (?<server>\d+) served=(?<served>\d+)$", Options);

        /// <summary>"ipctest pool: requests=8000 answered=8000".</summary>
        public static readonly Regex PoolTotal = new Regex(@"^ipctest pool: requests=(?<requests>\d+) answered=(?<answered>\d+)$", Options);

        /// <summary>An ipctest benchmark line: "bench ipc_rtt_0w median=16218.6 mean=33308.6 stddev=610050.5 n=100000 unit=ns cycles=34188".</summary>
        public static readonly Regex Benchmark = new Regex(
            @"^bench (?<name>ipc_rtt_0w|ipc_rtt_8w|ipc_rtt_64w|ipc_rtt_4k|ipc_rtt_same_task|notify_wakeup) median=(?<median>[0-9.]+) mean=(?<mean>[0-9.]+) stddev=(?<stddev>[0-9.]+) n=(?<count>\d+) unit=(?<unit>\w+)( cycles=\d+)?$",
            Options);

        /// <summary>The bench mode's last line: "ipctest bench: done".</summary>
        public static readonly Regex BenchDone = new Regex(@"^ipctest bench: (?<verdict>done|FAILED)$", Options);
    }
}
