using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "taskcreation": tries to create a task and prints what the kernel answered: permission denied without a Task
    /// capability naming this task (the root task gives one with the run-word suffix "+spawn"), ok with it; a created
    /// task is killed and waited for.
    /// </summary>
    internal static unsafe class TaskCreationRight
    {
        public static int Run()
        {
            byte* name = stackalloc byte[2];
            name[0] = (byte)'t';
            name[1] = (byte)'c';
            long child = Kernel.CreateTask(name, 2, 10, 10, out _);
            if (child > 0)
            {
                Kernel.KillTask((ulong)child);
                Kernel.WaitTask((ulong)child, Kernel.WaitForever, out _);
            }
            Output.Line("taskcreation: create task: " + Kernel.DescribeError(child < 0 ? child : 0));
            return 0;
        }
    }
}
