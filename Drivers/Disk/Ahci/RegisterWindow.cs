namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// The HBA's registers as the driver sees them: the ABAR mapped uncached into its address space. Every access is one
    /// volatile 32-bit load or store (AHCI registers are read and written as whole double words), so the compiler neither
    /// merges nor hoists the reads a polling loop depends on.
    /// </summary>
    internal readonly unsafe struct RegisterWindow
    {
        private readonly byte* _base;

        public RegisterWindow(byte* registers) => _base = registers;

        public uint Read(int offset) => ((VolatileCell*)(_base + offset))->Value;

        public void Write(int offset, uint value) => ((VolatileCell*)(_base + offset))->Value = value;

        public uint ReadPort(int port, int register) => Read(HostRegisters.PortRegister(port, register));

        public void WritePort(int port, int register, uint value) => Write(HostRegisters.PortRegister(port, register), value);

        // A double word read and written through a volatile field.
        private struct VolatileCell
        {
            public volatile uint Value;
        }
    }
}
