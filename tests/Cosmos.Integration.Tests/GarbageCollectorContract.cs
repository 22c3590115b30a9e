using System.Text.RegularExpressions;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The serial-output contract of gctest (Programs/GarbageCollectorTest, one class per mode) as the integration tests
    /// read it; a change to either side must change both. Every line starts with "gctest"; every mode ends with
    /// "gctest MODE: ok" or "gctest MODE: FAILED: reason".
    /// </summary>
    internal static class GarbageCollectorContract
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;

        /// <summary>A mode's verdict: "gctest cycles: ok", "gctest deep: FAILED: 3 frames found their objects damaged".</summary>
        public static readonly Regex Result = new Regex(@"^gctest (?<mode>\w+): (?<verdict>ok|FAILED: .*)$", Options);

        /// <summary>"gctest garbage: allocated=80MiB collections=20 peak_heap=4660KiB peak_task_growth=4492KiB live_after_last=73KiB pause_total=62ms".</summary>
        public static readonly Regex Garbage = new Regex(
            @"^gctest garbage: allocated=(?<allocated>\d+)MiB collections=(?<collections>\d+) peak_heap=(?<peakHeap>\d+)KiB peak_task_growth=(?<peakTask>\d+)KiB live_after_last=(?<live>\d+)KiB pause_total=(?<pause>\d+)ms$", Options);

        /// <summary>"gctest cycles: baseline=45264 with_rings=1965264 after_collection=45264" (bytes in use).</summary>
        public static readonly Regex Cycles = new Regex(@"^gctest cycles: baseline=(?<baseline>\d+) with_rings=(?<withRings>\d+) after_collection=(?<after>\d+)$", Options);

        /// <summary>"gctest deep: depth=300 collections=4 damaged=0".</summary>
        public static readonly Regex Deep = new Regex(@"^gctest deep: depth=(?<depth>\d+) collections=(?<collections>\d+) damaged=(?<damaged>\d+)$", Options);

        /// <summary>"gctest stress: allocations=1000000 collections=52 peak_heap=5736KiB live_after_last=986KiB".</summary>
        public static readonly Regex Stress = new Regex(
            @"^gctest stress: allocations=(?<allocations>\d+) collections=(?<collections>\d+) peak_heap=(?<peakHeap>\d+)KiB live_after_last=(?<live>\d+)KiB$", Options);

        /// <summary>"gctest threads: collections=6 list=2000".</summary>
        public static readonly Regex Threads = new Regex(@"^gctest threads: collections=(?<collections>\d+) list=(?<list>\d+)$", Options);

        /// <summary>"gctest structs: elements=3720 collections=4".</summary>
        public static readonly Regex Structs = new Regex(@"^gctest structs: elements=(?<elements>\d+) collections=(?<collections>\d+)$", Options);

        /// <summary>"gctest handles: collections=2 freed=yes".</summary>
        public static readonly Regex Handles = new Regex(@"^gctest handles: collections=(?<collections>\d+) freed=(?<freed>yes|no)$", Options);

        /// <summary>A benchmark line of gctest bench: "bench alloc_small median=351.7 mean=430.7 stddev=640.5 n=4000 unit=ns cycles=744".</summary>
        public static readonly Regex Benchmark = new Regex(
            @"^bench (?<name>alloc_small|gc_pause) median=(?<median>[0-9.]+) mean=(?<mean>[0-9.]+) stddev=(?<stddev>[0-9.]+) n=(?<count>\d+) unit=(?<unit>\w+)( cycles=\d+)?$", Options);
    }
}
