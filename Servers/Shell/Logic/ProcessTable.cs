using Cosmos.Api;

namespace Cosmos.Servers.Shell.Logic
{
    /// <summary>
    /// The lines of `ps`: one per task (id, name, state, maximum priority, CPU time, resident pages, threads), each
    /// followed by its threads indented (id, state with what a blocked one waits for, priority, CPU time). Pure logic:
    /// the caller queries the kernel and passes what it reported.
    /// </summary>
    internal static class ProcessTable
    {
        public const string Header = "ID        NAME                STATE                 PRI    CPU(ms)  PAGES  THREADS";

        public static string TaskLine(in TaskInformation task, string name)
        {
            string state = task.Ended != 0 ? "ended " + EndName(task.EndReason) + " " + task.ExitCode.ToString() : "running";
            return NumberText.Id(task.TaskId).PadRight(10) + Fit(name, 20) + Fit(state, 22)
                + task.MaximumPriority.ToString().PadLeft(3) + NumberText.Milliseconds(task.CpuTimeNanoseconds).PadLeft(11)
                + task.ResidentPages.ToString().PadLeft(7) + task.ThreadCount.ToString().PadLeft(9);
        }

        public static string ThreadLine(in ThreadInformation thread)
        {
            return ("  " + NumberText.Id(thread.ThreadId)).PadRight(10) + Fit("thread", 20) + Fit(StateName(thread.State, thread.BlockReason), 22)
                + thread.Priority.ToString().PadLeft(3) + NumberText.Milliseconds(thread.CpuTimeNanoseconds).PadLeft(11);
        }

        /// <summary>A thread's state in words: "running", "ready", "blocked: ipc-receive", "dead".</summary>
        public static string StateName(ThreadState state, BlockReason reason)
        {
            switch (state)
            {
                case ThreadState.Running: return "running";
                case ThreadState.Ready: return "ready";
                case ThreadState.Dead: return "dead";
                case ThreadState.Blocked: return "blocked: " + BlockName(reason);
                default: return "free";
            }
        }

        public static string BlockName(BlockReason reason)
        {
            switch (reason)
            {
                case BlockReason.NotStarted: return "not-started";
                case BlockReason.Sleeping: return "sleep";
                case BlockReason.WaitingForTask: return "task-wait";
                case BlockReason.Suspended: return "suspended";
                case BlockReason.IpcSend: return "ipc-send";
                case BlockReason.IpcReceive: return "ipc-receive";
                case BlockReason.IpcReply: return "ipc-reply";
                case BlockReason.NotificationWait: return "notify-wait";
                default: return "?";
            }
        }

        public static string EndName(TaskEndReason reason)
        {
            switch (reason)
            {
                case TaskEndReason.Exited: return "exit";
                case TaskEndReason.Faulted: return "fault";
                case TaskEndReason.Killed: return "killed";
                default: return "?";
            }
        }

        // The text padded to `width` with at least one space after it (cut when longer).
        private static string Fit(string text, int width)
        {
            if (text.Length >= width)
            {
                text = text.Substring(0, width - 1);
            }
            return text.PadRight(width);
        }
    }
}
