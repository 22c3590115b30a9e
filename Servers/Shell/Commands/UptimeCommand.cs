using Cosmos.Api;
using Cosmos.Servers.Shell.Logic;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>`uptime`: the time since the kernel started, and how many tasks are alive.</summary>
    internal sealed unsafe class UptimeCommand : Command
    {
        public override string Name => "uptime";

        public override string Summary => "time since boot";

        public override void Run(ShellContext context, string[] words)
        {
            ulong nanoseconds = Kernel.Uptime();
            int tasks = 0;
            TaskInformation information;
            for (long cursor = 0; (cursor = Kernel.QueryTask((ulong)cursor, &information)) > 0;)
            {
                if (information.Ended == 0)
                {
                    tasks++;
                }
            }
            context.Line("up " + NumberText.Duration(nanoseconds) + ", " + tasks.ToString() + " tasks");
        }
    }
}
