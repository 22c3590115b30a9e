using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// What systest needs to start threads by hand rather than through a loader: machine code placed in a page of
    /// its own (in this task or a child). Stack tops for threads on heap arrays come from Kernel.StackTopOf.
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
    }
}
