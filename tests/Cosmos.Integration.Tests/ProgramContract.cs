using System.Globalization;
using System.Text.RegularExpressions;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The serial-output contract of the ring-3 programs and of the kernel's lines about tasks, as the integration tests
    /// read it. The lines are printed by Servers/RootTask/RootTaskMain.cs (roottask), Programs/SystemTest (systest, one
    /// class per mode), CosmosKernel/Tasks/UserFaults.cs (fault) and CosmosKernel/Tasks/TaskLifecycle.cs (task); a change
    /// to either side must change both.
    /// </summary>
    /// <remarks>
    /// Lines of different tasks interleave in any order, but every line arrives whole: a program writes a line with one
    /// DebugWrite system call and the kernel runs with interrupts off. Task and thread ids print as "slot.version", e.g.
    /// "1.1"; sigma0 is task 0.1 and the root task 1.1. A program's task id is only known from the root task's "started task" line.
    /// </remarks>
    internal static class ProgramContract
    {
        private const string Id = @"\d+\.\d+";
        private const RegexOptions Options = RegexOptions.CultureInvariant;

        /// <summary>
        /// The kernel command line word that makes the root task start boot module <paramref name="program"/>:
        /// "run=NAME:ARG:ARG" starts NAME with the command line "NAME ARG ARG" (see <see cref="CommandLineOf"/>).
        /// Several run= words start several programs at once, in the order of the words.
        /// </summary>
        public static string Run(string program, params string[] arguments) =>
            "run=" + program + (arguments.Length == 0 ? "" : ":" + string.Join(":", arguments));

        /// <summary>The command line the root task gives the program of a <see cref="Run"/> word (its "+" suffixes left out), as its "started task" line quotes it.</summary>
        public static string CommandLineOf(string runWord) => runWord.Substring("run=".Length).Split('+')[0].Replace(':', ' ');

        // The root task.

        /// <summary>The root task's first line: "roottask: started, 5 boot modules".</summary>
        public static readonly Regex RootTaskStarted = new Regex(@"^roottask: started, (?<modules>\d+) boot modules$", Options);

        /// <summary>A program was started: "roottask: started task 1.1 "systest divide"" (the whole command line in quotes).</summary>
        public static readonly Regex ProgramStarted = new Regex($@"^roottask: started task (?<task>{Id}) ""(?<commandLine>[^""]*)""$", Options);

        /// <summary>A run= word that could not be started: "roottask: cannot start nosuchprogram: no boot module of that name".</summary>
        public static readonly Regex ProgramNotStarted = new Regex(@"^roottask: cannot start (?<name>\S+): (?<reason>.+)$", Options);

        /// <summary>The reason <see cref="ProgramNotStarted"/> gives for a name that no boot module has.</summary>
        public const string NoSuchModuleReason = "no boot module of that name";

        /// <summary>How a started program ended, from the root task's wait: "roottask: task 2.1 (systest) exited with code 0".</summary>
        public static readonly Regex ProgramExited = new Regex($@"^roottask: task (?<task>{Id}) \((?<name>[^)]*)\) exited with code (?<code>-?\d+)$", Options);

        /// <summary>"roottask: task 1.1 (systest) ended by a fault (code -1)"; the code is the one the kernel's <see cref="TaskEnded"/> line gives.</summary>
        public static readonly Regex ProgramFaulted = new Regex($@"^roottask: task (?<task>{Id}) \((?<name>[^)]*)\) ended by a fault \(code (?<code>-?\d+)\)$", Options);

        /// <summary>Any of the root task's end reports (exited, ended by a fault, was killed, could not be waited for).</summary>
        public static readonly Regex ProgramEndReport = new Regex($@"^roottask: task (?<task>{Id}) \((?<name>[^)]*)\) (?<how>.+)$", Options);

        /// <summary>The root task has waited for every program it started (it then sleeps for ever): "roottask: all programs ended".</summary>
        public static readonly Regex AllProgramsEnded = new Regex(@"^roottask: all programs ended$", Options);

        // The kernel's lines about tasks.

        /// <summary>
        /// A CPU exception in ring 3 ends the task: "fault: error: task 1.1 "systest" thread 2.1: divide error (#DE) at 0x406b87
        /// Cosmos.Programs.SystemTest.Faults.DivideByZero+0x7, error code 0x0; ending the task". The symbol (method, "+0x" offset
        /// unless 0) is there when the program's symbol table resolves the address; page faults add ", address 0x... (kernel
        /// memory)" (or "(null pointer)", or no remark).
        /// </summary>
        public static readonly Regex UserFault = new Regex(
            $@"^fault: error: task (?<task>{Id}) ""(?<name>[^""]*)"" thread (?<thread>{Id}): (?<exception>.+?) at 0x(?<rip>[0-9a-f]+)(?: (?<symbol>.+?))?, " +
            @"error code 0x(?<errorCode>[0-9a-f]+)(?:, address 0x(?<address>[0-9a-f]+)(?: \((?<remark>[^)]*)\))?)?; ending the task$",
            Options);

        /// <summary>
        /// The kernel freed a task: "task: task 1.1 "systest" ended (fault, code -1): 1102 pages and 14 page tables freed". How:
        /// exited, fault or killed.
        /// </summary>
        public static readonly Regex TaskEnded = new Regex(
            $@"^task: task (?<task>{Id}) ""(?<name>[^""]*)"" ended \((?<how>exited|fault|killed), code (?<code>-?\d+)\): (?<pages>\d+) pages and (?<tables>\d+) page tables freed$",
            Options);

        // systest: the first argument picks the mode; every line starts with the mode's name.

        /// <summary>"spin LABEL [LINES] [MS]" prints "spin A 0" … "spin A 19", busy-waiting between lines without yielding.</summary>
        public static readonly Regex SpinLine = new Regex(@"^spin (?<label>\S+) (?<index>\d+)$", Options);

        /// <summary>The last line of "spin": "spin A done".</summary>
        public static readonly Regex SpinDone = new Regex(@"^spin (?<label>\S+) done$", Options);

        /// <summary>"divide" announces the division by zero; "divide: FAILED, …" would follow if the task survived it.</summary>
        public static readonly Regex DivideStarting = new Regex(@"^divide: dividing by zero$", Options);

        /// <summary>"readkernel: reading kernel memory at 0xffff800000100000"; "readkernel: FAILED, …" would follow if the read worked.</summary>
        public static readonly Regex ReadKernelStarting = new Regex(@"^readkernel: reading kernel memory at 0x(?<address>[0-9a-f]+)$", Options);

        /// <summary>What divide, readkernel, invalid and privileged print when the task was not ended by its fault.</summary>
        public static readonly Regex FaultSurvived = new Regex(@"^(divide|readkernel|invalid|privileged): FAILED", Options);

        /// <summary>
        /// One "badpointer" check: "badpointer: debug write from a kernel address: bad address (-2)"; a check that got
        /// another result ends in " FAILED, expected bad address".
        /// </summary>
        public static readonly Regex BadPointerCheck = new Regex(@"^badpointer: (?<what>.+): (?<result>[^:]+) \((?<code>-?\d+)\)(?<failed> FAILED, expected .+)?$", Options);

        /// <summary>A failed "badpointer" check (anywhere in the line, so that a garbled line still counts).</summary>
        public static readonly Regex BadPointerFailed = new Regex(@"^badpointer: .*FAILED, expected", Options);

        /// <summary>The verdict of "badpointer": "badpointer: 17 of 17 rejected as expected".</summary>
        public static readonly Regex BadPointerSummary = new Regex(@"^badpointer: (?<passed>\d+) of (?<total>\d+) rejected as expected$", Options);

        /// <summary>"threads N": "threads: created 1000, ran 1000, free frames before 61587 after 61587".</summary>
        public static readonly Regex ThreadChurn = new Regex(
            @"^threads: created (?<created>\d+), ran (?<ran>\d+), free frames before (?<before>\d+) after (?<after>\d+)$", Options);

        /// <summary>"threads: create failed: out of memory" or "threads: start failed: …": the churn stopped early.</summary>
        public static readonly Regex ThreadChurnFailed = new Regex(@"^threads: (create|start) failed: (?<error>.+)$", Options);

        /// <summary>
        /// One "sleep" duration as the uptime clock measured it: "sleep: requested 1000000 ns, slept 2845131 ns", with
        /// " (error …)" appended when the system call failed. The mode requests 1, 5, 20, 100 and 250 ms, in that order.
        /// </summary>
        public static readonly Regex SleepMeasured = new Regex(@"^sleep: requested (?<requested>\d+) ns, slept (?<slept>\d+) ns(?: \(error (?<error>[^)]*)\))?$", Options);

        /// <summary>The last line of "sleep".</summary>
        public static readonly Regex SleepDone = new Regex(@"^sleep: done$", Options);

        /// <summary>
        /// The first line of "hello": "hello: ring 3 program running as task 1.1, thread 2.1 (UTCB at 0x7fff00002000, matches)";
        /// "MISMATCH" instead of "matches" when the UTCB's thread id is not the one ThreadSelf returned.
        /// </summary>
        public static readonly Regex HelloIdentity = new Regex(
            $@"^hello: ring 3 program running as task (?<task>{Id}), thread (?<thread>{Id}) \(UTCB at 0x(?<utcb>[0-9a-f]+), (?<utcbCheck>matches|MISMATCH)\)$",
            Options);

        /// <summary>The kernel information page as "hello" reads it: "hello: kernel 0.2.0, 255 MiB, TSC 2100 MHz, tick 1000 Hz, CPU AuthenticAMD".</summary>
        public static readonly Regex HelloKernel = new Regex(
            @"^hello: kernel (?<version>\d+\.\d+\.\d+), (?<mebibytes>\d+) MiB, TSC (?<tscMegahertz>\d+) MHz, tick (?<tickHertz>\d+) Hz, CPU (?<vendor>.*)$",
            Options);

        /// <summary>One task of the listing: "hello: task 1.1 roottask threads=1 pages=1136 cpu=20333us".</summary>
        public static readonly Regex HelloTask = new Regex(
            $@"^hello: task (?<task>{Id}) (?<name>.*) threads=(?<threads>\d+) pages=(?<pages>\d+) cpu=(?<cpu>\d+)us$", Options);

        /// <summary>One thread of the listing: "hello: thread 2.1 task 1.1 state=1 priority=100 cpu=5437us" (the idle thread is in task 0.0).</summary>
        public static readonly Regex HelloThread = new Regex(
            $@"^hello: thread (?<thread>{Id}) task (?<task>{Id}) state=(?<state>\d+) priority=(?<priority>\d+) cpu=(?<cpu>\d+)us$", Options);

        /// <summary>systest kernelheap's result: "kernelheap: calls 100000, threads run 72, heap bytes before 178288 after 178288, allocations before 36 after 36".</summary>
        public static readonly Regex KernelHeapResult = new Regex(
            @"^kernelheap: calls (?<calls>\d+), threads run (?<threads>\d+), heap bytes before (?<bytesBefore>\d+) after (?<bytesAfter>\d+), allocations before (?<allocationsBefore>\d+) after (?<allocationsAfter>\d+)$", Options);

        /// <summary>systest suspend's record check: "suspend: records 2, self record ok, worker record ok (flags 1, rip 0x408124, rsp 0x1000015000)".</summary>
        public static readonly Regex SuspendRecords = new Regex(
            @"^suspend: records (?<records>\d+), self record (?<self>ok|wrong), worker record (?<worker>ok|wrong) \(flags (?<flags>\d+), rip 0x(?<rip>[0-9a-f]+), rsp 0x(?<rsp>[0-9a-f]+)\)$", Options);

        /// <summary>systest suspend's counts: "suspend: count at suspend 7181282, 20 ms later 7181282, resumed 1, 20 ms after resume 14214563, small buffer limit reached".</summary>
        public static readonly Regex SuspendCounts = new Regex(
            @"^suspend: count at suspend (?<atSuspend>\d+), 20 ms later (?<whileSuspended>\d+), resumed (?<resumed>\d+), 20 ms after resume (?<afterResume>\d+), small buffer (?<smallBuffer>.+)$", Options);

        /// <summary>systest faulthandler's handler: "faulthandler: vector 14, error code 0x4, address 0x8, pending 1, record in the UTCB, rip 0x406d51, rsp in the faulting frame".</summary>
        public static readonly Regex FaultHandlerRecord = new Regex(
            @"^faulthandler: vector (?<vector>\d+), error code 0x(?<errorCode>[0-9a-f]+), address 0x(?<address>[0-9a-f]+), pending (?<pending>\d+), record (?<record>in the UTCB|elsewhere), rip 0x(?<rip>[0-9a-f]+), rsp (?<rsp>.+)$", Options);

        // Exceptions (Libc: Internal/Runtime/ExceptionReporting.cs, ExceptionHandling/FaultConversion.cs; docs/ARCHITECTURE.md "Exceptions").

        /// <summary>
        /// The first line of a program's unhandled-exception report: "unhandled exception: System.DivideByZeroException:
        /// Attempted to divide by zero." (the type's C# name, then the message when there is one). <see cref="ExceptionFrame"/>
        /// lines follow, innermost first; the program then exits with <see cref="UnhandledExceptionExitCode"/>.
        /// </summary>
        public static readonly Regex UnhandledException = new Regex(@"^unhandled exception: (?<type>[^:\s]+)(?:: (?<message>.*))?$", Options);

        /// <summary>One frame of an exception report or a fault's stack trace: "  at Namespace.Type.Method+0x1f" ("0x..." alone when unnamed).</summary>
        public static readonly Regex ExceptionFrame = new Regex(@"^  at (?<method>[^+\s]+)(?:\+0x(?<offset>[0-9a-f]+))?$", Options);

        /// <summary>The exit code of a program ended by an unhandled exception (ExceptionReporting.UnhandledExceptionExitCode).</summary>
        public const long UnhandledExceptionExitCode = 70;

        /// <summary>A ring-3 fault that is not turned into an exception prints this, then <see cref="ExceptionFrame"/> lines, then the kernel's <see cref="UserFault"/> line.</summary>
        public static readonly Regex FaultStackTrace = new Regex(@"^fault: stack trace:$", Options);

        /// <summary>A failure while a program reports a fatal error or an unhandled exception: "program: fatal error while reporting a fatal error: REASON"; the task exits with -1.</summary>
        public static readonly Regex FatalErrorWhileReporting = new Regex(@"^program: fatal error while reporting a fatal error: (?<reason>.+)$", Options);

        // ehtest (Programs/ExceptionTest): one line per test, then a verdict for "all".

        /// <summary>"ehtest: finally ok" or "ehtest: rethrow FAILED: order was "..."".</summary>
        public static readonly Regex ExceptionTestResult = new Regex(@"^ehtest: (?<test>\S+) (?:(?<ok>ok)|FAILED: (?<why>.*))$", Options);

        /// <summary>The verdict of "ehtest all": "ehtest: all passed" (or "ehtest: 2 failed").</summary>
        public static readonly Regex ExceptionTestAllPassed = new Regex(@"^ehtest: all passed$", Options);

        // systest irq and ioport (Programs/SystemTest/InterruptDelivery.cs, IoPortDenial.cs): hardware by capability.

        /// <summary>
        /// One refusal (or success) "irq" checks: "irq: check bind the cascade line 2: invalid argument (-3)"; a check that
        /// got another result ends in " FAILED, expected …".
        /// </summary>
        public static readonly Regex InterruptCheck = new Regex(@"^irq: check (?<what>.+): (?<result>[^(]+) \((?<code>-?\d+)\)(?<failed> FAILED, expected .+)?$", Options);

        /// <summary>The verdict of the checks: "irq: 24 of 24 checks passed" (printed last).</summary>
        public static readonly Regex InterruptChecksSummary = new Regex(@"^irq: (?<passed>\d+) of (?<total>\d+) checks passed$", Options);

        /// <summary>
        /// The PIT's interrupts as a ring-3 driver received them: "irq: received 200 of 200 interrupts, 0 with other bits, in
        /// 199012 us: 999 Hz (programmed 1000 Hz)" (the rate is the uptime clock's, from the first to the last interrupt).
        /// </summary>
        public static readonly Regex InterruptsReceived = new Regex(
            @"^irq: received (?<received>\d+) of (?<count>\d+) interrupts, (?<other>\d+) with other bits, in (?<microseconds>\d+) us: (?<hertz>\d+) Hz \(programmed (?<programmed>\d+) Hz\)$",
            Options);

        /// <summary>
        /// The kernel's line (CosmosKernel/Interrupts/InterruptLines.cs) when a line fired and its notification was gone:
        /// "interrupt: line 0: its notification is gone; the line stays masked until bound again".
        /// </summary>
        public static readonly Regex InterruptBindingDropped = new Regex(@"^interrupt: line (?<line>\d+): its notification is gone; the line stays masked until bound again$", Options);

        /// <summary>"ioport: read port 0x40 (allowed): 0x5c": an enabled port worked.</summary>
        public static readonly Regex IoPortAllowedRead = new Regex(@"^ioport: read port 0x40 \(allowed\): 0x[0-9a-f]{2}$", Options);

        /// <summary>"ioport: reading port 0x60 (not enabled)": the read that must raise #GP.</summary>
        public static readonly Regex IoPortDeniedRead = new Regex(@"^ioport: reading port 0x(?<port>[0-9a-f]+) \(not enabled\)$", Options);

        /// <summary>What "ioport" prints when the denied read worked or something else went wrong.</summary>
        public static readonly Regex IoPortFailed = new Regex(@"^ioport: FAILED", Options);

        /// <summary>A group of <paramref name="match"/> as a decimal number (it matched \d+, so it parses unless it overflows).</summary>
        public static long Number(Match match, string group) =>
            long.Parse(match.Groups[group].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        /// <summary>A group of <paramref name="match"/> written as hexadecimal digits without "0x".</summary>
        public static ulong HexNumber(Match match, string group) =>
            ulong.Parse(match.Groups[group].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
