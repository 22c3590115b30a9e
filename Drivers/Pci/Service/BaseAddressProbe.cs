namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// Sizes a function's base address registers by the write-all-ones probe: decoding (I/O and memory space bits of the
    /// command register) is switched off while a register holds all ones, so the function answers at no stray address,
    /// and every register and the command register are put back afterwards.
    /// </summary>
    internal static class BaseAddressProbe
    {
        public const int CommandOffset = 0x04;
        public const ushort IoSpaceBit = 0x1;
        public const ushort MemorySpaceBit = 0x2;
        public const ushort BusMasterBit = 0x4;
        private const int FirstRegisterOffset = 0x10;

        public static BaseAddressRegister[] Probe(ref PciConfigurationPorts ports, in PciFunctionHeader header)
        {
            int count = header.BaseAddressRegisterCount;
            uint[] values = new uint[PciFunctionHeader.MaximumBaseAddressRegisters];
            uint[] probes = new uint[PciFunctionHeader.MaximumBaseAddressRegisters];
            if (count == 0)
            {
                return PciFunctionDescription.DecodeAll(values, probes, 0);
            }
            // Writing the low half only: zeros written to the status half clear nothing (its bits clear on ones).
            uint command = ports.Read(header.Address, CommandOffset) & 0xFFFF;
            ports.Write(header.Address, CommandOffset, command & ~(uint)(IoSpaceBit | MemorySpaceBit));
            for (int index = 0; index < count; index++)
            {
                int offset = FirstRegisterOffset + index * 4;
                values[index] = ports.Read(header.Address, offset);
                ports.Write(header.Address, offset, 0xFFFFFFFF);
                probes[index] = ports.Read(header.Address, offset);
                ports.Write(header.Address, offset, values[index]);
            }
            ports.Write(header.Address, CommandOffset, command);
            return PciFunctionDescription.DecodeAll(values, probes, count);
        }
    }
}
