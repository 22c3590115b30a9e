using Cosmos.Api;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The root task's server threads (the region pager, the loader service): each on a stack array kept reachable here
    /// for the root task's lifetime.
    /// </summary>
    internal static unsafe class RootThreads
    {
        private const int StackBytes = 64 * 1024;
        private const int Capacity = 4;
        /// <summary>The root task's own priority (and the programs').</summary>
        public const byte DefaultPriority = 100;

        private static readonly byte[][] s_stacks = new byte[Capacity][];
        private static int s_count;

        /// <summary>Starts <paramref name="entry"/>(argument, utcb) on a new thread; its id or a negative error. The entry must never return.</summary>
        public static long Start(delegate*<ulong, ulong, void> entry, ulong argument, byte priority = DefaultPriority)
        {
            if (s_count == Capacity)
            {
                return (long)SystemCallError.LimitReached;
            }
            long thread = Kernel.CreateThread(0, priority);
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
