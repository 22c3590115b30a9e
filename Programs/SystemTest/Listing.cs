using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>"hello": greets, shows the kernel information page and lists tasks and threads (a first `ps`).</summary>
    internal static unsafe class Listing
    {
        public static int Hello()
        {
            KernelInformation* information = Kernel.Information;
            Utcb* utcb = Kernel.CurrentUtcb;
            ulong thread = Kernel.ThreadSelf(out ulong task);
            Output.Line("hello: ring 3 program running as task " + Kernel.FormatId(task) + ", thread " + Kernel.FormatId(thread) + " (UTCB at 0x" + ((ulong)utcb).ToString("x")
                + (utcb->ThreadId == thread ? ", matches" : ", MISMATCH") + ")");
            Output.Line("hello: kernel " + information->VersionMajor.ToString() + "." + information->VersionMinor.ToString() + "." + information->VersionPatch.ToString()
                + ", " + (information->MemoryBytes / (1024 * 1024)).ToString() + " MiB, TSC " + (information->TimestampFrequencyHz / 1000000).ToString() + " MHz, tick "
                + information->TimerFrequencyHz.ToString() + " Hz, CPU " + Kernel.DecodeAscii(information->CpuVendor, 12));
            TaskInformation taskInformation;
            for (long cursor = 0; (cursor = Kernel.QueryTask((ulong)cursor, &taskInformation)) > 0;)
            {
                Output.Line("hello: task " + Kernel.FormatId(taskInformation.TaskId) + " " + Kernel.DecodeAscii(taskInformation.Name, taskInformation.NameLength) + " threads=" + taskInformation.ThreadCount.ToString()
                    + " pages=" + taskInformation.ResidentPages.ToString() + " cpu=" + (taskInformation.CpuTimeNanoseconds / 1000).ToString() + "us");
            }
            ThreadInformation threadInformation;
            for (long cursor = 0; (cursor = Kernel.QueryThread((ulong)cursor, &threadInformation)) > 0;)
            {
                Output.Line("hello: thread " + Kernel.FormatId(threadInformation.ThreadId) + " task " + Kernel.FormatId(threadInformation.TaskId) + " state=" + ((int)threadInformation.State).ToString()
                    + " priority=" + threadInformation.Priority.ToString() + " cpu=" + (threadInformation.CpuTimeNanoseconds / 1000).ToString() + "us");
            }
            return 0;
        }
    }
}
