namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// Where the driver's DMA structures for its one port sit inside the single 4 KiB page it takes from sigma0: the command
    /// list (32 headers, 1 KiB, 1 KiB aligned) at 0, the received-FIS area (256 bytes, 256 aligned) at 1 KiB, and the one
    /// command table the driver uses (slot 0: 128 bytes of FIS areas, then the PRDT, 128 aligned) at 2 KiB to the page's end.
    /// </summary>
    internal static class PortMemoryLayout
    {
        public const int PageBytes = 4096;
        public const int PageLog2 = 12;

        public const int CommandList = 0;
        public const int CommandListBytes = 32 * CommandHeader.Bytes;

        public const int ReceivedFis = 1024;
        public const int ReceivedFisBytes = 256;

        /// <summary>The received-FIS area's copy of the last device-to-host register FIS (status at +2, error at +3).</summary>
        public const int ReceivedRegisterFis = ReceivedFis + 0x40;

        public const int CommandTable = 2048;

        /// <summary>Offset of the command FIS inside a command table.</summary>
        public const int CommandFisOffset = 0x00;

        /// <summary>Offset of the PRDT inside a command table.</summary>
        public const int RegionTableOffset = 0x80;

        /// <summary>The PRDT entries that fit between the table's header and the page's end.</summary>
        public const int RegionCapacity = (PageBytes - CommandTable - RegionTableOffset) / PhysicalRegionTable.EntryBytes;

        /// <summary>The command slot the driver issues every command in (one at a time).</summary>
        public const int Slot = 0;
    }
}
