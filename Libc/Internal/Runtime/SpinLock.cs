using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Api;

namespace Internal.Runtime
{
    /// <summary>
    /// A lock word for the runtime's shared structures (the heap) in programs with several threads. A thread that finds
    /// it held yields to the others, so the holder can finish. Not re-entrant. The atomic operations are in
    /// Native/spin_lock.asm. The kernel never waits (it runs with interrupts disabled on one processor, so a lock found
    /// held there was taken by the code that is failing: see ManagedHeap.Lock).
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

        /// <summary>True when the lock was free and is now held; false (at once) when someone holds it.</summary>
        public static bool TryAcquire(int* lockWord) => TryAcquireNative(lockWord) != 0;

        public static void Release(int* lockWord) => ReleaseNative(lockWord);
    }
}
