using System.Text.RegularExpressions;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The serial-output contract of pagertest (Programs/PagerTest) and of the kernel's unresolved page faults, as the
    /// address-space tests read it; a change to either side must change both. Every pagertest line starts with
    /// "pagertest: " (bench lines with "bench "); each mode ends with "pagertest: MODE: ok" or "pagertest: MODE: FAILED: reason".
    /// </summary>
    internal static class PagerTestContract
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;
        private const string Id = @"\d+\.\d+";

        /// <summary>A mode's verdict: "pagertest: chain: ok".</summary>
        public static readonly Regex Verdict = new Regex(@"^pagertest: (?<mode>\w+): (?<verdict>ok|FAILED: .*)$", Options);

        /// <summary>The chain's client: "pagertest: chain: client: 16 of 16 pages revoked at level A; its pager saw 16 faults again; 0 words wrong".</summary>
        public static readonly Regex ChainClient = new Regex(
            @"^pagertest: chain: client: (?<revoked>\d+) of (?<pages>\d+) pages revoked at level A; its pager saw (?<refaults>\d+) faults again; (?<wrong>\d+) words wrong$", Options);

        /// <summary>Level A's count: "pagertest: chain: level A served 812 faults of B with 812 pages, 16 again after the revocation, 0 unresolved".</summary>
        public static readonly Regex ChainTop = new Regex(
            @"^pagertest: chain: level A served (?<faults>\d+) faults of B with (?<pages>\d+) pages, (?<refaults>\d+) again after the revocation, (?<unresolved>\d+) unresolved", Options);

        /// <summary>The grant's receiver: "pagertest: grant: pager saw 40 faults, 1 at a page granted away; 1 grant from 0x3000000000; window mapped with rights 3 (frame 0x...), 0 words wrong".</summary>
        public static readonly Regex GrantReceiver = new Regex(
            @"^pagertest: grant: pager saw (?<faults>\d+) faults, (?<refaults>\d+) at a page granted away; (?<grants>\d+) grant from 0x(?<from>[0-9A-F]+); window mapped with rights (?<rights>-?\d+) \(frame 0x(?<frame>[0-9A-F]+)\), (?<wrong>\d+) words wrong$", Options);

        /// <summary>heap64's check: "pagertest: heap64: 64 MiB of heap written and read back in 2100 ms, 0 bytes wrong".</summary>
        public static readonly Regex HeapChecked = new Regex(@"^pagertest: heap64: (?<mebibytes>\d+) MiB of heap written and read back in (?<milliseconds>\d+) ms, (?<wrong>\d+) bytes wrong$", Options);

        /// <summary>A task's memory use: "pagertest: heap64: after: mappings 16500 of 262144, page tables 40 of 1024".</summary>
        public static readonly Regex MemoryUse = new Regex(@"^pagertest: (?<what>.+): mappings (?<used>\d+) of (?<limit>\d+|unlimited), page tables (?<tablesUsed>\d+) of (?<tableLimit>\d+|unlimited)$", Options);

        /// <summary>pagerdeath's end: "pagertest: pagerdeath: the pager exited with 0; the client ended with code -15 (fault)".</summary>
        public static readonly Regex PagerDeathEnd = new Regex(@"^pagertest: pagerdeath: the pager (?<pager>.+); the client ended with code (?<code>-?\d+) \((?<how>\w[\w ]*)\)$", Options);

        /// <summary>quota's count: "pagertest: quota: mapped 8 pages into a task limited to 8 mappings; the next: quota exceeded (-26)".</summary>
        public static readonly Regex QuotaCount = new Regex(@"^pagertest: quota: mapped (?<mapped>\d+) pages into a task limited to (?<limit>\d+) mappings; the next: (?<error>.+) \((?<code>-?\d+)\)$", Options);

        /// <summary>One of sigma0's answers the scenario prints, e.g. "pagertest: sigma0: allocate any: success (frame 0x...); the same frame again: already given".</summary>
        public static readonly Regex Sigma0Line = new Regex(@"^pagertest: sigma0: (?<what>.+)$", Options);

        /// <summary>A paging figure: "bench pagefault_pager median=... unit=ns cycles=...".</summary>
        public static readonly Regex Benchmark = new Regex(
            @"^bench (?<name>pagefault_pager|map_unmap_1m) median=(?<median>[0-9.]+) mean=(?<mean>[0-9.]+) stddev=(?<stddev>[0-9.]+) n=(?<count>\d+) unit=(?<unit>\w+)( cycles=\d+)?$", Options);

        /// <summary>
        /// The kernel's report of a page fault no pager resolved: "pager: warning: task 4.1 "pagertest" thread 6.1: page fault at
        /// 0x3000008000 (instruction 0x4123ab) not resolved: its pager is gone".
        /// </summary>
        public static readonly Regex UnresolvedFault = new Regex($@"^pager: warning: task (?<task>{Id}) ""(?<name>[^""]*)"" .*not resolved: (?<reason>.+)$", Options);
    }
}
