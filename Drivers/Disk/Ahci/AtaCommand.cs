namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>The ATA commands the AHCI back end sends (ATA/ATAPI-8 ACS opcodes).</summary>
    internal static class AtaCommand
    {
        /// <summary>IDENTIFY DEVICE: 512 bytes of device data (PIO data-in).</summary>
        public const byte IdentifyDevice = 0xEC;

        /// <summary>READ DMA EXT: 48-bit LBA, up to 65536 sectors.</summary>
        public const byte ReadDmaExtended = 0x25;

        /// <summary>WRITE DMA EXT: 48-bit LBA, up to 65536 sectors.</summary>
        public const byte WriteDmaExtended = 0x35;

        /// <summary>READ DMA: 28-bit LBA, up to 256 sectors (for devices without the 48-bit feature set).</summary>
        public const byte ReadDma = 0xC8;

        /// <summary>WRITE DMA: 28-bit LBA, up to 256 sectors.</summary>
        public const byte WriteDma = 0xCA;

        /// <summary>FLUSH CACHE EXT: the write cache to the medium (48-bit devices).</summary>
        public const byte FlushCacheExtended = 0xEA;

        /// <summary>FLUSH CACHE: the write cache to the medium.</summary>
        public const byte FlushCache = 0xE7;

        /// <summary>The device register's LBA bit: the address is a logical block address (not cylinder/head/sector).</summary>
        public const byte DeviceLba = 1 << 6;
    }
}
