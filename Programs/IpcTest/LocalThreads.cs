using Cosmos.Api;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>Second threads in ipctest's own task, each on a stack array kept reachable here for the program's lifetime.</summary>
    internal static unsafe class LocalThreads
    {
        private const int StackBytes = 32 * 1024;
        private const int Capacity = 32;

        private static readonly byte[][] s_stacks = new byte[Capacity][];
        private static int s_count;

        /// <summary>Starts <paramref name="entry"/>(argument, utcb) on a new thread at priority 100; the thread id or a negative error.</summary>
        public static long Start(delegate*<ulong, ulong, void> entry, ulong argument)
        {
            if (s_count == Capacity)
            {
                return (long)SystemCallError.LimitReached;
            }
            long thread = Kernel.CreateThread(0, 100);
            if (thread < 0)
            {
                return thread;
            }
            byte[] stack = new byte[StackBytes];
            s_stacks[s_count++] = stack;
            SystemCallError error = Kernel.StartThread((ulong)thread, (ulong)entry, Kernel.StackTopOf(stack), argument);
            return error == SystemCallError.None ? thread : (long)error;
        }
    }
}
