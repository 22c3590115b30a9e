using System;

namespace Internal.Formatting
{
    /// <summary>
    /// A fixed-capacity unsigned big integer (up to 3072 bits) on the stack, for exact decimal/binary
    /// conversion of floating-point numbers. Only the operations those conversions need: multiply by a
    /// small number or a power of ten, shifts, compare, subtract, and a small-quotient division.
    /// </summary>
    internal unsafe struct LargeInteger
    {
        private const int Capacity = 96;

        // 10^9, the largest power of ten in a 32-bit block: powers of ten are applied nine digits at a time.
        private const uint BillionMultiplier = 1000000000;

        private int _length; // blocks in use; the top one is non-zero; 0 means the value is zero
        private fixed uint _blocks[Capacity];

        public bool IsZero => _length == 0;

        public void SetUInt64(ulong value)
        {
            _blocks[0] = (uint)value;
            _blocks[1] = (uint)(value >> 32);
            _length = value == 0 ? 0 : (value >> 32) != 0 ? 2 : 1;
        }

        /// <summary>Number of significant bits (0 for zero).</summary>
        public int BitLength
        {
            get
            {
                if (_length == 0)
                {
                    return 0;
                }
                uint top = _blocks[_length - 1];
                int bits = 0;
                while (top != 0)
                {
                    top >>= 1;
                    bits++;
                }
                return (_length - 1) * 32 + bits;
            }
        }

        /// <summary>this = this * multiplier + addend.</summary>
        public void MultiplyAdd(uint multiplier, uint addend)
        {
            ulong carry = addend;
            for (int i = 0; i < _length; i++)
            {
                ulong product = (ulong)_blocks[i] * multiplier + carry;
                _blocks[i] = (uint)product;
                carry = product >> 32;
            }
            if (carry != 0)
            {
                EnsureRoom(_length + 1);
                _blocks[_length++] = (uint)carry;
            }
        }

        public void MultiplyByPowerOfTen(int exponent)
        {
            while (exponent >= 9)
            {
                MultiplyAdd(BillionMultiplier, 0);
                exponent -= 9;
            }
            uint rest = 1;
            while (exponent-- > 0)
            {
                rest *= 10;
            }
            if (rest != 1)
            {
                MultiplyAdd(rest, 0);
            }
        }

        public void ShiftLeft(int bits)
        {
            if (_length == 0 || bits == 0)
            {
                return;
            }
            int blockShift = bits / 32;
            int bitShift = bits % 32;
            int newLength = _length + blockShift + 1;
            EnsureRoom(newLength);
            _blocks[newLength - 1] = 0;
            for (int i = _length - 1; i >= 0; i--)
            {
                uint block = _blocks[i];
                if (bitShift != 0)
                {
                    _blocks[i + blockShift + 1] |= block >> (32 - bitShift);
                }
                _blocks[i + blockShift] = block << bitShift;
            }
            for (int i = 0; i < blockShift; i++)
            {
                _blocks[i] = 0;
            }
            _length = newLength;
            Normalize();
        }

        public void ShiftRightOne()
        {
            for (int i = 0; i < _length; i++)
            {
                uint next = i + 1 < _length ? _blocks[i + 1] : 0;
                _blocks[i] = (_blocks[i] >> 1) | (next << 31);
            }
            Normalize();
        }

        /// <summary>Bits [start, start + 64) as a ulong (bits above the value read as zero).</summary>
        public ulong GetBits64(int start)
        {
            ulong result = 0;
            for (int bit = 0; bit < 64; bit += 32)
            {
                result |= (ulong)GetBits32(start + bit) << bit;
            }
            return result;
        }

        /// <summary>True when any bit below <paramref name="end"/> is set.</summary>
        public bool AnyBitsBelow(int end)
        {
            int fullBlocks = Math.Min(end / 32, _length);
            for (int i = 0; i < fullBlocks; i++)
            {
                if (_blocks[i] != 0)
                {
                    return true;
                }
            }
            int rest = end % 32;
            if (rest != 0 && end / 32 < _length)
            {
                return (_blocks[end / 32] & ((1u << rest) - 1)) != 0;
            }
            return false;
        }

        public static int Compare(ref LargeInteger left, ref LargeInteger right)
        {
            if (left._length != right._length)
            {
                return left._length < right._length ? -1 : 1;
            }
            for (int i = left._length - 1; i >= 0; i--)
            {
                if (left._blocks[i] != right._blocks[i])
                {
                    return left._blocks[i] < right._blocks[i] ? -1 : 1;
                }
            }
            return 0;
        }

        /// <summary>this -= other; the caller guarantees this &gt;= other.</summary>
        public void Subtract(ref LargeInteger other)
        {
            long borrow = 0;
            for (int i = 0; i < _length; i++)
            {
                long difference = (long)_blocks[i] - (i < other._length ? other._blocks[i] : 0) - borrow;
                borrow = difference < 0 ? 1 : 0;
                _blocks[i] = (uint)difference;
            }
            Normalize();
        }

        /// <summary>Returns floor(this / divisor) for a small quotient (a decimal digit) and leaves the remainder in this.</summary>
        public int DivideSmall(ref LargeInteger divisor)
        {
            int quotient = 0;
            while (Compare(ref this, ref divisor) >= 0)
            {
                Subtract(ref divisor);
                quotient++;
            }
            return quotient;
        }

        private uint GetBits32(int start)
        {
            if (start < 0)
            {
                return start > -32 ? GetBits32(0) << -start : 0;
            }
            int block = start / 32;
            int shift = start % 32;
            if (block >= _length)
            {
                return 0;
            }
            uint low = _blocks[block] >> shift;
            if (shift != 0 && block + 1 < _length)
            {
                low |= _blocks[block + 1] << (32 - shift);
            }
            return low;
        }

        private void Normalize()
        {
            while (_length > 0 && _blocks[_length - 1] == 0)
            {
                _length--;
            }
        }

        private static void EnsureRoom(int length)
        {
            if (length > Capacity)
            {
                // The callers bound their inputs so this cannot happen; failing loudly beats silent corruption.
                throw new InvalidOperationException("LargeInteger capacity exceeded");
            }
        }
    }
}
