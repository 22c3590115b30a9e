namespace Cosmos.Drivers.Disk.Ide
{
    /// <summary>The primary ATA channel's ports, status bits and commands, and the bus-master registers (offsets from BAR 4).</summary>
    internal static class AtaRegisters
    {
        public const ushort CommandBlock = 0x1F0;
        public const ushort Data = CommandBlock + 0;
        public const ushort Error = CommandBlock + 1;
        public const ushort SectorCount = CommandBlock + 2;
        public const ushort LbaLow = CommandBlock + 3;
        public const ushort LbaMid = CommandBlock + 4;
        public const ushort LbaHigh = CommandBlock + 5;
        public const ushort DeviceSelect = CommandBlock + 6;
        /// <summary>Status when read (reading it clears the device's interrupt), command when written.</summary>
        public const ushort StatusCommand = CommandBlock + 7;

        /// <summary>Alternate status when read (clears nothing), device control when written.</summary>
        public const ushort Control = 0x3F6;

        public const byte StatusError = 0x01;
        public const byte StatusDataRequest = 0x08;
        public const byte StatusDeviceFault = 0x20;
        public const byte StatusReady = 0x40;
        public const byte StatusBusy = 0x80;

        /// <summary>Device select for the master with LBA addressing; IDENTIFY uses the legacy value 0xA0.</summary>
        public const byte SelectMasterLba = 0x40;
        public const byte SelectMaster = 0xA0;

        /// <summary>Device control: 0 lets the device interrupt (nIEN clear).</summary>
        public const byte ControlInterruptsOn = 0x00;

        /// <summary>Device control: SRST, held for at least 5 µs, resets both devices of the channel.</summary>
        public const byte ControlSoftwareReset = 0x04;

        public const byte CommandIdentify = 0xEC;
        public const byte CommandReadSectorsExt = 0x24;
        public const byte CommandWriteSectorsExt = 0x34;
        public const byte CommandReadDmaExt = 0x25;
        public const byte CommandWriteDmaExt = 0x35;
        public const byte CommandFlushCacheExt = 0xEA;

        /// <summary>Bus-master command register: bit 0 starts, bit 3 set means the device writes memory (a disk read).</summary>
        public const ushort BusMasterCommand = 0;
        public const ushort BusMasterStatus = 2;
        public const ushort BusMasterTableAddress = 4;
        public const byte BusMasterStart = 0x01;
        public const byte BusMasterToMemory = 0x08;
        /// <summary>Bus-master status: bit 0 active, bit 1 error, bit 2 interrupt (bits 1 and 2 clear when written with one).</summary>
        public const byte BusMasterActive = 0x01;
        public const byte BusMasterError = 0x02;
        public const byte BusMasterInterrupt = 0x04;
    }
}
