namespace Cosmos.Drivers.Pci
{
    /// <summary>The layout named by the low seven bits of a function's header type byte.</summary>
    public enum PciHeaderLayout : byte
    {
        /// <summary>An ordinary function with six base address registers.</summary>
        General = 0,

        /// <summary>A PCI-to-PCI bridge with two base address registers.</summary>
        PciToPciBridge = 1,

        /// <summary>A CardBus bridge; no base address registers are decoded.</summary>
        CardBusBridge = 2,
    }
}
