using System;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>
    /// "stress": a million allocations of mixed kinds and sizes (byte and int arrays up to 16 KiB, nodes, strings,
    /// object arrays) into a table of 4096 slots, replacing a random slot each time; every object's content is checked
    /// when it is replaced and at the end, while the collector runs underneath.
    /// </summary>
    internal static class Stress
    {
        private const int Slots = 4096;

        public static int Run(int allocations)
        {
            object[] slots = new object[Slots];
            long[] tags = new long[Slots];
            RandomSequence random = new RandomSequence(4242);
            GarbageCollectorStatistics before = GC.GetStatistics();
            string failure = null;
            for (int i = 0; i < allocations && failure == null; i++)
            {
                int slot = random.Below(Slots);
                if (slots[slot] != null && !Verify(slots[slot], tags[slot]))
                {
                    failure = "object " + tags[slot].ToString() + " in slot " + slot.ToString() + " lost its content";
                    break;
                }
                slots[slot] = Make(i, ref random);
                tags[slot] = i;
            }
            for (int slot = 0; slot < Slots && failure == null; slot++)
            {
                if (slots[slot] != null && !Verify(slots[slot], tags[slot]))
                {
                    failure = "object " + tags[slot].ToString() + " in slot " + slot.ToString() + " lost its content at the end";
                }
            }
            GarbageCollectorStatistics after = GC.GetStatistics();
            Output.Line("stress: allocations=" + allocations.ToString() + " collections=" + (after.Collections - before.Collections).ToString()
                + " peak_heap=" + (after.PeakHeapBytes >> 10).ToString() + "KiB live_after_last=" + (after.LiveBytesAfterLastCollection >> 10).ToString() + "KiB");
            return Output.Result("stress", failure);
        }

        private static object Make(long tag, ref RandomSequence random)
        {
            int kind = random.Below(5);
            if (kind == 0)
            {
                int length = random.Below(64) == 0 ? 2048 + random.Below(14336) : random.Below(200);
                byte[] bytes = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    bytes[i] = (byte)(tag + i);
                }
                return bytes;
            }
            if (kind == 1)
            {
                int length = random.Below(64) == 0 ? 600 + random.Below(3400) : random.Below(50);
                int[] numbers = new int[length];
                for (int i = 0; i < length; i++)
                {
                    numbers[i] = (int)(tag * 7 + i);
                }
                return numbers;
            }
            if (kind == 2)
            {
                return new Node(tag, random.Below(12));
            }
            if (kind == 3)
            {
                return new string((char)('A' + tag % 26), random.Below(40));
            }
            object[] children = new object[1 + random.Below(6)];
            for (int i = 0; i < children.Length; i++)
            {
                children[i] = new Node(tag + i, 2);
            }
            return children;
        }

        private static bool Verify(object value, long tag)
        {
            if (value is byte[] bytes)
            {
                for (int i = 0; i < bytes.Length; i++)
                {
                    if (bytes[i] != (byte)(tag + i))
                    {
                        return false;
                    }
                }
                return true;
            }
            if (value is int[] numbers)
            {
                for (int i = 0; i < numbers.Length; i++)
                {
                    if (numbers[i] != (int)(tag * 7 + i))
                    {
                        return false;
                    }
                }
                return true;
            }
            if (value is Node node)
            {
                return node.Holds(tag);
            }
            if (value is string text)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    if (text[i] != (char)('A' + tag % 26))
                    {
                        return false;
                    }
                }
                return true;
            }
            if (value is object[] children)
            {
                for (int i = 0; i < children.Length; i++)
                {
                    if (!(children[i] is Node child) || !child.Holds(tag + i))
                    {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
