using System;
using System.Globalization;
using Cosmos.Api.Ipc;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The text of a kernel command-line word "run=NAME[:ARGUMENT...][+SUFFIX...]" after "run=": the boot module to
    /// start, its command line "NAME ARGUMENT...", and the capabilities the suffixes ask the root task to give it before
    /// its first thread runs, in their order: "+register" (a register right at the name broker), "+irq=N" (legacy
    /// interrupt line N, 0-15), "+io=FIRST-LAST" (I/O ports FIRST to LAST inclusive; decimal, or hexadecimal after
    /// "0x"), "+spawn" (the program may create tasks), "+sigma0" (a badged send right to sigma0's memory port),
    /// "+device=BASE/LOG2" (a send right to sigma0's device port for the physical range BASE to BASE + 2^LOG2, LOG2 from
    /// 12 to 47 and BASE a multiple of 2^LOG2 below 2^52). Arguments cannot contain '+'. Pure logic: host-tested
    /// (tests/Servers.Tests).
    /// </summary>
    internal sealed class RunWord
    {
        /// <summary>At most this many suffixes per word (so the given slots stay few and predictable).</summary>
        public const int MaximumCapabilityRequests = 8;

        public const string RegisterSuffix = "register";
        public const string TaskCreationSuffix = "spawn";
        public const string InterruptLinePrefix = "irq=";
        public const string IoPortsPrefix = "io=";
        public const string Sigma0Suffix = "sigma0";
        public const string DevicePrefix = "device=";
        public const uint LastPort = 0xFFFF;
        public const uint SmallestDeviceLog2 = 12;
        public const uint LargestDeviceLog2 = 47;

        /// <summary>Device memory lies below this physical address (x86-64's widest physical address).</summary>
        public const ulong PhysicalAddressLimit = 1UL << 52;

        private RunWord(string programName, string commandLine, CapabilityRequest[] capabilityRequests)
        {
            ProgramName = programName;
            CommandLine = commandLine;
            CapabilityRequests = capabilityRequests;
        }

        /// <summary>The boot module's name (the text before the first ':' or '+').</summary>
        public string ProgramName { get; }

        /// <summary>The program's command line: the name and the arguments, separated by single spaces.</summary>
        public string CommandLine { get; }

        /// <summary>The suffixes' capabilities in the order written (an empty array when there are none).</summary>
        public CapabilityRequest[] CapabilityRequests { get; }

        /// <summary>True when a "+spawn" suffix lets the program create tasks.</summary>
        public bool MayCreateTasks => System.Array.Exists(CapabilityRequests, request => request.Kind == CapabilityRequestKind.TaskCreation);

        /// <summary>Parses <paramref name="text"/> (the word without "run="); returns why it is refused, and leaves <paramref name="word"/> null then.</summary>
        public static RunWordError TryParse(string text, out RunWord word)
        {
            word = null;
            int suffixStart = text.IndexOf('+');
            string program = suffixStart < 0 ? text : text.Substring(0, suffixStart);
            string[] parts = program.Split(':');
            if (parts[0].Length == 0)
            {
                return RunWordError.EmptyProgramName;
            }
            CapabilityRequest[] requests = new CapabilityRequest[CountSuffixes(text, suffixStart)];
            if (requests.Length > MaximumCapabilityRequests)
            {
                return RunWordError.TooManySuffixes;
            }
            bool register = false;
            int index = 0;
            int position = suffixStart;
            while (position >= 0)
            {
                int next = text.IndexOf('+', position + 1);
                string suffix = next < 0 ? text.Substring(position + 1) : text.Substring(position + 1, next - position - 1);
                RunWordError error = ParseSuffix(suffix, out requests[index]);
                if (error != RunWordError.None)
                {
                    return error;
                }
                if (requests[index].Kind == CapabilityRequestKind.Register)
                {
                    if (register)
                    {
                        return RunWordError.RepeatedRegister;
                    }
                    register = true;
                }
                index++;
                position = next;
            }
            word = new RunWord(parts[0], string.Join(" ", parts), requests);
            return RunWordError.None;
        }

        /// <summary>The root task's words for a refusal.</summary>
        public static string Describe(RunWordError error) => error switch
        {
            RunWordError.EmptyProgramName => "no program name",
            RunWordError.UnknownSuffix => "unknown suffix (known: +register, +spawn, +sigma0, +irq=N, +io=FIRST-LAST, +device=BASE/LOG2)",
            RunWordError.InvalidInterruptLine => "+irq= needs a legacy interrupt line from 0 to 15",
            RunWordError.InvalidPortRange => "+io= needs FIRST-LAST with ports from 0 to 65535 and FIRST not above LAST",
            RunWordError.TooManySuffixes => "more than 8 suffixes",
            RunWordError.RepeatedRegister => "+register more than once",
            RunWordError.InvalidDeviceRange => "+device= needs BASE/LOG2 with LOG2 from 12 to 47 and BASE a multiple of 2^LOG2 below 2^52",
            _ => "accepted",
        };

        private static int CountSuffixes(string text, int suffixStart)
        {
            int count = 0;
            for (int i = suffixStart < 0 ? text.Length : suffixStart; i < text.Length; i++)
            {
                if (text[i] == '+')
                {
                    count++;
                }
            }
            return count;
        }

        private static RunWordError ParseSuffix(string suffix, out CapabilityRequest request)
        {
            request = default;
            if (suffix == RegisterSuffix)
            {
                request = CapabilityRequest.ForRegisterRight();
                return RunWordError.None;
            }
            if (suffix == TaskCreationSuffix)
            {
                request = CapabilityRequest.ForTaskCreation();
                return RunWordError.None;
            }
            if (suffix == Sigma0Suffix)
            {
                request = CapabilityRequest.ForSigma0Memory();
                return RunWordError.None;
            }
            if (suffix.StartsWith(DevicePrefix))
            {
                int slash = suffix.IndexOf('/');
                if (slash < 0
                    || !TryParseAddress(suffix, DevicePrefix.Length, slash, out ulong physicalBase)
                    || !TryParseNumber(suffix, slash + 1, suffix.Length, out uint sizeLog2)
                    || sizeLog2 < SmallestDeviceLog2 || sizeLog2 > LargestDeviceLog2
                    || (physicalBase & ((1UL << (int)sizeLog2) - 1)) != 0
                    || physicalBase >= PhysicalAddressLimit)
                {
                    return RunWordError.InvalidDeviceRange;
                }
                request = CapabilityRequest.ForDeviceMemory(physicalBase, sizeLog2);
                return RunWordError.None;
            }
            if (suffix.StartsWith(InterruptLinePrefix))
            {
                if (!TryParseNumber(suffix, InterruptLinePrefix.Length, suffix.Length, out uint line) || line >= WellKnownSlots.InterruptLineCount)
                {
                    return RunWordError.InvalidInterruptLine;
                }
                request = CapabilityRequest.ForInterruptLine(line);
                return RunWordError.None;
            }
            if (suffix.StartsWith(IoPortsPrefix))
            {
                int dash = suffix.IndexOf('-');
                if (dash < 0
                    || !TryParseNumber(suffix, IoPortsPrefix.Length, dash, out uint first)
                    || !TryParseNumber(suffix, dash + 1, suffix.Length, out uint last)
                    || last > LastPort
                    || first > last)
                {
                    return RunWordError.InvalidPortRange;
                }
                request = CapabilityRequest.ForIoPorts(first, last);
                return RunWordError.None;
            }
            return RunWordError.UnknownSuffix;
        }

        // The largest number a port, line or size suffix takes (more than any needs).
        private const ulong SmallNumberLimit = 0x1000000;

        /// <summary>Reads text[start, end) as a number below 0x1000000 (ports, lines, sizes): see <see cref="TryParseBelow"/>.</summary>
        private static bool TryParseNumber(string text, int start, int end, out uint value)
        {
            bool parsed = TryParseBelow(text, start, end, SmallNumberLimit, out ulong number);
            value = (uint)number;
            return parsed;
        }

        /// <summary>Reads text[start, end) as a physical address below <see cref="PhysicalAddressLimit"/>: see <see cref="TryParseBelow"/>.</summary>
        private static bool TryParseAddress(string text, int start, int end, out ulong value) => TryParseBelow(text, start, end, PhysicalAddressLimit, out value);

        /// <summary>
        /// Reads text[start, end) as a decimal number, or a hexadecimal one after "0x"; false for an empty or malformed
        /// number or one at or above <paramref name="limit"/> (a number too large for 64 bits is malformed too). The core
        /// library parses the digits, as it does for the shell.
        /// </summary>
        private static bool TryParseBelow(string text, int start, int end, ulong limit, out ulong value)
        {
            bool hex = end - start > 2 && text[start] == '0' && (text[start + 1] == 'x' || text[start + 1] == 'X');
            ReadOnlySpan<char> digits = hex ? text.AsSpan(start + 2, end - start - 2) : text.AsSpan(start, end - start);
            if (!ulong.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, null, out value) || value >= limit)
            {
                value = 0;
                return false;
            }
            return true;
        }
    }
}
