namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>What kind of device a port's PxSIG says is attached (the first register FIS's sector count and LBA bytes).</summary>
    internal enum DeviceKind
    {
        /// <summary>No valid signature yet (all ones) or one the driver does not know.</summary>
        Unknown,
        /// <summary>0x00000101: a SATA disk (ATA command set) — the kind this driver serves.</summary>
        Sata,
        /// <summary>0xEB140101: a SATAPI device (a CD/DVD drive; QEMU's -cdrom on q35).</summary>
        Atapi,
        /// <summary>0xC33C0101: an enclosure management bridge.</summary>
        EnclosureBridge,
        /// <summary>0x96690101: a port multiplier.</summary>
        PortMultiplier,
    }

    /// <summary>Classifies PxSIG values.</summary>
    internal static class DeviceSignature
    {
        public const uint SataDisk = 0x00000101;
        public const uint SataPacket = 0xEB140101;
        public const uint EnclosureBridge = 0xC33C0101;
        public const uint PortMultiplier = 0x96690101;

        /// <summary>What PxSIG reads before the device's first register FIS arrived.</summary>
        public const uint NotYetReceived = 0xFFFFFFFF;

        public static DeviceKind Classify(uint signature) => signature switch
        {
            SataDisk => DeviceKind.Sata,
            SataPacket => DeviceKind.Atapi,
            EnclosureBridge => DeviceKind.EnclosureBridge,
            PortMultiplier => DeviceKind.PortMultiplier,
            _ => DeviceKind.Unknown,
        };

        public static string Name(DeviceKind kind) => kind switch
        {
            DeviceKind.Sata => "SATA disk",
            DeviceKind.Atapi => "ATAPI device",
            DeviceKind.EnclosureBridge => "enclosure bridge",
            DeviceKind.PortMultiplier => "port multiplier",
            _ => "unknown device",
        };
    }
}
