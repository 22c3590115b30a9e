namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>The fields of the HBA's CAP and CAP2 registers the driver acts on (AHCI 1.3.1, 3.1.1 and 3.1.10).</summary>
    internal readonly struct HostCapabilities
    {
        public readonly uint Value;
        public readonly uint ExtendedValue;

        public HostCapabilities(uint capabilities, uint extendedCapabilities)
        {
            Value = capabilities;
            ExtendedValue = extendedCapabilities;
        }

        /// <summary>CAP.NP + 1: how many ports the HBA supports (PI says which).</summary>
        public int PortCount => (int)(Value & 0x1F) + 1;

        /// <summary>CAP.NCS + 1: command slots per port (1 to 32).</summary>
        public int CommandSlots => (int)((Value >> 8) & 0x1F) + 1;

        /// <summary>CAP.SSS: staggered spin-up — software spins each port's device up with PxCMD.SUD.</summary>
        public bool StaggeredSpinUp => (Value & (1u << 27)) != 0;

        /// <summary>CAP.SCLO: PxCMD.CLO can clear a stuck BSY/DRQ.</summary>
        public bool CommandListOverride => (Value & (1u << 24)) != 0;

        /// <summary>CAP.SAM: the HBA works only in AHCI mode (GHC.AE may already read 1 and cannot be cleared).</summary>
        public bool AhciOnly => (Value & (1u << 18)) != 0;

        /// <summary>CAP.S64A: the HBA takes 64-bit physical addresses (otherwise every DMA structure must lie below 4 GiB).</summary>
        public bool Addresses64Bit => (Value & (1u << 31)) != 0;

        /// <summary>CAP.SNCQ: native command queueing.</summary>
        public bool NativeCommandQueueing => (Value & (1u << 30)) != 0;

        /// <summary>CAP.ISS: the fastest interface speed (1 Gen 1, 1.5 Gb/s; 2 Gen 2, 3 Gb/s; 3 Gen 3, 6 Gb/s).</summary>
        public int InterfaceSpeed => (int)((Value >> 20) & 0xF);

        /// <summary>CAP2.BOH: BIOS/OS handoff through BOHC.</summary>
        public bool BiosHandoff => (ExtendedValue & HostRegisters.HandoffSupported) != 0;

        /// <summary>Whether the HBA can reach a DMA structure that ends at <paramref name="physicalEnd"/> (exclusive).</summary>
        public bool CanReach(ulong physicalEnd) => Addresses64Bit || physicalEnd <= 1UL << 32;
    }
}
