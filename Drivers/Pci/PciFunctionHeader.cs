namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// The first 64 bytes of a function's configuration space, decoded from the 16 dwords read at offsets 0, 4, ... 60.
    /// Base address registers are kept as the raw dwords; their sizes need a write-and-read-back probe, which
    /// <see cref="BaseAddressRegister"/> decodes.
    /// </summary>
    public struct PciFunctionHeader
    {
        /// <summary>The number of dwords in the common header prefix this type decodes.</summary>
        public const int DwordCount = 16;

        /// <summary>Vendor id read from an absent function: the bus floats high.</summary>
        public const ushort AbsentVendor = 0xFFFF;

        /// <summary>The most base address registers any header layout has (the general layout's six).</summary>
        public const int MaximumBaseAddressRegisters = 6;

        /// <summary>Dword index of base address register 0 (offset 0x10).</summary>
        public const int FirstBaseAddressDword = 4;

        private const byte MultifunctionBit = 0x80;

        public PciAddress Address;
        public ushort VendorId;
        public ushort DeviceId;
        public ushort Command;
        public ushort Status;
        public byte Revision;
        public byte ProgrammingInterface;
        public byte Subclass;
        public byte ClassCode;
        /// <summary>The raw header type byte, multifunction bit included.</summary>
        public byte HeaderType;
        /// <summary>Raw base address register dwords; only the first <see cref="BaseAddressRegisterCount"/> are meaningful.</summary>
        public uint[] BaseAddressRegisters;

        public bool IsMultifunction => (HeaderType & MultifunctionBit) != 0;

        public PciHeaderLayout Layout => (PciHeaderLayout)(HeaderType & 0x7F);

        /// <summary>Six for the general layout, two for a PCI-to-PCI bridge, none for anything else.</summary>
        public int BaseAddressRegisterCount => BaseAddressRegisterCountOf(HeaderType);

        /// <summary>Vendor id from the first dword of configuration space.</summary>
        public static ushort VendorOf(uint dword0) => (ushort)dword0;

        /// <summary>Header type byte from the dword at offset 0x0C.</summary>
        public static byte HeaderTypeOf(uint dword3) => (byte)(dword3 >> 16);

        public static int BaseAddressRegisterCountOf(byte headerType)
        {
            switch ((PciHeaderLayout)(headerType & 0x7F))
            {
                case PciHeaderLayout.General:
                    return 6;
                case PciHeaderLayout.PciToPciBridge:
                    return 2;
                default:
                    return 0;
            }
        }

        /// <summary>
        /// Decodes <paramref name="dwords"/> (at least 16, dword i read from offset 4*i). Returns false when too few
        /// dwords are given or the vendor id says the function is absent.
        /// </summary>
        public static bool TryDecode(PciAddress address, uint[] dwords, out PciFunctionHeader header)
        {
            header = default;
            if (dwords == null || dwords.Length < DwordCount || VendorOf(dwords[0]) == AbsentVendor)
            {
                return false;
            }

            header.Address = address;
            header.VendorId = (ushort)dwords[0];
            header.DeviceId = (ushort)(dwords[0] >> 16);
            header.Command = (ushort)dwords[1];
            header.Status = (ushort)(dwords[1] >> 16);
            header.Revision = (byte)dwords[2];
            header.ProgrammingInterface = (byte)(dwords[2] >> 8);
            header.Subclass = (byte)(dwords[2] >> 16);
            header.ClassCode = (byte)(dwords[2] >> 24);
            header.HeaderType = HeaderTypeOf(dwords[3]);

            header.BaseAddressRegisters = new uint[MaximumBaseAddressRegisters];
            int count = BaseAddressRegisterCountOf(header.HeaderType);
            for (int index = 0; index < count; index++)
            {
                header.BaseAddressRegisters[index] = dwords[FirstBaseAddressDword + index];
            }

            return true;
        }
    }
}
