namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// One AHCI port's registers: byte offsets inside the port's block (<see cref="HostRegisters.PortRegister"/>) and the
    /// bits of its command, interrupt and SATA control registers (AHCI 1.3.1, section 3.3).
    /// </summary>
    internal static class PortRegisters
    {
        /// <summary>PxCLB/PxCLBU: physical base of the command list (1 KiB aligned), low and high halves.</summary>
        public const int CommandListBase = 0x00;
        public const int CommandListBaseUpper = 0x04;

        /// <summary>PxFB/PxFBU: physical base of the received-FIS area (256 bytes aligned), low and high halves.</summary>
        public const int FisBase = 0x08;
        public const int FisBaseUpper = 0x0C;

        /// <summary>PxIS: interrupt status (the <c>Interrupt…</c> bits below); write ones to clear.</summary>
        public const int InterruptStatus = 0x10;

        /// <summary>PxIE: which interrupt status bits raise the HBA's interrupt.</summary>
        public const int InterruptEnable = 0x14;

        /// <summary>PxCMD: command and status (the <c>Command…</c> bits below).</summary>
        public const int Command = 0x18;

        /// <summary>PxTFD: the device's task file, status in bits 0-7, error in 8-15 (<see cref="TaskFile"/>).</summary>
        public const int TaskFileData = 0x20;

        /// <summary>PxSIG: the signature of the attached device (<see cref="DeviceSignature"/>).</summary>
        public const int Signature = 0x24;

        /// <summary>PxSSTS: SATA status (<see cref="SataStatus"/>).</summary>
        public const int SataStatus = 0x28;

        /// <summary>PxSCTL: SATA control (device detection initialization, power-state transitions allowed).</summary>
        public const int SataControl = 0x2C;

        /// <summary>PxSERR: SATA error bits; write ones to clear.</summary>
        public const int SataError = 0x30;

        /// <summary>PxSACT: native command queueing slots in flight.</summary>
        public const int SataActive = 0x34;

        /// <summary>PxCI: command issue, one bit per command slot, cleared by the HBA when the command is done.</summary>
        public const int CommandIssue = 0x38;

        /// <summary>PxCMD.ST: the command engine runs (processes the command list).</summary>
        public const uint CommandStart = 1u << 0;

        /// <summary>PxCMD.SUD: spin up the device (staggered spin-up HBAs).</summary>
        public const uint CommandSpinUp = 1u << 1;

        /// <summary>PxCMD.POD: power on the device (cold-presence-detect HBAs).</summary>
        public const uint CommandPowerOn = 1u << 2;

        /// <summary>PxCMD.CLO: command list override, clears a stuck BSY/DRQ so the engine can start again.</summary>
        public const uint CommandListOverride = 1u << 3;

        /// <summary>PxCMD.FRE: the HBA posts received FISes to the received-FIS area.</summary>
        public const uint CommandFisReceiveEnable = 1u << 4;

        /// <summary>PxCMD.FR: FIS receiving is running (reads back FRE after the HBA has acted on it).</summary>
        public const uint CommandFisReceiveRunning = 1u << 14;

        /// <summary>PxCMD.CR: the command list is running (reads back ST after the HBA has acted on it).</summary>
        public const uint CommandListRunning = 1u << 15;

        /// <summary>PxCMD.ICC = 1: interface communication control, "go to the active state".</summary>
        public const uint CommandInterfaceActive = 1u << 28;

        /// <summary>PxIS.DHRS: a device-to-host register FIS arrived (a non-data command such as FLUSH, or a DMA command, ended).</summary>
        public const uint InterruptDeviceToHostRegister = 1u << 0;

        /// <summary>PxIS.PSS: a PIO setup FIS arrived with its I bit (IDENTIFY's data phase).</summary>
        public const uint InterruptPioSetup = 1u << 1;

        /// <summary>PxIS.DSS: a DMA setup FIS arrived.</summary>
        public const uint InterruptDmaSetup = 1u << 2;

        /// <summary>PxIS.SDBS: a set-device-bits FIS arrived.</summary>
        public const uint InterruptSetDeviceBits = 1u << 3;

        /// <summary>PxIS.DPS: a PRD entry with its I bit was transferred.</summary>
        public const uint InterruptDescriptorProcessed = 1u << 5;

        /// <summary>PxIS.PCS: the port's connect status changed (PxSERR.DIAG.X).</summary>
        public const uint InterruptPortConnectChange = 1u << 6;

        /// <summary>PxIS.PRCS: the PhyRdy signal changed (PxSERR.DIAG.N).</summary>
        public const uint InterruptPhyReadyChange = 1u << 22;

        /// <summary>PxIS.OFS: more data arrived than the PRDT could hold.</summary>
        public const uint InterruptOverflow = 1u << 24;

        /// <summary>PxIS.INFS: a non-fatal interface error.</summary>
        public const uint InterruptInterfaceNonFatal = 1u << 26;

        /// <summary>PxIS.IFS: a fatal interface error (the engine stops).</summary>
        public const uint InterruptInterfaceFatal = 1u << 27;

        /// <summary>PxIS.HBDS: a host bus data error (the engine stops).</summary>
        public const uint InterruptHostBusData = 1u << 28;

        /// <summary>PxIS.HBFS: a host bus fatal error, such as a bad DMA address (the engine stops).</summary>
        public const uint InterruptHostBusFatal = 1u << 29;

        /// <summary>PxIS.TFES: the device set ERR in its status (the engine stops).</summary>
        public const uint InterruptTaskFileError = 1u << 30;

        /// <summary>PxIS.CPDS: cold presence changed.</summary>
        public const uint InterruptColdPresence = 1u << 31;

        /// <summary>The interrupt status bits that end a command with an error.</summary>
        public const uint InterruptErrors = InterruptTaskFileError | InterruptHostBusFatal | InterruptHostBusData
            | InterruptInterfaceFatal | InterruptOverflow;

        /// <summary>What the driver enables in PxIE: completions (register, PIO setup, set-device-bits, DMA setup, descriptor) and every error.</summary>
        public const uint InterruptsEnabled = InterruptDeviceToHostRegister | InterruptPioSetup | InterruptDmaSetup
            | InterruptSetDeviceBits | InterruptDescriptorProcessed | InterruptInterfaceNonFatal | InterruptErrors;

        /// <summary>PxSCTL.DET = 1: send COMRESET (hold at least 1 ms, then write 0).</summary>
        public const uint ControlDetectReset = 1u;

        /// <summary>PxSCTL.IPM = 3: the device may go neither to Partial nor to Slumber.</summary>
        public const uint ControlNoPowerTransitions = 3u << 8;
    }
}
