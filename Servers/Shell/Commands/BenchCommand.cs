using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Loading;
using Cosmos.Servers.Shell.Logic;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>
    /// `bench`: runs the in-OS benchmark programs one after another through the loader service and waits for each. Their
    /// "bench ..." lines go to the kernel's debug console (COM1, polled by the kernel), not through the shell, so they
    /// appear on the serial line but not on the screen; the shell says when each program started and how it ended.
    /// </summary>
    internal sealed class BenchCommand : Command
    {
        /// <summary>The run words, as ./build.sh bench starts them (tests/Cosmos.Benchmarks/BootRunner.cs), and the disk test's.</summary>
        public static readonly string[] RunWords =
        {
            "systest:bench+spawn",
            "gctest:bench",
            "ehtest:bench",
            "ipctest:bench+spawn",
            "pagertest:bench+spawn+sigma0",
            "disktest:bench",
        };

        // How long one benchmark program may run: 10 minutes.
        private const ulong WaitNanoseconds = 600_000_000_000;

        public override string Name => "bench";

        public override string Summary => "runs the benchmark programs (bench lines go to the serial line)";

        public override void Run(ShellContext context, string[] words)
        {
            int succeeded = 0;
            ulong started = Kernel.Uptime();
            for (int index = 0; index < RunWords.Length; index++)
            {
                string runWord = RunWords[index];
                Capabilities.Delete(ShellContext.TaskCapabilitySlot);
                LoaderStatus status = Loader.Spawn(runWord, 0, 0, 0, ShellContext.TaskCapabilitySlot, out ulong taskId);
                if (status != LoaderStatus.Ok && status != LoaderStatus.TaskCapabilityNotDelivered)
                {
                    context.Line("bench: " + runWord + ": not started: " + Loader.Describe(status));
                    context.Output.Flush();
                    continue;
                }
                context.Line("bench: " + runWord + " running as task " + NumberText.Id(taskId) + " (its bench lines go to the serial line)");
                context.Output.Flush();
                long code = Kernel.WaitTask(taskId, WaitNanoseconds, out TaskEndReason reason);
                Capabilities.Delete(ShellContext.TaskCapabilitySlot);
                if (reason == TaskEndReason.Exited && code == 0)
                {
                    succeeded++;
                    context.Line("bench: " + runWord + " done");
                }
                else if (reason == TaskEndReason.None)
                {
                    context.Line("bench: " + runWord + " did not end: " + Kernel.DescribeError(code));
                }
                else
                {
                    context.Line("bench: " + runWord + " ended: " + ProcessTable.EndName(reason) + " " + code.ToString());
                }
                context.Output.Flush();
            }
            context.Line("bench: finished, " + succeeded.ToString() + " of " + RunWords.Length.ToString() + " programs succeeded in "
                + NumberText.Duration(Kernel.Uptime() - started));
        }
    }
}
