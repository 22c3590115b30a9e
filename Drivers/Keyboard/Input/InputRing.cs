using System;

namespace Cosmos.Drivers.Keyboard.Input
{
    /// <summary>
    /// The terminal bytes typed but not read yet: a fixed ring, first in first out. A sequence that does not fit is
    /// dropped whole (so a reader never sees half an escape sequence) and its bytes are counted in
    /// <see cref="DroppedBytes"/>. Pure logic: host-tested.
    /// </summary>
    public sealed class InputRing
    {
        private readonly byte[] _bytes;
        private int _start;
        private int _count;

        /// <summary>A ring that holds up to <paramref name="capacity"/> bytes (at least 1).</summary>
        public InputRing(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity));
            }

            _bytes = new byte[capacity];
        }

        public int Capacity => _bytes.Length;

        /// <summary>Bytes waiting to be read.</summary>
        public int Count => _count;

        public bool IsEmpty => _count == 0;

        /// <summary>Bytes thrown away because the ring was full, since the start.</summary>
        public ulong DroppedBytes { get; private set; }

        /// <summary>Appends all of <paramref name="sequence"/>, or nothing (counting its bytes as dropped) when it does not fit.</summary>
        public bool TryAppend(ReadOnlySpan<byte> sequence)
        {
            if (sequence.Length > _bytes.Length - _count)
            {
                DroppedBytes += (ulong)sequence.Length;
                return false;
            }

            for (int i = 0; i < sequence.Length; i++)
            {
                _bytes[(_start + _count) % _bytes.Length] = sequence[i];
                _count++;
            }

            return true;
        }

        /// <summary>Copies up to <paramref name="destination"/>'s length of the oldest bytes into it without taking them; returns how many.</summary>
        public int Peek(Span<byte> destination)
        {
            int count = destination.Length < _count ? destination.Length : _count;
            for (int i = 0; i < count; i++)
            {
                destination[i] = _bytes[(_start + i) % _bytes.Length];
            }

            return count;
        }

        /// <summary>Forgets the <paramref name="count"/> oldest bytes (at most all of them), after a <see cref="Peek"/> that was delivered.</summary>
        public void Skip(int count)
        {
            if (count > _count)
            {
                count = _count;
            }

            if (count > 0)
            {
                _start = (_start + count) % _bytes.Length;
                _count -= count;
            }
        }

        /// <summary>Moves up to <paramref name="destination"/>'s length of the oldest bytes into it; returns how many.</summary>
        public int Take(Span<byte> destination)
        {
            int taken = destination.Length < _count ? destination.Length : _count;
            for (int i = 0; i < taken; i++)
            {
                destination[i] = _bytes[_start];
                _start = (_start + 1) % _bytes.Length;
            }

            _count -= taken;
            return taken;
        }
    }
}
