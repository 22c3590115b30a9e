using Cosmos.Api.Devices;

namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// Turns what the driver read from one function (its header, the interrupt dword at 0x3C and the decoded base address
    /// registers) into the <see cref="PciFunction"/> the protocol carries. Pure: no port access.
    /// </summary>
    public static class PciFunctionDescription
    {
        /// <summary>Offset of the dword holding the interrupt line (bits 0-7) and pin (bits 8-15).</summary>
        public const int InterruptDwordOffset = 0x3C;

        public static PciFunction Describe(in PciFunctionHeader header, uint interruptDword, BaseAddressRegister[] registers)
        {
            PciFunction function = default;
            function.Address = (ushort)(header.Address.Bus << 8 | header.Address.Device << 3 | header.Address.Function);
            function.Vendor = header.VendorId;
            function.Device = header.DeviceId;
            function.ClassCode = (uint)header.ClassCode << 16 | (uint)header.Subclass << 8 | header.ProgrammingInterface;
            function.Revision = header.Revision;
            function.HeaderType = header.HeaderType;
            bool hasInterruptDword = header.Layout == PciHeaderLayout.General || header.Layout == PciHeaderLayout.PciToPciBridge;
            byte pin = hasInterruptDword ? (byte)(interruptDword >> 8) : (byte)0;
            function.InterruptPin = pin <= 4 ? pin : (byte)0;
            function.InterruptLine = function.InterruptPin == 0 ? (byte)0xFF : (byte)interruptDword;
            int count = registers == null ? 0 : registers.Length;
            for (int index = 0; index < count && index < PciFunctionHeader.MaximumBaseAddressRegisters; index++)
            {
                function.SetBar(index, ToBar(registers[index]));
            }
            return function;
        }

        /// <summary>
        /// Decodes every base address register of a function from the values first read and the all-ones probes; the
        /// high half of a 64-bit register and any register that does not decode read as not implemented.
        /// </summary>
        public static BaseAddressRegister[] DecodeAll(uint[] values, uint[] probes, int count)
        {
            BaseAddressRegister[] registers = new BaseAddressRegister[PciFunctionHeader.MaximumBaseAddressRegisters];
            int index = 0;
            while (index < count && index < registers.Length)
            {
                if (!BaseAddressRegister.TryDecode(values, probes, index, out BaseAddressRegister register))
                {
                    index++;
                    continue;
                }
                registers[index] = register;
                index += register.RegistersConsumed < 1 ? 1 : register.RegistersConsumed;
            }
            return registers;
        }

        private static PciBar ToBar(in BaseAddressRegister register)
        {
            PciBar bar = default;
            if (register.Kind == BaseAddressKind.Unused)
            {
                return bar;
            }
            bar.Base = register.Base;
            bar.Size = register.Size;
            bar.Flags = register.Kind switch
            {
                BaseAddressKind.InputOutput => PciBarFlags.Io,
                BaseAddressKind.Memory64 => PciBarFlags.Memory64,
                _ => PciBarFlags.None,
            };
            if (register.IsPrefetchable)
            {
                bar.Flags |= PciBarFlags.Prefetchable;
            }
            return bar;
        }

        /// <summary>Where <paramref name="function"/> falls among functions of class <paramref name="baseClass"/>:<paramref name="subClass"/>.</summary>
        public static bool IsClass(in PciFunction function, byte baseClass, byte subClass) =>
            function.BaseClass == baseClass && function.SubClass == subClass;
    }
}
