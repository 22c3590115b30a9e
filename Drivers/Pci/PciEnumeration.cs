namespace Cosmos.Drivers.Pci
{
    /// <summary>Brute-force scan of every bus, device and function through configuration mechanism #1.</summary>
    public static class PciEnumeration
    {
        private const int HeaderTypeOffset = 0x0C;

        /// <summary>
        /// Fills <paramref name="found"/> with the present functions in bus, device, function order and returns how many
        /// were stored. Function 0 is probed first; functions 1-7 only when function 0 sets the multifunction bit. A
        /// vendor id of 0xFFFF means absent. Scanning stops once <paramref name="found"/> is full.
        /// </summary>
        public static int Enumerate<TReader>(ref TReader reader, PciFunctionHeader[] found)
            where TReader : struct, IPciConfigurationReader
        {
            int count = 0;
            uint[] dwords = new uint[PciFunctionHeader.DwordCount];
            for (int bus = 0; bus < PciAddress.BusCount; bus++)
            {
                for (int device = 0; device < PciAddress.DeviceCount; device++)
                {
                    PciAddress.TryCreate(bus, device, 0, out PciAddress first);
                    if (PciFunctionHeader.VendorOf(reader.Read(first, 0)) == PciFunctionHeader.AbsentVendor)
                    {
                        continue;
                    }

                    byte headerType = PciFunctionHeader.HeaderTypeOf(reader.Read(first, HeaderTypeOffset));
                    int functions = (headerType & 0x80) != 0 ? PciAddress.FunctionCount : 1;
                    for (int function = 0; function < functions; function++)
                    {
                        if (count == found.Length)
                        {
                            return count;
                        }

                        PciAddress.TryCreate(bus, device, function, out PciAddress address);
                        if (ReadHeader(ref reader, address, dwords, out found[count]))
                        {
                            count++;
                        }
                    }
                }
            }

            return count;
        }

        private static bool ReadHeader<TReader>(ref TReader reader, PciAddress address, uint[] dwords, out PciFunctionHeader header)
            where TReader : struct, IPciConfigurationReader
        {
            dwords[0] = reader.Read(address, 0);
            if (PciFunctionHeader.VendorOf(dwords[0]) == PciFunctionHeader.AbsentVendor)
            {
                header = default;
                return false;
            }

            for (int index = 1; index < dwords.Length; index++)
            {
                dwords[index] = reader.Read(address, index * 4);
            }

            return PciFunctionHeader.TryDecode(address, dwords, out header);
        }
    }
}
