using Cosmos.Api;
using Cosmos.Servers.Shell.Logic;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>`ps`: every task the kernel knows, each followed by its threads (from the task and thread queries).</summary>
    internal sealed unsafe class PsCommand : Command
    {
        public override string Name => "ps";

        public override string Summary => "lists tasks and their threads";

        public override void Run(ShellContext context, string[] words)
        {
            context.Line(ProcessTable.Header);
            TaskInformation task;
            for (long cursor = 0; (cursor = Kernel.QueryTask((ulong)cursor, &task)) > 0;)
            {
                context.Line(ProcessTable.TaskLine(task, Kernel.DecodeAscii(task.Name, task.NameLength)));
                ThreadInformation thread;
                for (long threadCursor = 0; (threadCursor = Kernel.QueryThread((ulong)threadCursor, &thread)) > 0;)
                {
                    if (thread.TaskId == task.TaskId)
                    {
                        context.Line(ProcessTable.ThreadLine(thread));
                    }
                }
            }
        }
    }
}
