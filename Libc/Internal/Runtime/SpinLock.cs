using System.Runtime.CompilerServices;
using System.Threading;
using Cosmos.Api;

namespace Internal.Runtime
{
    /// <summary>
    /// A lock word for the runtime's shared structures (the heap) in programs with several threads. A thread that finds
    /// it held yields to the others, so the holder can finish. Not re-entrant. The kernel never waits (it runs with
    /// interrupts disabled on one processor, so a lock found held there was taken by the code that is failing: see
    /// ManagedHeap.Lock).
    /// </summary>
    public struct SpinLock
    {
        // Written only through Interlocked.Exchange (taking) and a volatile store (releasing: on x86 a plain store, which
        // the processor keeps after the critical section's stores; volatile keeps the compiler from moving it earlier).
        private volatile int _held;

        /// <summary>True when the lock was free and is now held; false (at once) when someone holds it.</summary>
        public bool TryAcquire() => Interlocked.Exchange(ref Unsafe.As<SpinLock, int>(ref this), 1) == 0;

        public void Acquire()
        {
            while (!TryAcquire())
            {
                Kernel.Yield();
            }
        }

        public void Release() => _held = 0;
    }
}
