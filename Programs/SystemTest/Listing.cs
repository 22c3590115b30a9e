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
            Output.Line("hello: ring 3 program running as task " + Id(task) + ", thread " + Id(thread) + " (UTCB at 0x" + ((ulong)utcb).ToString("x")
                + (utcb->ThreadId == thread ? ", matches" : ", MISMATCH") + ")");
            Output.Line("hello: kernel " + information->VersionMajor.ToString() + "." + information->VersionMinor.ToString() + "." + information->VersionPatch.ToString()
                + ", " + (information->MemoryBytes / (1024 * 1024)).ToString() + " MiB, TSC " + (information->TimestampFrequencyHz / 1000000).ToString() + " MHz, tick "
                + information->TimerFrequencyHz.ToString() + " Hz, CPU " + Vendor(information));
            TaskInformation taskInformation;
            for (long cursor = 0; (cursor = Kernel.QueryTask((ulong)cursor, &taskInformation)) > 0;)
            {
                Output.Line("hello: task " + Id(taskInformation.TaskId) + " " + Name(&taskInformation) + " threads=" + taskInformation.ThreadCount.ToString()
                    + " pages=" + taskInformation.OwnedPages.ToString() + " cpu=" + (taskInformation.CpuTimeNanoseconds / 1000).ToString() + "us");
            }
            ThreadInformation threadInformation;
            for (long cursor = 0; (cursor = Kernel.QueryThread((ulong)cursor, &threadInformation)) > 0;)
            {
                Output.Line("hello: thread " + Id(threadInformation.ThreadId) + " task " + Id(threadInformation.TaskId) + " state=" + ((int)threadInformation.State).ToString()
                    + " priority=" + threadInformation.Priority.ToString() + " cpu=" + (threadInformation.CpuTimeNanoseconds / 1000).ToString() + "us");
            }
            return 0;
        }

        public static string Id(ulong id) => (id & 0xFFFF).ToString() + "." + (id >> 16).ToString();

        private static string Name(TaskInformation* information)
        {
            char* characters = stackalloc char[TaskInformation.NameCapacity];
            int length = information->NameLength;
            for (int i = 0; i < length; i++)
            {
                characters[i] = (char)information->Name[i];
            }
            return new string(characters, 0, length);
        }

        private static string Vendor(KernelInformation* information)
        {
            char* characters = stackalloc char[12];
            int length = 0;
            while (length < 12 && information->CpuVendor[length] != 0)
            {
                characters[length] = (char)information->CpuVendor[length];
                length++;
            }
            return new string(characters, 0, length);
        }
    }
}
