using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Api;
using Internal.Runtime.CompilerHelpers;
using Internal.Runtime.ExceptionHandling;

namespace Internal.Runtime
{
    /// <summary>
    /// Start-up of a ring-3 program, called by Native/program_entry.asm: sets up the garbage-collected heap
    /// in the range reserved for it (ProgramHeapPages), installs the fatal-error handler (report on the debug console, end the
    /// task), initialises statics, runs the program's main and ends the task with its exit code.
    /// </summary>
    public static unsafe class ProgramStartup
    {
        private static ProgramStartInfo s_startInfo;

        public static ProgramStartInfo* StartInfo
        {
            get
            {
                fixed (ProgramStartInfo* info = &s_startInfo)
                {
                    return info;
                }
            }
        }

        /// <summary>The program's command line ("NAME ARGUMENTS..."), as its creator wrote it.</summary>
        public static string CommandLine
        {
            get
            {
                ulong length = s_startInfo.CommandLineLength;
                if (s_startInfo.CommandLine == 0 || length == 0 || length > 4096)
                {
                    return string.Empty;
                }
                return Kernel.DecodeAscii((byte*)s_startInfo.CommandLine, (int)length);
            }
        }

        /// <summary>The command line's words (separated by spaces), the program's name first.</summary>
        public static string[] Arguments => CommandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        [RuntimeImport("__modules_start")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void ModulesStart();

        [RuntimeImport("__modules_end")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void ModulesEnd();

        [RuntimeExport("LibcProgramStart")]
        private static void Start(ProgramStartInfo* info, delegate*<int> main)
        {
            if (info == null || info->Magic != ProgramStartInfo.ExpectedMagic)
            {
                Kernel.DebugWrite("program: bad start information; ending\n");
                Kernel.ExitTask(-1);
            }
            s_startInfo = *info;
            FatalError.SetHandler(&OnFatalError);
            // The heap grows and shrinks inside its reserved range, and is garbage collected.
            ProgramHeapPages.Initialize(info->HeapStart, info->HeapSize, info->HeapMappedBytes);
            ManagedHeap.Initialize(&ProgramHeapPages.Allocate, &ProgramHeapPages.Free);
            ManagedHeap.EnableCollection(&ProgramHeapPages.Allocate, &ProgramHeapPages.Free);
            // The linker symbols bounding ilc's module list, taken as addresses.
            StartupCodeHelpers.InitializeModules((nint*)(delegate*<void>)&ModulesStart, (nint*)(delegate*<void>)&ModulesEnd);
            // Exceptions: names for reports from the embedded symbol table, CPU faults as managed exceptions.
            EmbeddedSymbols.Install();
            FaultConversion.Install();
            int code = main();
            Kernel.ExitTask(code);
        }

        private static void OnFatalError(string reason, object exception)
        {
            // FatalError removed this handler before calling it; a failure while reporting (an exception's Message that
            // throws, say) must still end the task rather than spin.
            FatalError.SetHandler(&OnFatalErrorWhileReporting);
            if (exception != null)
            {
                // An unhandled exception: the report of docs/ARCHITECTURE.md ("Exceptions"), then the exit code.
                // One write, so that other tasks' lines cannot come between the report's lines.
                string note = reason == "unhandled exception" ? string.Empty : string.Concat("  (", reason, ")\n");
                Kernel.DebugWrite(string.Concat(ExceptionReporting.Headline(exception), "\n", ExceptionReporting.StackTraceOf(exception), note));
                Kernel.ExitTask(ExceptionReporting.UnhandledExceptionExitCode);
            }
            Kernel.DebugWrite("program: fatal error: ");
            Kernel.DebugWrite(reason);
            Kernel.DebugWrite("\n");
            Kernel.ExitTask(-1);
        }

        private static void OnFatalErrorWhileReporting(string reason, object exception)
        {
            Kernel.DebugWrite("program: fatal error while reporting a fatal error: ");
            Kernel.DebugWrite(reason);
            Kernel.DebugWrite("\n");
            Kernel.ExitTask(-1);
        }
    }
}
