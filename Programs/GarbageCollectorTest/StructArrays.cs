using System;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>
    /// "structs": arrays of structs that contain references (a repeating GCDesc pattern), small ones in heap chunks and
    /// large ones in page runs, are the only holders of their nodes and strings; after collections those survive intact.
    /// </summary>
    internal static class StructArrays
    {
        private struct Pair
        {
            public long Number;
            public Node Node;
            public int Small;
            public string Text;
        }

        private struct Wide
        {
            public object First;
            public long A;
            public long B;
            public long C;
            public Node Second;
        }

        public static int Run()
        {
            Pair[] small = FillPairs(20, 1000);
            Pair[] large = FillPairs(3000, 5000);
            Wide[] wide = new Wide[700];
            for (int i = 0; i < wide.Length; i++)
            {
                wide[i].First = new Node(i + 90000, 3);
                wide[i].A = i;
                wide[i].Second = new Node(i + 80000, 2);
            }
            GarbageCollectorStatistics before = GC.GetStatistics();
            Garbage.Churn(3 * (long)before.NextCollectionAfterBytes, 5);
            GC.Collect();
            Garbage.Churn(1024 * 1024, 6);
            ulong collections = GC.GetStatistics().Collections - before.Collections;
            string failure = CheckPairs(small, 1000) ?? CheckPairs(large, 5000);
            for (int i = 0; failure == null && i < wide.Length; i++)
            {
                if (!(wide[i].First is Node first) || !first.Holds(i + 90000) || wide[i].Second == null || !wide[i].Second.Holds(i + 80000) || wide[i].A != i)
                {
                    failure = "Wide element " + i.ToString() + " was damaged";
                }
            }
            Output.Line("structs: elements=" + (small.Length + large.Length + wide.Length).ToString() + " collections=" + collections.ToString());
            if (failure == null && collections < 3)
            {
                failure = "only " + collections.ToString() + " collections ran";
            }
            return Output.Result("structs", failure);
        }

        private static Pair[] FillPairs(int count, int baseValue)
        {
            Pair[] pairs = new Pair[count];
            for (int i = 0; i < count; i++)
            {
                pairs[i].Number = baseValue + i;
                pairs[i].Node = new Node(baseValue + i, 5);
                pairs[i].Small = i;
                pairs[i].Text = new string('s', i % 17 + 1);
            }
            return pairs;
        }

        private static string CheckPairs(Pair[] pairs, int baseValue)
        {
            for (int i = 0; i < pairs.Length; i++)
            {
                Pair pair = pairs[i];
                if (pair.Number != baseValue + i || pair.Small != i || pair.Node == null || !pair.Node.Holds(baseValue + i) || pair.Text == null || pair.Text.Length != i % 17 + 1 || pair.Text[0] != 's')
                {
                    return "Pair element " + i.ToString() + " of " + pairs.Length.ToString() + " was damaged";
                }
            }
            return null;
        }
    }
}
