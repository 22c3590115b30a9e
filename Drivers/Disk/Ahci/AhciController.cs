namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>The AHCI (SATA) controller. Placeholder until the AHCI backend lands: finds nothing.</summary>
    internal static class AhciController
    {
        /// <summary>
        /// Sets up the AHCI controller described by <paramref name="function"/> (its ABAR is BAR 5) and returns a controller
        /// for its first SATA disk. The device right for the ABAR is in slot <paramref name="abarSlot"/>, the interrupt line in
        /// <paramref name="interruptSlot"/>; DMA memory comes from <paramref name="buffer"/> (the data buffer) and sigma0 through
        /// <paramref name="sigma0Slot"/> (command lists and tables).
        /// </summary>
        public static bool TryCreate(in Cosmos.Api.Devices.PciFunction function, uint abarSlot, uint interruptSlot, uint sigma0Slot, DmaBuffer buffer, out BlockController controller, out string error)
        {
            controller = null;
            error = "AHCI is not supported yet";
            return false;
        }
    }
}
