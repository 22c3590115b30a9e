namespace Cosmos.Drivers.Pci
{
    /// <summary>What a base address register maps.</summary>
    public enum BaseAddressKind : byte
    {
        /// <summary>The register is not implemented: all its address bits read back as zero after writing ones.</summary>
        Unused,

        /// <summary>A range of I/O ports (bit 0 set).</summary>
        InputOutput,

        /// <summary>Memory anywhere below 4 GiB (type bits 1-2 equal 0).</summary>
        Memory32,

        /// <summary>Memory anywhere in 64-bit space (type bits 1-2 equal 2); the next register holds the high half.</summary>
        Memory64,
    }
}
