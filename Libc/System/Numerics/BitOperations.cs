namespace System.Numerics
{
    /// <summary>
    /// Bit-twiddling on integers, in portable code: the lzcnt/popcnt/tzcnt instructions are not part of the
    /// x86-64 baseline this system targets (and lzcnt silently means bsr on CPUs without it).
    /// </summary>
    public static class BitOperations
    {
        public static bool IsPow2(int value) => value > 0 && (value & (value - 1)) == 0;

        public static bool IsPow2(uint value) => value != 0 && (value & (value - 1)) == 0;

        public static bool IsPow2(long value) => value > 0 && (value & (value - 1)) == 0;

        public static bool IsPow2(ulong value) => value != 0 && (value & (value - 1)) == 0;

        /// <summary>floor(log2(value)); 0 for 0, as in .NET.</summary>
        public static int Log2(uint value) => 31 - LeadingZeroCount(value | 1);

        public static int Log2(ulong value) => 63 - LeadingZeroCount(value | 1);

        public static int Log2(nuint value) => Log2((ulong)value);

        public static int LeadingZeroCount(uint value)
        {
            if (value == 0)
            {
                return 32;
            }
            int count = 0;
            if ((value & 0xFFFF0000) == 0) { count += 16; value <<= 16; }
            if ((value & 0xFF000000) == 0) { count += 8; value <<= 8; }
            if ((value & 0xF0000000) == 0) { count += 4; value <<= 4; }
            if ((value & 0xC0000000) == 0) { count += 2; value <<= 2; }
            if ((value & 0x80000000) == 0) { count += 1; }
            return count;
        }

        public static int LeadingZeroCount(ulong value)
        {
            uint high = (uint)(value >> 32);
            return high != 0 ? LeadingZeroCount(high) : 32 + LeadingZeroCount((uint)value);
        }

        public static int TrailingZeroCount(uint value)
        {
            if (value == 0)
            {
                return 32;
            }
            int count = 0;
            if ((value & 0x0000FFFF) == 0) { count += 16; value >>= 16; }
            if ((value & 0x000000FF) == 0) { count += 8; value >>= 8; }
            if ((value & 0x0000000F) == 0) { count += 4; value >>= 4; }
            if ((value & 0x00000003) == 0) { count += 2; value >>= 2; }
            if ((value & 0x00000001) == 0) { count += 1; }
            return count;
        }

        public static int TrailingZeroCount(int value) => TrailingZeroCount((uint)value);

        public static int TrailingZeroCount(ulong value)
        {
            uint low = (uint)value;
            return low != 0 ? TrailingZeroCount(low) : 32 + TrailingZeroCount((uint)(value >> 32));
        }

        public static int TrailingZeroCount(long value) => TrailingZeroCount((ulong)value);

        // SWAR population count: sums of bits in 2-, 4-, then 8-bit lanes, added up by one multiply.
        public static int PopCount(uint value)
        {
            value -= (value >> 1) & 0x55555555;
            value = (value & 0x33333333) + ((value >> 2) & 0x33333333);
            value = (value + (value >> 4)) & 0x0F0F0F0F;
            return (int)((value * 0x01010101) >> 24);
        }

        public static int PopCount(ulong value) => PopCount((uint)value) + PopCount((uint)(value >> 32));

        public static uint RotateLeft(uint value, int offset) => (value << offset) | (value >> (32 - offset));

        public static ulong RotateLeft(ulong value, int offset) => (value << offset) | (value >> (64 - offset));

        public static uint RotateRight(uint value, int offset) => (value >> offset) | (value << (32 - offset));

        public static ulong RotateRight(ulong value, int offset) => (value >> offset) | (value << (64 - offset));

        /// <summary>The smallest power of two at least <paramref name="value"/> (0 for 0 and for values above 2^31).</summary>
        public static uint RoundUpToPowerOf2(uint value)
        {
            value--;
            value |= value >> 1;
            value |= value >> 2;
            value |= value >> 4;
            value |= value >> 8;
            value |= value >> 16;
            return value + 1;
        }

        public static ulong RoundUpToPowerOf2(ulong value)
        {
            value--;
            value |= value >> 1;
            value |= value >> 2;
            value |= value >> 4;
            value |= value >> 8;
            value |= value >> 16;
            value |= value >> 32;
            return value + 1;
        }
    }
}
