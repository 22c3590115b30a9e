using System.Runtime;
using Cosmos.Api;
using Cosmos.Formats;
using Internal.Runtime;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The root task: the first ring-3 program, started by the kernel; its pager is sigma0. It first starts its region
    /// pager (<see cref="RegionPager"/>, the pager of every program it starts), the name broker
    /// (<see cref="NameBrokerBoot"/>) and its loader service (<see cref="LoaderService"/>). Until the shell exists it then
    /// starts the programs named on the kernel command line — each word "run=NAME[:ARGUMENT...][+SUFFIX...]" starts boot
    /// module NAME with the command line "NAME ARGUMENT...", after giving it the capabilities its suffixes ask for
    /// (<see cref="ProgramStarter"/>) — all at once, then waits for each and reports how it ended. With the word
    /// "sequential" each program runs alone: it is waited for before the next starts (how benchmarks keep programs from
    /// measuring each other). Without run= words it starts "systest hello". Afterwards the main thread keeps giving the
    /// pages of ended programs (the loader service's too) back to the region pager (<see cref="StartedPrograms"/>).
    /// </summary>
    internal static unsafe class RootTaskMain
    {
        private const string RunPrefix = "run=";
        private const string SequentialWord = "sequential";

        // How long the main thread waits for one program before it looks for ended loader-service programs.
        private const ulong CollectionInterval = 100_000_000;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            ProgramStartInfo* start = ProgramStartup.StartInfo;
            Kernel.DebugWrite("roottask: started, " + start->ModuleCount.ToString() + " boot modules\n");

            StartRegionPager();
            ProgramLoader.AcquireCreation();
            NameBrokerBoot.Start();
            ProgramLoader.ReleaseCreation();
            LoaderService.Start();

            string[] words = ProgramStartup.Arguments;
            bool any = false;
            bool sequential = System.Array.IndexOf(words, SequentialWord) >= 0;
            for (int i = 0; i < words.Length; i++)
            {
                if (words[i].StartsWith(RunPrefix))
                {
                    any = true;
                    ulong task = StartProgram(words[i].Substring(RunPrefix.Length));
                    if (sequential && task != 0)
                    {
                        StartedPrograms.WaitFor(task, Kernel.WaitForever);
                    }
                }
            }
            if (!any)
            {
                StartProgram("systest:hello");
            }
            bool reported = false;
            while (true)
            {
                ulong first = StartedPrograms.FirstWaited();
                if (first != 0)
                {
                    StartedPrograms.WaitFor(first, CollectionInterval);
                }
                else
                {
                    if (!reported)
                    {
                        Kernel.DebugWrite("roottask: all programs ended\n");
                        reported = true;
                    }
                    Kernel.Sleep(CollectionInterval);
                }
                StartedPrograms.CollectEndedSpawns();
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
