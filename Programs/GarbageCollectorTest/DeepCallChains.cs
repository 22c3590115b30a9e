using System;
using System.Runtime.CompilerServices;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>
    /// "deep": objects referenced only from locals (stack slots or callee-saved registers) of every frame of a 300-deep
    /// call chain survive collections triggered at the bottom, by allocation volume and by GC.Collect, and keep their
    /// content.
    /// </summary>
    internal static class DeepCallChains
    {
        private const int Depth = 300;
        private static int s_damaged;

        public static int Run()
        {
            GarbageCollectorStatistics before = GC.GetStatistics();
            s_damaged = 0;
            Descend(Depth, 17);
            ulong collections = GC.GetStatistics().Collections - before.Collections;
            Output.Line("deep: depth=" + Depth.ToString() + " collections=" + collections.ToString() + " damaged=" + s_damaged.ToString());
            string failure = null;
            if (s_damaged != 0)
            {
                failure = s_damaged.ToString() + " frames found their objects damaged";
            }
            else if (collections < 3)
            {
                failure = "only " + collections.ToString() + " collections ran at the bottom of the chain";
            }
            return Output.Result("deep", failure);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Descend(int depth, long seed)
        {
            Node node = new Node(seed, depth % 7 + 1);
            string text = new string((char)('a' + depth % 26), depth % 13 + 1);
            object[] pair = new object[] { node, text };
            if (depth == 0)
            {
                Garbage.Churn(3 * (long)GC.GetStatistics().NextCollectionAfterBytes, 99);
                GC.Collect();
                Garbage.Churn(1024 * 1024, 98);
                GC.Collect();
            }
            else
            {
                Descend(depth - 1, seed * 31 + 7);
            }
            if (!node.Holds(seed) || text.Length != depth % 13 + 1 || text[0] != (char)('a' + depth % 26) || pair[0] != node || pair[1] != (object)text)
            {
                s_damaged++;
            }
        }
    }
}
