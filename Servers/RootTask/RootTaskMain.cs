using System.Runtime;
using Cosmos.Api;
using Cosmos.Formats;
using Internal.Runtime;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The root task: the first ring-3 program, started by the kernel. It first starts the name broker
    /// (<see cref="NameBrokerBoot"/>). Until the shell exists it then starts the programs named on the kernel command
    /// line — each word "run=NAME[:ARGUMENT...][+SUFFIX...]" starts boot module NAME with the command line
    /// "NAME ARGUMENT...", after giving it the capabilities its suffixes ask for (<see cref="RunWord"/>,
    /// <see cref="CapabilityHandOut"/>) — all at once, then waits for each and reports how it ended. With the word
    /// "sequential" each program runs alone: it is waited for before the next starts (how benchmarks keep programs
    /// from measuring each other). Without run= words it starts "systest hello".
    /// </summary>
    internal static unsafe class RootTaskMain
    {
        private const string RunPrefix = "run=";
        private const string SequentialWord = "sequential";
        private const int MaximumPrograms = 16;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            ProgramStartInfo* start = ProgramStartup.StartInfo;
            Kernel.DebugWrite("roottask: started, " + start->ModuleCount.ToString() + " boot modules\n");

            NameBrokerBoot.Start();

            string[] words = ProgramStartup.Arguments;
            ulong* tasks = stackalloc ulong[MaximumPrograms];
            string[] names = new string[MaximumPrograms];
            int count = 0;
            int waited = 0;
            bool any = false;
            bool sequential = System.Array.IndexOf(words, SequentialWord) >= 0;
            for (int i = 0; i < words.Length; i++)
            {
                if (words[i].StartsWith(RunPrefix))
                {
                    any = true;
                    count = StartProgram(words[i].Substring(RunPrefix.Length), tasks, names, count);
                    for (; sequential && waited < count; waited++)
                    {
                        WaitAndReport(tasks[waited], names[waited]);
                    }
                }
            }
            if (!any)
            {
                count = StartProgram("systest:hello", tasks, names, count);
            }
            for (; waited < count; waited++)
            {
                WaitAndReport(tasks[waited], names[waited]);
            }
            Kernel.DebugWrite("roottask: all programs ended\n");
            while (true)
            {
                Kernel.Sleep(ulong.MaxValue);
            }
        }

        private static void WaitAndReport(ulong task, string name)
        {
            long code = Kernel.WaitTask(task, Kernel.WaitForever, out TaskEndReason reason);
            string how = reason == TaskEndReason.Exited ? "exited with code " + code.ToString()
                : reason == TaskEndReason.Faulted ? "ended by a fault (code " + code.ToString() + ")"
                : reason == TaskEndReason.Killed ? "was killed"
                : "could not be waited for: " + Kernel.DescribeError(code);
            Kernel.DebugWrite("roottask: task " + Kernel.FormatId(task) + " (" + name + ") " + how + "\n");
        }

        // Starts "NAME:ARG:ARG+SUFFIX" and records it; returns the new count.
        private static int StartProgram(string specification, ulong* tasks, string[] names, int count)
        {
            RunWordError wordError = RunWord.TryParse(specification, out RunWord word);
            if (wordError != RunWordError.None)
            {
                Kernel.DebugWrite("roottask: cannot start " + specification + ": " + RunWord.Describe(wordError) + "\n");
                return count;
            }
            string name = word.ProgramName;
            if (count == MaximumPrograms)
            {
                Kernel.DebugWrite("roottask: too many programs; not starting " + name + "\n");
                return count;
            }
            SystemCallError error = ProgramLoader.Create(name, word.CommandLine, word.MayCreateTasks, out CreatedProgram program, out ElfError elfError);
            if (error == SystemCallError.None)
            {
                // The capabilities are in place before the program's first instruction runs.
                error = CapabilityHandOut.Give(program.Task, word.CapabilityRequests);
                if (error != SystemCallError.None)
                {
                    ProgramLoader.Abandon(in program);
                    Kernel.DebugWrite("roottask: cannot start " + name + ": a capability could not be given\n");
                    return count;
                }
                error = ProgramLoader.Start(in program);
            }
            if (error != SystemCallError.None)
            {
                string why = error == SystemCallError.NoSuchTask ? "no boot module of that name"
                    : elfError != ElfError.None ? "not a valid program (ELF error " + ((int)elfError).ToString() + ")"
                    : Kernel.DescribeError((long)error);
                Kernel.DebugWrite("roottask: cannot start " + name + ": " + why + "\n");
                return count;
            }
            Kernel.DebugWrite("roottask: started task " + Kernel.FormatId(program.Task) + " \"" + word.CommandLine + "\"\n");
            tasks[count] = program.Task;
            names[count] = name;
            return count + 1;
        }
    }
}
