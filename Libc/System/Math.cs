namespace System
{
    /// <summary>Integer and floating-point helpers. The floating-point functions are in Math.FloatingPoint.cs.</summary>
    public static partial class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;
        public const double Tau = 6.28318530717958647692;

        public static int Min(int left, int right) => left <= right ? left : right;

        public static uint Min(uint left, uint right) => left <= right ? left : right;

        public static long Min(long left, long right) => left <= right ? left : right;

        public static ulong Min(ulong left, ulong right) => left <= right ? left : right;

        public static short Min(short left, short right) => left <= right ? left : right;

        public static ushort Min(ushort left, ushort right) => left <= right ? left : right;

        public static byte Min(byte left, byte right) => left <= right ? left : right;

        public static sbyte Min(sbyte left, sbyte right) => left <= right ? left : right;

        public static nint Min(nint left, nint right) => left <= right ? left : right;

        public static nuint Min(nuint left, nuint right) => left <= right ? left : right;

        public static int Max(int left, int right) => left >= right ? left : right;

        public static uint Max(uint left, uint right) => left >= right ? left : right;

        public static long Max(long left, long right) => left >= right ? left : right;

        public static ulong Max(ulong left, ulong right) => left >= right ? left : right;

        public static short Max(short left, short right) => left >= right ? left : right;

        public static ushort Max(ushort left, ushort right) => left >= right ? left : right;

        public static byte Max(byte left, byte right) => left >= right ? left : right;

        public static sbyte Max(sbyte left, sbyte right) => left >= right ? left : right;

        public static nint Max(nint left, nint right) => left >= right ? left : right;

        public static nuint Max(nuint left, nuint right) => left >= right ? left : right;

        /// <summary>|value|; OverflowException for MinValue, whose magnitude does not fit.</summary>
        public static int Abs(int value)
        {
            if (value < 0)
            {
                value = -value;
                if (value < 0)
                {
                    ThrowAbsOverflow();
                }
            }
            return value;
        }

        public static long Abs(long value)
        {
            if (value < 0)
            {
                value = -value;
                if (value < 0)
                {
                    ThrowAbsOverflow();
                }
            }
            return value;
        }

        public static short Abs(short value)
        {
            if (value == short.MinValue)
            {
                ThrowAbsOverflow();
            }
            return value < 0 ? (short)-value : value;
        }

        public static sbyte Abs(sbyte value)
        {
            if (value == sbyte.MinValue)
            {
                ThrowAbsOverflow();
            }
            return value < 0 ? (sbyte)-value : value;
        }

        public static nint Abs(nint value) => (nint)Abs((long)value);

        public static int Sign(int value) => value > 0 ? 1 : value < 0 ? -1 : 0;

        public static int Sign(long value) => value > 0 ? 1 : value < 0 ? -1 : 0;

        public static int Sign(short value) => Sign((int)value);

        public static int Sign(sbyte value) => Sign((int)value);

        public static int Sign(nint value) => Sign((long)value);

        /// <summary>value limited to [min, max]; ArgumentException when min &gt; max.</summary>
        public static int Clamp(int value, int min, int max)
        {
            if (min > max)
            {
                ThrowMinMaxException();
            }
            return value < min ? min : value > max ? max : value;
        }

        public static uint Clamp(uint value, uint min, uint max)
        {
            if (min > max)
            {
                ThrowMinMaxException();
            }
            return value < min ? min : value > max ? max : value;
        }

        public static long Clamp(long value, long min, long max)
        {
            if (min > max)
            {
                ThrowMinMaxException();
            }
            return value < min ? min : value > max ? max : value;
        }

        public static ulong Clamp(ulong value, ulong min, ulong max)
        {
            if (min > max)
            {
                ThrowMinMaxException();
            }
            return value < min ? min : value > max ? max : value;
        }

        public static byte Clamp(byte value, byte min, byte max) => (byte)Clamp((uint)value, min, max);

        public static sbyte Clamp(sbyte value, sbyte min, sbyte max) => (sbyte)Clamp((int)value, min, max);

        public static short Clamp(short value, short min, short max) => (short)Clamp((int)value, min, max);

        public static ushort Clamp(ushort value, ushort min, ushort max) => (ushort)Clamp((uint)value, min, max);

        public static nint Clamp(nint value, nint min, nint max) => (nint)Clamp((long)value, min, max);

        public static nuint Clamp(nuint value, nuint min, nuint max) => (nuint)Clamp((ulong)value, min, max);

        public static int DivRem(int dividend, int divisor, out int remainder)
        {
            int quotient = dividend / divisor;
            remainder = dividend - quotient * divisor;
            return quotient;
        }

        public static long DivRem(long dividend, long divisor, out long remainder)
        {
            long quotient = dividend / divisor;
            remainder = dividend - quotient * divisor;
            return quotient;
        }

        public static (int Quotient, int Remainder) DivRem(int left, int right)
        {
            int quotient = left / right;
            return (quotient, left - quotient * right);
        }

        public static (uint Quotient, uint Remainder) DivRem(uint left, uint right)
        {
            uint quotient = left / right;
            return (quotient, left - quotient * right);
        }

        public static (long Quotient, long Remainder) DivRem(long left, long right)
        {
            long quotient = left / right;
            return (quotient, left - quotient * right);
        }

        public static (ulong Quotient, ulong Remainder) DivRem(ulong left, ulong right)
        {
            ulong quotient = left / right;
            return (quotient, left - quotient * right);
        }

        public static long BigMul(int left, int right) => (long)left * right;

        public static ulong BigMul(uint left, uint right) => (ulong)left * right;

        /// <summary>The full 128-bit product: the high half returned, the low half in <paramref name="low"/>.</summary>
        public static ulong BigMul(ulong left, ulong right, out ulong low)
        {
            ulong leftLow = (uint)left;
            ulong leftHigh = left >> 32;
            ulong rightLow = (uint)right;
            ulong rightHigh = right >> 32;
            ulong lowLow = leftLow * rightLow;
            ulong highLow = leftHigh * rightLow;
            ulong lowHigh = leftLow * rightHigh;
            ulong highHigh = leftHigh * rightHigh;
            ulong middle = (lowLow >> 32) + (uint)highLow + (uint)lowHigh;
            low = (middle << 32) | (uint)lowLow;
            return highHigh + (highLow >> 32) + (lowHigh >> 32) + (middle >> 32);
        }

        private static void ThrowAbsOverflow() => throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");

        private static void ThrowMinMaxException() => throw new ArgumentException("min cannot be greater than max.");
    }
}
