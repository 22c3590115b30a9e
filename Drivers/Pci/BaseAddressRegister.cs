namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// One decoded base address register. The size comes from the value read back after writing all ones: the
    /// writable address bits read back as ones, so the size is the two's complement of the read-back address mask.
    /// </summary>
    public struct BaseAddressRegister
    {
        private const uint InputOutputBit = 0x1;
        private const uint InputOutputAddressMask = 0xFFFFFFFC;
        private const uint MemoryAddressMask = 0xFFFFFFF0;
        private const uint MemoryTypeMask = 0x6;
        private const uint MemoryType32 = 0x0;
        private const uint MemoryType64 = 0x4;
        private const uint PrefetchableBit = 0x8;

        public BaseAddressKind Kind;
        /// <summary>Port base for I/O, physical address for memory.</summary>
        public ulong Base;
        /// <summary>Bytes (or ports) decoded; zero for an unused register.</summary>
        public ulong Size;
        public bool IsPrefetchable;
        /// <summary>Registers this one occupies: two for 64-bit memory, otherwise one.</summary>
        public int RegistersConsumed;

        public bool IsMemory => Kind == BaseAddressKind.Memory32 || Kind == BaseAddressKind.Memory64;

        /// <summary>
        /// Decodes the register at <paramref name="index"/>. <paramref name="values"/> holds the registers as first
        /// read, <paramref name="probes"/> what each read back after all ones were written to it (same length).
        /// Returns false for an index out of range, a 64-bit register in the last slot (no room for its high half)
        /// or the reserved memory type 1 or 3.
        /// </summary>
        public static bool TryDecode(uint[] values, uint[] probes, int index, out BaseAddressRegister register)
        {
            register = default;
            if (values == null || probes == null || values.Length != probes.Length || index < 0 || index >= values.Length)
            {
                return false;
            }

            uint value = values[index];
            uint probe = probes[index];
            register.RegistersConsumed = 1;

            if ((value & InputOutputBit) != 0)
            {
                uint mask = probe & InputOutputAddressMask;
                if (mask == 0)
                {
                    register.Kind = BaseAddressKind.Unused;
                    return true;
                }

                // Many devices implement only the low 16 address bits of an I/O register and read the rest as zero.
                if ((mask & 0xFFFF0000) == 0)
                {
                    mask |= 0xFFFF0000;
                }

                register.Kind = BaseAddressKind.InputOutput;
                register.Base = value & InputOutputAddressMask;
                register.Size = ~mask + 1;
                return true;
            }

            uint type = value & MemoryTypeMask;
            register.IsPrefetchable = (value & PrefetchableBit) != 0;
            if (type == MemoryType32)
            {
                uint mask = probe & MemoryAddressMask;
                if (mask == 0)
                {
                    register.Kind = BaseAddressKind.Unused;
                    register.IsPrefetchable = false;
                    return true;
                }

                register.Kind = BaseAddressKind.Memory32;
                register.Base = value & MemoryAddressMask;
                register.Size = ~mask + 1;
                return true;
            }

            if (type == MemoryType64 && index + 1 < values.Length)
            {
                ulong mask = ((ulong)probes[index + 1] << 32) | (probe & MemoryAddressMask);
                register.RegistersConsumed = 2;
                if (mask == 0)
                {
                    register.Kind = BaseAddressKind.Unused;
                    register.IsPrefetchable = false;
                    return true;
                }

                register.Kind = BaseAddressKind.Memory64;
                register.Base = ((ulong)values[index + 1] << 32) | (value & MemoryAddressMask);
                register.Size = ~mask + 1;
                return true;
            }

            register = default;
            return false;
        }
    }
}
