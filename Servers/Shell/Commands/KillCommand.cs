using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Servers.Shell.Logic;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>`kill TASK`: ends a task through the system service; TASK as `ps` prints it ("5.1") or just its index ("5").</summary>
    internal sealed unsafe class KillCommand : Command
    {
        public override string Name => "kill";

        public override string Summary => "TASK  ends a task (id as ps prints it, e.g. 5.1)";

        public override void Run(ShellContext context, string[] words)
        {
            if (words.Length != 2 || !TaskSelector.TryParse(words[1], out TaskSelector selector))
            {
                context.Line("usage: kill TASK (a task id as ps prints it, e.g. 5.1, or its first number)");
                return;
            }
            if (!Find(selector, out ulong taskId, out string name))
            {
                context.Line("kill: no live task " + words[1]);
                return;
            }
            string which = NumberText.Id(taskId) + " (" + name + ")";
            if (!ShellContext.IsRegistered(DeviceNames.System))
            {
                context.Line("kill: system service unreachable: cannot kill " + which);
                return;
            }
            SystemServiceStatus status = context.System.Kill(taskId, out SystemCallError error);
            switch (status)
            {
                case SystemServiceStatus.Ok:
                    context.Line("killed " + which);
                    break;
                case SystemServiceStatus.NotFound:
                    context.Line("kill: the system service knows no task " + which);
                    break;
                case SystemServiceStatus.NotPermitted:
                    context.Line("kill: " + which + " may not be killed");
                    break;
                case SystemServiceStatus.Failed:
                    context.Line("kill: the kernel refused to kill " + which + ": " + Kernel.DescribeError((long)error));
                    break;
                case SystemServiceStatus.Unreachable:
                    context.Line("kill: system service unreachable");
                    break;
                default:
                    context.Line("kill: the system service answered " + ((uint)status).ToString());
                    break;
            }
        }

        // The live task the selector names.
        private static bool Find(TaskSelector selector, out ulong taskId, out string name)
        {
            TaskInformation task;
            for (long cursor = 0; (cursor = Kernel.QueryTask((ulong)cursor, &task)) > 0;)
            {
                if (task.Ended == 0 && selector.Matches(task.TaskId))
                {
                    taskId = task.TaskId;
                    name = Kernel.DecodeAscii(task.Name, task.NameLength);
                    return true;
                }
            }
            taskId = 0;
            name = null;
            return false;
        }
    }
}
