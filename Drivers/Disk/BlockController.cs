using Cosmos.Api.Devices;

namespace Cosmos.Drivers.Disk
{
    /// <summary>
    /// One disk behind one controller, as the block server (<see cref="BlockServer"/>) drives it: sectors move between the
    /// device and the driver's DMA buffer (<see cref="DmaBuffer"/>), which the server copies from and to its clients
    /// through string items. Implementations: the legacy IDE controller (ATA PIO and bus-master DMA) and AHCI. Every
    /// method waits for the device's interrupt (with a timeout), never spins on status alone.
    /// </summary>
    internal abstract class BlockController
    {
        /// <summary>Sector count, sector size, the most sectors per request (bounded by the DMA buffer), the mode, the model.</summary>
        public abstract BlockDeviceInformation Information { get; }

        /// <summary>Reads <paramref name="count"/> sectors from <paramref name="firstSector"/> into the start of the DMA buffer (the range is already checked).</summary>
        public abstract BlockDeviceStatus Read(ulong firstSector, uint count);

        /// <summary>Writes <paramref name="count"/> sectors from the start of the DMA buffer to <paramref name="firstSector"/>.</summary>
        public abstract BlockDeviceStatus Write(ulong firstSector, uint count);

        /// <summary>Waits until the device's write cache is on the medium.</summary>
        public abstract BlockDeviceStatus Flush();
    }
}
