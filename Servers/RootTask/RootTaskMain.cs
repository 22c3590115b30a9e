using System.Runtime;
using Cosmos.Api;
using Cosmos.Formats;
using Internal.Runtime;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The root task: the first ring-3 program, started by the kernel; its pager is sigma0. It first starts its region
    /// pager (<see cref="RegionPager"/>, the pager of every program it starts), the name broker
    /// (<see cref="NameBrokerBoot"/>), its loader service (<see cref="LoaderService"/>) and its system service
    /// (<see cref="SystemService"/>). Then, on a normal boot (no run= words, or the word "system"), the drivers and the
    /// shell (<see cref="BootPrograms"/>), which it supervises: a driver or server that dies is started again
    /// (<see cref="Supervisor"/>). Each word "run=NAME[:ARGUMENT...][+SUFFIX...]" starts boot module NAME with the command
    /// line "NAME ARGUMENT...", after giving it the capabilities its suffixes ask for (<see cref="ProgramStarter"/>) —
    /// all at once, then waits for each and reports how it ended; with the word "sequential" each program runs alone
    /// (how benchmarks keep programs from measuring each other). Tests start what they need this way; with run= words the
    /// drivers and the shell start only if the word "system" is given too. Afterwards the main thread keeps watching the
    /// supervised programs and giving the pages of ended programs back to the region pager (<see cref="StartedPrograms"/>).
    /// </summary>
    internal static unsafe class RootTaskMain
    {
        private const string RunPrefix = "run=";
        private const string SequentialWord = "sequential";
        private const string SystemWord = "system";

        // How often the main thread looks at the supervised programs, and how often it collects ended loader-service programs.
        private const ulong SupervisionInterval = 20_000_000;
        private const int CollectionEvery = 5;

        private static ulong s_brokerTask;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            ProgramStartInfo* start = ProgramStartup.StartInfo;
            Kernel.DebugWrite("roottask: started, " + start->ModuleCount.ToString() + " boot modules\n");

            StartRegionPager();
            ProgramLoader.AcquireCreation();
            s_brokerTask = NameBrokerBoot.Start();
            ProgramLoader.ReleaseCreation();
            LoaderService.Start();
            SystemService.Start(s_brokerTask);

            string[] words = ProgramStartup.Arguments;
            bool anyRunWord = false;
            for (int i = 0; i < words.Length; i++)
            {
                anyRunWord |= words[i].StartsWith(RunPrefix);
            }
            if (!anyRunWord || System.Array.IndexOf(words, SystemWord) >= 0)
            {
                BootPrograms.Start();
            }
            bool sequential = System.Array.IndexOf(words, SequentialWord) >= 0;
            for (int i = 0; i < words.Length; i++)
            {
                if (words[i].StartsWith(RunPrefix))
                {
                    ulong task = StartProgram(words[i].Substring(RunPrefix.Length));
                    while (sequential && task != 0 && !StartedPrograms.WaitFor(task, SupervisionInterval))
                    {
                        Supervisor.Check();
                    }
                }
            }
            bool reported = !anyRunWord;
            for (int round = 0; ; round++)
            {
                ulong first = StartedPrograms.FirstWaited();
                if (first != 0)
                {
                    StartedPrograms.WaitFor(first, SupervisionInterval);
                }
                else
                {
                    if (!reported)
                    {
                        Kernel.DebugWrite("roottask: all programs ended\n");
                        reported = true;
                    }
                    Kernel.Sleep(SupervisionInterval);
                }
                Supervisor.Check();
                if (round % CollectionEvery == 0)
                {
                    StartedPrograms.CollectEndedSpawns();
                }
            }
        }

        private static void StartRegionPager()
        {
            SystemCallError error = RegionPager.Initialize();
            long thread = error == SystemCallError.None ? RegionPagerServer.Start() : (long)error;
            if (thread < 0)
            {
                Kernel.DebugWrite("roottask: no region pager: " + Kernel.DescribeError(thread) + "\n");
                return;
            }
            Kernel.DebugWrite("roottask: region pager serving, pool of " + (RegionPager.PoolPageCapacity / 256).ToString() + " MiB at 0x" + RegionPager.PoolBase.ToString("x") + "\n");
        }

        // Starts "NAME:ARG:ARG+SUFFIX" and records it; returns its task id, or 0 when it was not started.
        private static ulong StartProgram(string specification)
        {
            ProgramLoader.AcquireCreation();
            ulong task = ProgramStarter.Start(specification, 0, 0, 0, waited: true, out _);
            ProgramLoader.ReleaseCreation();
            return task;
        }
    }
}
