using System;
using System.Runtime.CompilerServices;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>
    /// "cycles": rings of doubly linked nodes (every node reachable from every other) that nothing outside references
    /// any more must be collected: after a full collection the bytes in use return to (near) what they were before.
    /// </summary>
    internal static class Cycles
    {
        private const int Rings = 100;
        private const int NodesPerRing = 200;

        public static int Run()
        {
            long baseline = GC.GetTotalMemory(true);
            long built = BuildRings();
            ClearStack();
            long afterCollection = GC.GetTotalMemory(true);
            long ringBytes = built - baseline;
            long retained = afterCollection - baseline;
            Output.Line("cycles: baseline=" + baseline.ToString() + " with_rings=" + built.ToString() + " after_collection=" + afterCollection.ToString());
            string failure = null;
            if (ringBytes < (long)Rings * NodesPerRing * 48)
            {
                failure = "the rings took only " + ringBytes.ToString() + " bytes (a collection ran while building them?)";
            }
            else if (retained * 20 > ringBytes)
            {
                failure = retained.ToString() + " of " + ringBytes.ToString() + " bytes of unreachable rings survived";
            }
            return Output.Result("cycles", failure);
        }

        // Builds the rings and drops them; returns the bytes in use while they existed.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long BuildRings()
        {
            for (int ring = 0; ring < Rings; ring++)
            {
                Node first = new Node(ring, 4);
                Node last = first;
                for (int i = 1; i < NodesPerRing; i++)
                {
                    Node node = new Node(i, 4);
                    node.Previous = last;
                    last.Next = node;
                    last = node;
                }
                last.Next = first;
                first.Previous = last;
            }
            return GC.GetTotalMemory(false);
        }

        // Overwrites the stack below the caller, where the rings' builder left references a conservative scan would see.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static unsafe void ClearStack()
        {
            byte* buffer = stackalloc byte[16384];
            for (int i = 0; i < 16384; i++)
            {
                buffer[i] = 0;
            }
        }
    }
}
