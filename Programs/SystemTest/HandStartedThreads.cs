using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// What systest needs to start threads by hand rather than through a loader: machine code placed in a page of
    /// its own (in this task or a child), and a stack top in a heap buffer (the heap never moves objects).
    /// </summary>
    internal static unsafe class HandStartedThreads
    {
        /// <summary>Maps one executable page at <paramref name="address"/> in <paramref name="task"/> (0: this task) and copies <paramref name="code"/> into it.</summary>
        public static SystemCallError PlaceCode(ulong task, ulong address, byte[] code)
        {
            SystemCallError error = Kernel.AllocateMemory(task, address, UserLayout.PageSize, Kernel.MemoryExecutable);
            if (error != SystemCallError.None)
            {
                return error;
            }
            fixed (byte* bytes = code)
            {
                return Kernel.WriteMemory(task, address, bytes, (ulong)code.Length);
            }
        }

        /// <summary>The initial stack pointer for a thread whose stack is <paramref name="stack"/>: as if its entry had been called (rsp + 8 is 16-byte aligned).</summary>
        public static ulong StackTopOf(byte[] stack)
        {
            fixed (byte* bottom = stack)
            {
                return (((ulong)bottom + (ulong)stack.Length) & ~15UL) - 8;
            }
        }
    }
}
