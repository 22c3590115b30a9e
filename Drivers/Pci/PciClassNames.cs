namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// Short English names for the common class and subclass pairs. The catch-all "other" subclasses (0x80) are left
    /// unnamed on purpose: a name like "bridge" says no more than the class code beside it.
    /// </summary>
    public static class PciClassNames
    {
        /// <summary>The name of the class/subclass pair, or null when it is not one of the common ones.</summary>
        public static string Find(byte classCode, byte subclass)
        {
            switch ((classCode << 8) | subclass)
            {
                case 0x0000: return "non-VGA unclassified device";
                case 0x0001: return "VGA compatible unclassified device";
                case 0x0100: return "SCSI storage controller";
                case 0x0101: return "IDE controller";
                case 0x0102: return "floppy disk controller";
                case 0x0105: return "ATA controller";
                case 0x0106: return "SATA controller";
                case 0x0107: return "SAS controller";
                case 0x0108: return "non-volatile memory controller";
                case 0x0200: return "Ethernet controller";
                case 0x0300: return "VGA compatible controller";
                case 0x0302: return "3D controller";
                case 0x0401: return "multimedia audio controller";
                case 0x0403: return "audio device";
                case 0x0500: return "RAM memory";
                case 0x0600: return "host bridge";
                case 0x0601: return "ISA bridge";
                case 0x0604: return "PCI bridge";
                case 0x0700: return "serial controller";
                case 0x0800: return "PIC";
                case 0x0C03: return "USB controller";
                case 0x0C05: return "SMBus";
                default: return null;
            }
        }
    }
}
