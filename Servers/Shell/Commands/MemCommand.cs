using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Servers.Shell.Logic;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>
    /// `mem`: physical memory, free and used, as the system service reports it (sigma0's pool of frames for programs and
    /// the kernel's own frames), then each task's resident pages.
    /// </summary>
    internal sealed unsafe class MemCommand : Command
    {
        public override string Name => "mem";

        public override string Summary => "physical memory and each task's pages";

        public override void Run(ShellContext context, string[] words)
        {
            ulong pageSize = Kernel.Information->PageSize;
            MemoryFigures figures = default;
            SystemServiceStatus status = ShellContext.IsRegistered(DeviceNames.System)
                ? context.System.MemoryFigures(out figures) : SystemServiceStatus.Unreachable;
            context.Line("memory    total        used         free");
            if (status == SystemServiceStatus.Ok)
            {
                if (figures.PageSize != 0)
                {
                    pageSize = figures.PageSize;
                }
                context.Line(MemoryLine("sigma0", figures.Sigma0Frames, figures.Sigma0FreeFrames, pageSize));
                context.Line(MemoryLine("kernel", figures.KernelFrames, figures.KernelFreeFrames, pageSize));
            }
            else
            {
                ulong free = Kernel.FreeFrames(out ulong managed);
                context.Line(MemoryLine("kernel", managed, free, pageSize));
                context.Line("mem: system service " + (status == SystemServiceStatus.Unreachable ? "unreachable" : "refused (" + ((uint)status).ToString() + ")")
                    + ": sigma0's figures missing");
            }
            context.Line("");
            context.Line("TASK      NAME                PAGES  RESIDENT  PAGE TABLES");
            TaskInformation task;
            for (long cursor = 0; (cursor = Kernel.QueryTask((ulong)cursor, &task)) > 0;)
            {
                if (task.Ended != 0)
                {
                    continue;
                }
                string name = Kernel.DecodeAscii(task.Name, task.NameLength);
                context.Line(NumberText.Id(task.TaskId).PadRight(10) + name.PadRight(20) + task.ResidentPages.ToString().PadLeft(5)
                    + NumberText.Size(task.ResidentPages * pageSize).PadLeft(10) + task.PageTablePages.ToString().PadLeft(13));
            }
        }

        private static string MemoryLine(string what, ulong frames, ulong free, ulong pageSize)
        {
            ulong used = frames >= free ? frames - free : 0;
            return what.PadRight(10) + NumberText.Size(frames * pageSize).PadRight(13) + NumberText.Size(used * pageSize).PadRight(13) + NumberText.Size(free * pageSize);
        }
    }
}
