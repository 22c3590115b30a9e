using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Api;

namespace Internal.Runtime
{
    /// <summary>
    /// A lock word for the runtime's shared structures (the heap) in programs with several threads. A thread that finds
    /// it held yields to the others, so the holder can finish. Not re-entrant. The atomic operations are in
    /// Native/spin_lock.asm. The kernel never contends (it runs with interrupts disabled on one processor).
    /// </summary>
    public static unsafe class SpinLock
    {
        [RuntimeImport("libc_spin_lock_try_acquire")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int TryAcquireNative(int* lockWord);

        [RuntimeImport("libc_spin_lock_release")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void ReleaseNative(int* lockWord);

        public static void Acquire(int* lockWord)
        {
            while (TryAcquireNative(lockWord) == 0)
            {
                Kernel.Yield();
            }
        }

        public static void Release(int* lockWord) => ReleaseNative(lockWord);
    }
}
