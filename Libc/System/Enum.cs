using System.Runtime.CompilerServices;
using Internal.Formatting;
using Internal.Runtime;

namespace System
{
    /// <summary>
    /// Base of all enumerations; a boxed enum holds its underlying integer and its MethodTable records which
    /// integer type that is. There is no reflection metadata in this system, so enums know no member names:
    /// ToString prints the numeric value ("2", not "Green"), "X" prints hex digits of the underlying width, and
    /// Parse accepts numbers only.
    /// </summary>
    public abstract unsafe class Enum : ValueType, IComparable, ISpanFormattable
    {
        private ElementType UnderlyingType => _methodTable->ElementType;

        private ulong RawBits
        {
            get
            {
                byte* data = (byte*)Unsafe.AsPointer(this) + sizeof(nint);
                switch (UnderlyingType)
                {
                    case ElementType.SByte:
                    case ElementType.Byte:
                    case ElementType.Boolean:
                        return *data;
                    case ElementType.Int16:
                    case ElementType.UInt16:
                    case ElementType.Char:
                        return *(ushort*)data;
                    case ElementType.Int32:
                    case ElementType.UInt32:
                        return *(uint*)data;
                    default:
                        return *(ulong*)data;
                }
            }
        }

        private int ByteWidth
        {
            get
            {
                switch (UnderlyingType)
                {
                    case ElementType.SByte:
                    case ElementType.Byte:
                    case ElementType.Boolean:
                        return 1;
                    case ElementType.Int16:
                    case ElementType.UInt16:
                    case ElementType.Char:
                        return 2;
                    case ElementType.Int32:
                    case ElementType.UInt32:
                        return 4;
                    default:
                        return 8;
                }
            }
        }

        private bool IsSigned
        {
            get
            {
                ElementType type = UnderlyingType;
                return type == ElementType.SByte || type == ElementType.Int16 || type == ElementType.Int32 || type == ElementType.Int64 || type == ElementType.IntPtr;
            }
        }

        /// <summary>The value sign-extended when the underlying type is signed.</summary>
        private long SignedValue
        {
            get
            {
                int shift = 64 - ByteWidth * 8;
                return ((long)(RawBits << shift)) >> shift;
            }
        }

        public override string ToString() => ToString(null);

        public string ToString(string format)
        {
            if (!string.IsNullOrEmpty(format) && (format == "X" || format == "x"))
            {
                // .NET prints enums in hex with all the digits of the underlying type.
                return NumberFormatting.FormatHex(RawBits, ByteWidth * 2, format == "X");
            }
            if (!string.IsNullOrEmpty(format) && format != "G" && format != "g" && format != "D" && format != "d" && format != "F" && format != "f")
            {
                throw new FormatException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
            }
            return IsSigned ? NumberFormatting.FormatInt64(SignedValue) : NumberFormatting.FormatUInt64(RawBits);
        }

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider provider)
        {
            string text = ToString(format.Length == 0 ? null : format.ToString());
            if (text.Length > destination.Length)
            {
                charsWritten = 0;
                return false;
            }
            text.AsSpan().CopyTo(destination);
            charsWritten = text.Length;
            return true;
        }

        public override bool Equals(object obj) => obj != null && obj._methodTable == _methodTable && Unsafe.As<Enum>(obj).RawBits == RawBits;

        public override int GetHashCode()
        {
            ulong bits = RawBits;
            return (int)bits ^ (int)(bits >> 32);
        }

        /// <summary>Orders two values of the same enum type by their underlying integers; null sorts first.</summary>
        public int CompareTo(object target)
        {
            if (target == null)
            {
                return 1;
            }
            if (target._methodTable != _methodTable)
            {
                throw new ArgumentException("Object must be the same type as the enum.");
            }
            Enum other = Unsafe.As<Enum>(target);
            if (IsSigned)
            {
                long left = SignedValue;
                long right = other.SignedValue;
                return left < right ? -1 : left > right ? 1 : 0;
            }
            ulong leftBits = RawBits;
            ulong rightBits = other.RawBits;
            return leftBits < rightBits ? -1 : leftBits > rightBits ? 1 : 0;
        }

        /// <summary>True when every bit set in <paramref name="flag"/> is set in this value. The JIT expands it inline when it can.</summary>
        [Intrinsic]
        public bool HasFlag(Enum flag)
        {
            if (flag == null)
            {
                ThrowHelpers.ThrowArgumentNullException("flag");
            }
            if (flag._methodTable != _methodTable)
            {
                throw new ArgumentException("The argument type is not the same as the enum type.");
            }
            ulong flagBits = flag.RawBits;
            return (RawBits & flagBits) == flagBits;
        }

        /// <summary>Parses a number (decimal, optionally signed) into an enum value; member names are unknown here.</summary>
        public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum
        {
            if (!TryParse(value, out TEnum result))
            {
                throw new ArgumentException("Requested value was not found (only numeric enum values can be parsed).");
            }
            return result;
        }

        public static bool TryParse<TEnum>(string value, out TEnum result) where TEnum : struct, Enum
        {
            result = default;
            if (value == null)
            {
                return false;
            }
            int width = Unsafe.SizeOf<TEnum>();
            ParseStatus status = NumberParsing.TryParseSigned(value, System.Globalization.NumberStyles.Integer, 8, out long number);
            if (status != ParseStatus.Success)
            {
                return false;
            }
            ulong bits = (ulong)number;
            switch (width)
            {
                case 1:
                    Unsafe.As<TEnum, byte>(ref result) = (byte)bits;
                    break;
                case 2:
                    Unsafe.As<TEnum, ushort>(ref result) = (ushort)bits;
                    break;
                case 4:
                    Unsafe.As<TEnum, uint>(ref result) = (uint)bits;
                    break;
                default:
                    Unsafe.As<TEnum, ulong>(ref result) = bits;
                    break;
            }
            return true;
        }
    }
}
