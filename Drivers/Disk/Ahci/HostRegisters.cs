namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// The AHCI host bus adapter's generic host control registers: byte offsets into the ABAR (BAR 5) and their bits
    /// (AHCI 1.3.1, section 3.1). The port registers follow at <see cref="FirstPort"/>, one block of
    /// <see cref="PortStride"/> bytes per port (<see cref="PortRegisters"/>).
    /// </summary>
    internal static class HostRegisters
    {
        /// <summary>CAP: host capabilities (<see cref="HostCapabilities"/>).</summary>
        public const int Capabilities = 0x00;

        /// <summary>GHC: global host control.</summary>
        public const int GlobalHostControl = 0x04;

        /// <summary>IS: one pending-interrupt bit per port; write ones to clear.</summary>
        public const int InterruptStatus = 0x08;

        /// <summary>PI: one bit per port the HBA implements.</summary>
        public const int PortsImplemented = 0x0C;

        /// <summary>VS: the AHCI version (major in the high half, minor in the low half, as BCD digits).</summary>
        public const int Version = 0x10;

        /// <summary>CAP2: extended capabilities.</summary>
        public const int ExtendedCapabilities = 0x24;

        /// <summary>BOHC: BIOS/OS handoff control and status.</summary>
        public const int HandoffControl = 0x28;

        /// <summary>Where port 0's registers begin.</summary>
        public const int FirstPort = 0x100;

        /// <summary>Bytes of one port's register block.</summary>
        public const int PortStride = 0x80;

        /// <summary>The most ports an HBA has.</summary>
        public const int MaximumPorts = 32;

        /// <summary>GHC.HR: resets the whole HBA; reads 1 until the reset is done.</summary>
        public const uint HostReset = 1u << 0;

        /// <summary>GHC.IE: the HBA raises its interrupt when a port's interrupt status and enable bits meet.</summary>
        public const uint InterruptEnable = 1u << 1;

        /// <summary>GHC.AE: AHCI mode (instead of legacy emulation) — must be set before any other AHCI register is used.</summary>
        public const uint AhciEnable = 1u << 31;

        /// <summary>CAP2.BOH: the HBA supports BIOS/OS handoff.</summary>
        public const uint HandoffSupported = 1u << 0;

        /// <summary>BOHC.BOS: the BIOS owns the HBA.</summary>
        public const uint BiosOwned = 1u << 0;

        /// <summary>BOHC.OOS: the OS asks for (and then owns) the HBA.</summary>
        public const uint OsOwned = 1u << 1;

        /// <summary>BOHC.BB: the BIOS is busy finishing outstanding commands before it lets go.</summary>
        public const uint BiosBusy = 1u << 4;

        /// <summary>The byte offset of <paramref name="register"/> of <paramref name="port"/> (a <see cref="PortRegisters"/> offset).</summary>
        public static int PortRegister(int port, int register) => FirstPort + port * PortStride + register;
    }
}
