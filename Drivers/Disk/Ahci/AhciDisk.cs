using Cosmos.Api.Devices;

namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// The first SATA disk on an AHCI controller as a <see cref="BlockController"/>: READ/WRITE DMA EXT (or the 28-bit
    /// commands for a disk without the 48-bit feature set) between the device and the start of the DMA buffer, FLUSH CACHE
    /// (EXT) for <see cref="Flush"/>.
    /// </summary>
    internal sealed class AhciDisk : BlockController
    {
        /// <summary>How long a read or write may take (512 KiB at most; generous for a disk that spins up first).</summary>
        private const ulong TransferMilliseconds = 10000;

        /// <summary>How long a cache flush may take.</summary>
        private const ulong FlushMilliseconds = 30000;

        /// <summary>Sectors one 28-bit command moves at most (count 0 means 256).</summary>
        private const uint Lba28MaximumSectors = 256;

        private readonly AhciPort _port;
        private readonly DmaBuffer _buffer;
        private readonly IdentifyData _identity;
        private readonly BlockDeviceInformation _information;

        public AhciDisk(AhciPort port, DmaBuffer buffer, in IdentifyData identity)
        {
            _port = port;
            _buffer = buffer;
            _identity = identity;
            uint maximum = (uint)(buffer.Bytes / (int)identity.SectorSize);
            uint protocolMaximum = (uint)(BlockDeviceProtocol.MaximumTransferBytes / (int)identity.SectorSize);
            if (maximum > protocolMaximum)
            {
                maximum = protocolMaximum;
            }
            if (!identity.Lba48 && maximum > Lba28MaximumSectors)
            {
                maximum = Lba28MaximumSectors;
            }
            _information = new BlockDeviceInformation
            {
                SectorCount = identity.SectorCount,
                SectorSize = identity.SectorSize,
                MaximumSectorsPerRequest = maximum,
                Mode = BlockTransferMode.Ahci,
                Model = identity.Model,
            };
        }

        public override BlockDeviceInformation Information => _information;

        /// <summary>The port the disk is on.</summary>
        public AhciPort Port => _port;

        public override BlockDeviceStatus Read(ulong firstSector, uint count) => Transfer(firstSector, count, toDevice: false);

        public override BlockDeviceStatus Write(ulong firstSector, uint count) => Transfer(firstSector, count, toDevice: true);

        public override BlockDeviceStatus Flush()
        {
            byte command = _identity.Lba48 ? AtaCommand.FlushCacheExtended : AtaCommand.FlushCache;
            return _port.Execute(command, 0, 0, !_identity.Lba48, 0, 0, toDevice: false, FlushMilliseconds);
        }

        private BlockDeviceStatus Transfer(ulong firstSector, uint count, bool toDevice)
        {
            BlockDeviceStatus range = BlockDeviceProtocol.CheckRange(firstSector, count, _information.SectorCount, _information.SectorSize, _information.MaximumSectorsPerRequest);
            if (range != BlockDeviceStatus.Ok)
            {
                return range;
            }
            long bytes = (long)count * _information.SectorSize;
            if (_identity.Lba48)
            {
                byte command = toDevice ? AtaCommand.WriteDmaExtended : AtaCommand.ReadDmaExtended;
                return _port.Execute(command, firstSector, (ushort)count, false, _buffer.Physical, bytes, toDevice, TransferMilliseconds);
            }
            if (firstSector + count > RegisterFis.Lba28Limit)
            {
                return BlockDeviceStatus.OutOfRange;
            }
            byte command28 = toDevice ? AtaCommand.WriteDma : AtaCommand.ReadDma;
            // A 28-bit count of 256 is written as 0.
            return _port.Execute(command28, firstSector, (ushort)(count & 0xFF), true, _buffer.Physical, bytes, toDevice, TransferMilliseconds);
        }
    }
}
