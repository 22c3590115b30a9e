using System;

namespace Cosmos.Drivers.Serial
{
    /// <summary>
    /// A fixed-capacity first-in first-out queue of bytes (the driver's receive and transmit buffers). Pure logic: no
    /// system calls, never allocates after construction.
    /// </summary>
    internal sealed class ByteRing
    {
        private readonly byte[] _bytes;
        private int _start;
        private int _count;

        public ByteRing(int capacity)
        {
            _bytes = new byte[capacity];
        }

        public int Capacity => _bytes.Length;

        public int Count => _count;

        public int Free => _bytes.Length - _count;

        public bool IsEmpty => _count == 0;

        /// <summary>Appends <paramref name="value"/>; false (and nothing changes) when the ring is full.</summary>
        public bool TryAdd(byte value)
        {
            if (_count == _bytes.Length)
            {
                return false;
            }
            _bytes[(_start + _count) % _bytes.Length] = value;
            _count++;
            return true;
        }

        /// <summary>Appends all of <paramref name="values"/>; false (and nothing changes) when they do not all fit.</summary>
        public bool TryAddAll(ReadOnlySpan<byte> values)
        {
            if (values.Length > Free)
            {
                return false;
            }
            for (int i = 0; i < values.Length; i++)
            {
                _bytes[(_start + _count) % _bytes.Length] = values[i];
                _count++;
            }
            return true;
        }

        /// <summary>Removes the oldest byte; false when the ring is empty.</summary>
        public bool TryTake(out byte value)
        {
            if (_count == 0)
            {
                value = 0;
                return false;
            }
            value = _bytes[_start];
            _start = (_start + 1) % _bytes.Length;
            _count--;
            return true;
        }

        /// <summary>Moves up to <paramref name="destination"/>'s length of the oldest bytes there; returns how many.</summary>
        public int Take(Span<byte> destination)
        {
            int taken = 0;
            while (taken < destination.Length && TryTake(out byte value))
            {
                destination[taken++] = value;
            }
            return taken;
        }
    }
}
