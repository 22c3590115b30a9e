namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>A graph node whose content can be checked: its value, a payload array filled from the value, links.</summary>
    internal sealed class Node
    {
        public Node Next;
        public Node Previous;
        public int[] Payload;
        public long Value;

        public Node(long value, int payloadLength)
        {
            Value = value;
            Payload = new int[payloadLength];
            for (int i = 0; i < payloadLength; i++)
            {
                Payload[i] = (int)(value * 31 + i);
            }
        }

        /// <summary>True when the payload still holds what the constructor wrote for <paramref name="value"/>.</summary>
        public bool Holds(long value)
        {
            if (Value != value || Payload == null)
            {
                return false;
            }
            for (int i = 0; i < Payload.Length; i++)
            {
                if (Payload[i] != (int)(value * 31 + i))
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>A small deterministic pseudo-random sequence (xorshift64).</summary>
    internal struct RandomSequence
    {
        private ulong _state;

        public RandomSequence(ulong seed)
        {
            _state = seed == 0 ? 0x9E3779B97F4A7C15 : seed;
        }

        public ulong Next()
        {
            ulong x = _state;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            _state = x;
            return x;
        }

        /// <summary>A value in [0, <paramref name="bound"/>).</summary>
        public int Below(int bound) => (int)(Next() % (ulong)bound);
    }

    /// <summary>Short-lived garbage of mixed sizes, to make the collector run.</summary>
    internal static class Garbage
    {
        /// <summary>Allocates about <paramref name="bytes"/> of objects that are dropped at once.</summary>
        public static void Churn(long bytes, ulong seed)
        {
            RandomSequence random = new RandomSequence(seed);
            long allocated = 0;
            object previous = null;
            while (allocated < bytes)
            {
                int kind = random.Below(4);
                if (kind == 0)
                {
                    int length = random.Below(256);
                    previous = new byte[length];
                    allocated += 24 + length;
                }
                else if (kind == 1)
                {
                    previous = new Node(allocated, random.Below(8));
                    allocated += 96;
                }
                else if (kind == 2)
                {
                    previous = new object[random.Below(16)];
                    allocated += 128;
                }
                else
                {
                    previous = new string('g', random.Below(64));
                    allocated += 80;
                }
            }
            System.GC.KeepAlive(previous);
        }
    }
}
