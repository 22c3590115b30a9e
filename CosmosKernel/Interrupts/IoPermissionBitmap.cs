namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// Bit operations on an x86 I/O permission bitmap (8 KiB, bit p % 8 of byte p / 8 for port p; a set bit denies
    /// the port to ring 3). Work is proportional to the range: whole bytes are filled, only the two edge bytes are
    /// masked. Pure logic over caller-provided memory: compiled into the host tests too.
    /// </summary>
    public static unsafe class IoPermissionBitmap
    {
        /// <summary>Clears the bits of <paramref name="range"/>: ring 3 may use those ports.</summary>
        public static void Allow(byte* bitmap, IoPortRange range) => Fill(bitmap, range, false);

        /// <summary>Sets the bits of <paramref name="range"/>: ring 3 may no longer use those ports.</summary>
        public static void Deny(byte* bitmap, IoPortRange range) => Fill(bitmap, range, true);

        /// <summary>True when port <paramref name="port"/>'s bit is clear.</summary>
        public static bool IsAllowed(byte* bitmap, uint port) => (bitmap[port >> 3] & (1 << (int)(port & 7))) == 0;

        private static void Fill(byte* bitmap, IoPortRange range, bool denied)
        {
            uint port = range.First;
            uint end = range.End;
            // Leading bits up to a byte boundary, whole bytes, trailing bits.
            while (port < end && (port & 7) != 0)
            {
                SetBit(bitmap, port, denied);
                port++;
            }
            byte fill = denied ? (byte)0xFF : (byte)0;
            while (end - port >= 8)
            {
                bitmap[port >> 3] = fill;
                port += 8;
            }
            while (port < end)
            {
                SetBit(bitmap, port, denied);
                port++;
            }
        }

        private static void SetBit(byte* bitmap, uint port, bool denied)
        {
            byte bit = (byte)(1 << (int)(port & 7));
            if (denied)
            {
                bitmap[port >> 3] |= bit;
            }
            else
            {
                bitmap[port >> 3] &= (byte)~bit;
            }
        }
    }
}
