namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>Which PCI functions the AHCI back end accepts, by class code.</summary>
    internal static class AhciClassCode
    {
        public const byte MassStorage = 0x01;
        public const byte SerialAta = 0x06;
        public const byte Raid = 0x04;
        public const byte AhciInterface = 0x01;

        /// <summary>
        /// A SATA controller with the AHCI programming interface (01/06/01), or a RAID controller (01/04), which on PCs is
        /// usually an AHCI HBA with the firmware's RAID on top and still speaks AHCI through BAR 5.
        /// </summary>
        public static bool Accepts(byte baseClass, byte subClass, byte programmingInterface) =>
            baseClass == MassStorage && ((subClass == SerialAta && programmingInterface == AhciInterface) || subClass == Raid);
    }
}
