using System;

namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// The host-to-device register FIS (type 0x27, 20 bytes) that carries an ATA command to the device: it sits at the start
    /// of a command table (AHCI 1.3.1, 4.2.3; SATA 3.x, 10.5.5).
    /// </summary>
    internal static class RegisterFis
    {
        /// <summary>FIS type of a register FIS from host to device.</summary>
        public const byte HostToDeviceType = 0x27;

        /// <summary>Bytes of the FIS.</summary>
        public const int Bytes = 20;

        /// <summary>Its length in double words, for the command header's CFL field.</summary>
        public const int DoubleWords = Bytes / 4;

        /// <summary>Byte 1's C bit: the FIS carries a command (not a device-control update).</summary>
        public const byte CommandBit = 0x80;

        /// <summary>The largest LBA a 28-bit command can carry.</summary>
        public const ulong Lba28Limit = 1UL << 28;

        /// <summary>The largest LBA a 48-bit command can carry.</summary>
        public const ulong Lba48Limit = 1UL << 48;

        /// <summary>
        /// Writes a command FIS for <paramref name="command"/> at <paramref name="lba"/> (48 bits) with
        /// <paramref name="count"/> sectors (16 bits: 0 means 65536 for the EXT commands) into the first
        /// <see cref="Bytes"/> bytes of <paramref name="destination"/>; the rest of the 64-byte CFIS area is left alone.
        /// For a 28-bit command the LBA's bits 24-27 also go into the device register's low nibble.
        /// </summary>
        public static void WriteCommand(Span<byte> destination, byte command, ulong lba, ushort count, ushort features = 0, bool lba28 = false)
        {
            if (lba >= Lba48Limit)
            {
                throw new ArgumentOutOfRangeException(nameof(lba));
            }
            Span<byte> fis = destination.Slice(0, Bytes);
            fis.Clear();
            fis[0] = HostToDeviceType;
            fis[1] = CommandBit;
            fis[2] = command;
            fis[3] = (byte)features;
            fis[4] = (byte)lba;
            fis[5] = (byte)(lba >> 8);
            fis[6] = (byte)(lba >> 16);
            fis[7] = (byte)(AtaCommand.DeviceLba | (lba28 ? (byte)((lba >> 24) & 0xF) : (byte)0));
            fis[8] = (byte)(lba >> 24);
            fis[9] = (byte)(lba >> 32);
            fis[10] = (byte)(lba >> 40);
            fis[11] = (byte)(features >> 8);
            fis[12] = (byte)count;
            fis[13] = (byte)(count >> 8);
        }
    }
}
