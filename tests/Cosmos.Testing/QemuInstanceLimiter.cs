using System;
using System.Threading;
using System.Threading.Tasks;

namespace Cosmos.Testing
{
    /// <summary>
    /// Caps how many QEMU processes this test process runs at once (COSMOS_QEMU_INSTANCES, default 2). Test classes run in
    /// parallel; without a cap, a dozen TCG guests would share two cores and boot times, not the code under test, would
    /// decide which waits time out. A machine takes a slot before QEMU starts and gives it back once QEMU is dead.
    /// </summary>
    /// <remarks>
    /// A test that needs several machines at the same time must not ask for more than the cap, or it waits forever for a
    /// slot it holds itself; with the default of 2, a two-machine test works.
    /// </remarks>
    internal static class QemuInstanceLimiter
    {
        // Long enough that a queue of slow UEFI boots never trips it; short enough that a leaked slot ends the run with an
        // explanation instead of hanging CI until its overall limit.
        private static readonly TimeSpan s_acquireTimeout = TimeSpan.FromMinutes(20);

        // Declared before the semaphore: static fields are initialized in declaration order.
        private static readonly int s_capacity = QemuEnvironment.MaximumConcurrentInstances;

        private static readonly SemaphoreSlim s_slots = new SemaphoreSlim(s_capacity, s_capacity);

        public static int Capacity => s_capacity;

        public static async Task AcquireAsync(CancellationToken cancellationToken)
        {
            if (!await s_slots.WaitAsync(s_acquireTimeout, cancellationToken).ConfigureAwait(false))
            {
                throw new TimeoutException(
                    $"Waited {s_acquireTimeout.TotalMinutes} minutes for one of the {Capacity} QEMU slots (COSMOS_QEMU_INSTANCES). " +
                    "A QemuMachine that was never disposed keeps its slot: dispose every machine (await using).");
            }
        }

        public static void Release() => s_slots.Release();
    }
}
