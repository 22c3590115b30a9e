using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Reinterprets primitive values as bits and bytes (this machine is little-endian).</summary>
    public static class BitConverter
    {
        public const bool IsLittleEndian = true;

        public static long DoubleToInt64Bits(double value) => Unsafe.BitCast<double, long>(value);

        public static double Int64BitsToDouble(long value) => Unsafe.BitCast<long, double>(value);

        public static ulong DoubleToUInt64Bits(double value) => Unsafe.BitCast<double, ulong>(value);

        public static double UInt64BitsToDouble(ulong value) => Unsafe.BitCast<ulong, double>(value);

        public static int SingleToInt32Bits(float value) => Unsafe.BitCast<float, int>(value);

        public static float Int32BitsToSingle(int value) => Unsafe.BitCast<int, float>(value);

        public static uint SingleToUInt32Bits(float value) => Unsafe.BitCast<float, uint>(value);

        public static float UInt32BitsToSingle(uint value) => Unsafe.BitCast<uint, float>(value);

        public static byte[] GetBytes(short value) => ToBytes(value);

        public static byte[] GetBytes(ushort value) => ToBytes(value);

        public static byte[] GetBytes(int value) => ToBytes(value);

        public static byte[] GetBytes(uint value) => ToBytes(value);

        public static byte[] GetBytes(long value) => ToBytes(value);

        public static byte[] GetBytes(ulong value) => ToBytes(value);

        public static short ToInt16(byte[] value, int startIndex) => FromBytes<short>(value, startIndex);

        public static ushort ToUInt16(byte[] value, int startIndex) => FromBytes<ushort>(value, startIndex);

        public static int ToInt32(byte[] value, int startIndex) => FromBytes<int>(value, startIndex);

        public static uint ToUInt32(byte[] value, int startIndex) => FromBytes<uint>(value, startIndex);

        public static long ToInt64(byte[] value, int startIndex) => FromBytes<long>(value, startIndex);

        public static ulong ToUInt64(byte[] value, int startIndex) => FromBytes<ulong>(value, startIndex);

        private static unsafe byte[] ToBytes<T>(T value) where T : unmanaged
        {
            byte[] bytes = new byte[sizeof(T)];
            Unsafe.WriteUnaligned(ref bytes[0], value);
            return bytes;
        }

        private static unsafe T FromBytes<T>(byte[] value, int startIndex) where T : unmanaged
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            if ((uint)startIndex > (uint)value.Length - (uint)sizeof(T) || value.Length < sizeof(T))
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("startIndex");
            }
            return Unsafe.ReadUnaligned<T>(ref value[startIndex]);
        }
    }
}
