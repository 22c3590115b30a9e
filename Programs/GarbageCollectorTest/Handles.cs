using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>
    /// "handles": objects held only by normal and pinned GCHandles survive collections (a pinned array at the same
    /// address), a weak handle to an object nothing else holds reads null afterwards, and a weak handle to an object a
    /// local still holds keeps reading it.
    /// </summary>
    internal static unsafe class Handles
    {
        public static int Run()
        {
            GCHandle normal = GCHandle.Alloc(MakeNode(1001));
            GCHandle pinned = GCHandle.Alloc(MakeNumbers(), GCHandleType.Pinned);
            IntPtr pinnedAddress = pinned.AddrOfPinnedObject();
            GCHandle weakDead = GCHandle.Alloc(MakeNode(1003), GCHandleType.Weak);
            Node live = new Node(1004, 8);
            GCHandle weakLive = GCHandle.Alloc(live, GCHandleType.Weak);
            Cycles.ClearStack();
            GarbageCollectorStatistics before = GC.GetStatistics();
            Garbage.Churn(2 * (long)before.NextCollectionAfterBytes, 77);
            GC.Collect();

            string failure = null;
            if (!(normal.Target is Node kept) || !kept.Holds(1001))
            {
                failure = "the object of a normal handle was lost";
            }
            else if (!(pinned.Target is int[] numbers) || numbers.Length != 300 || numbers[299] != 299 * 3 || pinned.AddrOfPinnedObject() != pinnedAddress)
            {
                failure = "the pinned array was lost or moved";
            }
            else if (*(int*)pinnedAddress != 0 || ((int*)pinnedAddress)[5] != 15)
            {
                failure = "AddrOfPinnedObject does not point at the first element";
            }
            else if (weakDead.Target != null)
            {
                failure = "a weak handle still reads an object nothing else holds";
            }
            else if (weakLive.Target != (object)live || !live.Holds(1004))
            {
                failure = "a weak handle lost an object a local still holds";
            }
            ulong collections = GC.GetStatistics().Collections - before.Collections;
            normal.Free();
            pinned.Free();
            weakDead.Free();
            weakLive.Free();
            Output.Line("handles: collections=" + collections.ToString() + " freed=" + (normal.IsAllocated ? "no" : "yes"));
            return Output.Result("handles", failure);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Node MakeNode(long value) => new Node(value, 8);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int[] MakeNumbers()
        {
            int[] numbers = new int[300];
            for (int i = 0; i < numbers.Length; i++)
            {
                numbers[i] = i * 3;
            }
            return numbers;
        }
    }
}
