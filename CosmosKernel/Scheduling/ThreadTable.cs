using Cosmos.Api;
using Internal.Runtime;

namespace CosmosKernel.Scheduling
{
    /// <summary>
    /// Slot -> thread control block, with each slot's current version, so a <see cref="ThreadId"/> is checked
    /// on every lookup: a stale id (its thread died, the slot may hold a new one) finds nothing. Free slots
    /// are taken lowest first. Arrays are allocated once at boot.
    /// </summary>
    internal static unsafe class ThreadTable
    {
        public const int Capacity = 4096;

        private static ThreadControlBlock** s_threads;
        private static uint* s_versions;
        private static int s_count;

        public static void Initialize()
        {
            s_threads = (ThreadControlBlock**)ManagedHeap.AllocateRaw((nuint)(Capacity * sizeof(ThreadControlBlock*)));
            s_versions = (uint*)ManagedHeap.AllocateRaw((nuint)(Capacity * sizeof(uint)));
            for (int i = 0; i < Capacity; i++)
            {
                s_threads[i] = null;
                s_versions[i] = 1;
            }
        }

        public static int Count => s_count;

        /// <summary>Reserves the lowest free slot for <paramref name="thread"/> and returns its id (None when the table is full).</summary>
        public static ThreadId Add(ThreadControlBlock* thread)
        {
            for (int slot = 0; slot < Capacity; slot++)
            {
                if (s_threads[slot] == null)
                {
                    s_threads[slot] = thread;
                    s_count++;
                    return ThreadId.Create(slot, s_versions[slot]);
                }
            }
            return ThreadId.None;
        }

        /// <summary>Frees the slot of <paramref name="id"/> and advances its version, so the id goes stale.</summary>
        public static void Remove(ThreadId id)
        {
            int slot = id.Slot;
            if (s_threads[slot] != null && s_versions[slot] == id.Version)
            {
                s_threads[slot] = null;
                s_versions[slot] = ThreadId.NextVersion(s_versions[slot]);
                s_count--;
            }
        }

        /// <summary>The live thread named by <paramref name="id"/>, or null when the id is stale, dead or malformed.</summary>
        public static ThreadControlBlock* Find(ThreadId id)
        {
            int slot = id.Slot;
            if ((ulong)slot >= Capacity || id.IsNone || (id.Value >> (ThreadId.SlotBits + 32)) != 0)
            {
                return null;
            }
            ThreadControlBlock* thread = s_threads[slot];
            if (thread == null || s_versions[slot] != id.Version || thread->State == ThreadState.Dead)
            {
                return null;
            }
            return thread;
        }

        /// <summary>The thread in <paramref name="slot"/> (any state), or null.</summary>
        public static ThreadControlBlock* At(int slot) => (uint)slot < Capacity ? s_threads[slot] : null;
    }
}
