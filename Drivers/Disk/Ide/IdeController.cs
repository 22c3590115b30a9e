using System;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;

namespace Cosmos.Drivers.Disk.Ide
{
    /// <summary>
    /// The master disk on the legacy primary IDE channel (ports 0x1F0-0x1F7 and 0x3F6, IRQ 14). With the PIIX's bus-master
    /// registers (BAR 4) it moves data by READ/WRITE DMA EXT through a physical region table; without them by ATA PIO
    /// (READ/WRITE SECTORS EXT through the data port). Every command ends with the device's interrupt, waited for on a
    /// notification with a timeout; status and bus-master status then decide between Ok and DeviceError.
    /// </summary>
    internal sealed unsafe class IdeController : BlockController
    {
        /// <summary>How long one command may take before it counts as a device error: 5 s.</summary>
        private const ulong CommandTimeout = 5_000_000_000;

        /// <summary>How long to wait for BSY to clear or DRQ to rise where ATA gives no interrupt.</summary>
        private const ulong PollTimeout = 1_000_000_000;

        private const int WordsPerSector = 256;

        private readonly DmaBuffer _buffer;
        private readonly DmaBuffer _table;
        private readonly uint _interruptLine;
        private readonly uint _notification;
        private readonly ushort _busMaster;
        private readonly bool _useDma;
        private BlockDeviceInformation _information;

        private IdeController(DmaBuffer buffer, DmaBuffer table, uint interruptLine, uint notification, ushort busMaster, bool useDma)
        {
            _buffer = buffer;
            _table = table;
            _interruptLine = interruptLine;
            _notification = notification;
            _busMaster = busMaster;
            _useDma = useDma;
        }

        public override BlockDeviceInformation Information => _information;

        /// <summary>The error <see cref="TryCreate"/> gives when no device answers on the primary master: nothing to drive, not a fault.</summary>
        public const string NoDiskError = "no disk on the primary channel's master";

        /// <summary>
        /// Enables the ports (<paramref name="commandSlot"/>, <paramref name="controlSlot"/>, and <paramref name="busMasterSlot"/>
        /// when the function has an I/O BAR 4 and the slot holds its ports), binds the interrupt line, and identifies the
        /// primary master. <paramref name="table"/> is a page for the region table (bus-master DMA only).
        /// </summary>
        public static bool TryCreate(in PciFunction function, uint commandSlot, uint controlSlot, uint interruptSlot, uint busMasterSlot,
            DmaBuffer buffer, DmaBuffer table, out BlockController controller, out string error)
        {
            controller = null;
            SystemCallError result = IoPorts.Enable(commandSlot);
            if (result == SystemCallError.None)
            {
                result = IoPorts.Enable(controlSlot);
            }
            if (result != SystemCallError.None)
            {
                error = "cannot use the channel's ports (slots 5 and 6): " + Kernel.DescribeError((long)result);
                return false;
            }
            PciBar bar4 = function.Bar4;
            // The bus-master ports are used only when slot 8 covers the primary channel's eight at BAR 4 (a range
            // derived from it inside BAR 4 proves that); otherwise the disk is driven by PIO.
            bool busMaster = false;
            if (bar4.IsImplemented && bar4.IsIo && bar4.Size >= 8 && bar4.Base <= 0xFFF8 && table.Virtual != null)
            {
                long derived = IoPorts.Derive(busMasterSlot, (ushort)bar4.Base, 8);
                busMaster = derived >= 0 && IoPorts.Enable((uint)derived) == SystemCallError.None;
            }
            long notification = Capabilities.CreateNotification();
            if (notification < 0)
            {
                error = "cannot create a notification: " + Kernel.DescribeError(notification);
                return false;
            }
            result = Interrupts.Bind(interruptSlot, (uint)notification, 1);
            if (result != SystemCallError.None)
            {
                error = "cannot bind the interrupt line (slot 7): " + Kernel.DescribeError((long)result);
                return false;
            }
            IdeController ide = new IdeController(buffer, table, interruptSlot, (uint)notification, (ushort)bar4.Base, busMaster);
            if (!ide.Identify(out IdentifyData identify, out error))
            {
                return false;
            }
            ide._information = new BlockDeviceInformation
            {
                SectorCount = identify.SectorCount,
                SectorSize = IdentifyData.DefaultSectorSize,
                MaximumSectorsPerRequest = (uint)(buffer.Bytes / IdentifyData.DefaultSectorSize),
                Mode = busMaster ? BlockTransferMode.AtaBusMasterDma : BlockTransferMode.AtaPio,
                Model = identify.Model,
            };
            controller = ide;
            return true;
        }

        public override BlockDeviceStatus Read(ulong firstSector, uint count) =>
            _useDma ? TransferDma(firstSector, count, toMemory: true) : ReadPio(firstSector, count);

        public override BlockDeviceStatus Write(ulong firstSector, uint count) =>
            _useDma ? TransferDma(firstSector, count, toMemory: false) : WritePio(firstSector, count);

        public override BlockDeviceStatus Flush()
        {
            if (!WaitNotBusy())
            {
                return BlockDeviceStatus.DeviceError;
            }
            DrainInterrupts();
            PortIo.OutByte(AtaRegisters.DeviceSelect, AtaRegisters.SelectMasterLba);
            PortIo.OutByte(AtaRegisters.StatusCommand, AtaRegisters.CommandFlushCacheExt);
            bool interrupted = WaitForInterrupt();
            byte status = PortIo.InByte(AtaRegisters.StatusCommand);
            Interrupts.Acknowledge(_interruptLine);
            return interrupted && IsSuccess(status) ? BlockDeviceStatus.Ok : BlockDeviceStatus.DeviceError;
        }

        private bool Identify(out IdentifyData identify, out string error)
        {
            identify = default;
            PortIo.OutByte(AtaRegisters.Control, AtaRegisters.ControlInterruptsOn);
            PortIo.OutByte(AtaRegisters.DeviceSelect, AtaRegisters.SelectMaster);
            SettleAfterSelect();
            byte status = PortIo.InByte(AtaRegisters.Control);
            if (status == 0xFF || status == 0x00 || status == 0x7F)
            {
                error = NoDiskError;
                return false;
            }
            if (!WaitNotBusy())
            {
                error = "the primary master stays busy";
                return false;
            }
            DrainInterrupts();
            PortIo.OutByte(AtaRegisters.SectorCount, 0);
            PortIo.OutByte(AtaRegisters.LbaLow, 0);
            PortIo.OutByte(AtaRegisters.LbaMid, 0);
            PortIo.OutByte(AtaRegisters.LbaHigh, 0);
            PortIo.OutByte(AtaRegisters.StatusCommand, AtaRegisters.CommandIdentify);
            bool interrupted = WaitForInterrupt();
            status = PortIo.InByte(AtaRegisters.StatusCommand);
            Interrupts.Acknowledge(_interruptLine);
            if (!interrupted)
            {
                error = "IDENTIFY DEVICE got no interrupt (status 0x" + status.ToString("x") + ")";
                return false;
            }
            if ((status & AtaRegisters.StatusError) != 0 || (status & AtaRegisters.StatusDataRequest) == 0)
            {
                bool packet = PortIo.InByte(AtaRegisters.LbaMid) == 0x14 && PortIo.InByte(AtaRegisters.LbaHigh) == 0xEB;
                error = packet ? "the primary master is an ATAPI device, not a disk" : "IDENTIFY DEVICE failed (status 0x" + status.ToString("x") + ")";
                return false;
            }
            ushort[] words = new ushort[IdentifyData.WordCount];
            for (int i = 0; i < words.Length; i++)
            {
                words[i] = PortIo.InWord(AtaRegisters.Data);
            }
            if (!IdentifyData.TryParse(words, out identify))
            {
                error = "IDENTIFY DEVICE reports no sectors";
                return false;
            }
            if (!identify.SupportsLba48)
            {
                error = "the disk has no 48-bit addressing";
                return false;
            }
            if (identify.SectorSize != IdentifyData.DefaultSectorSize)
            {
                error = "sectors of " + identify.SectorSize.ToString() + " bytes are not supported";
                return false;
            }
            error = null;
            return true;
        }

        private BlockDeviceStatus TransferDma(ulong firstSector, uint count, bool toMemory)
        {
            long bytes = (long)count * IdentifyData.DefaultSectorSize;
            Span<uint> table = new Span<uint>(_table.Virtual, _table.Bytes / sizeof(uint));
            if (bytes > _buffer.Bytes || PhysicalRegionTable.Build(_buffer.Physical, bytes, table) < 0 || !WaitNotBusy())
            {
                return BlockDeviceStatus.DeviceError;
            }
            byte direction = toMemory ? AtaRegisters.BusMasterToMemory : (byte)0;
            ushort command = (ushort)(_busMaster + AtaRegisters.BusMasterCommand);
            ushort statusPort = (ushort)(_busMaster + AtaRegisters.BusMasterStatus);
            PortIo.OutByte(command, 0);
            PortIo.OutDword((ushort)(_busMaster + AtaRegisters.BusMasterTableAddress), (uint)_table.Physical);
            PortIo.OutByte(statusPort, (byte)(PortIo.InByte(statusPort) | AtaRegisters.BusMasterError | AtaRegisters.BusMasterInterrupt));
            PortIo.OutByte(command, direction);
            DrainInterrupts();
            SetAddress(firstSector, count);
            PortIo.OutByte(AtaRegisters.StatusCommand, toMemory ? AtaRegisters.CommandReadDmaExt : AtaRegisters.CommandWriteDmaExt);
            PortIo.OutByte(command, (byte)(direction | AtaRegisters.BusMasterStart));
            bool interrupted = WaitForInterrupt();
            byte busMasterStatus = PortIo.InByte(statusPort);
            PortIo.OutByte(command, direction);
            byte status = PortIo.InByte(AtaRegisters.StatusCommand);
            PortIo.OutByte(statusPort, (byte)(busMasterStatus | AtaRegisters.BusMasterError | AtaRegisters.BusMasterInterrupt));
            Interrupts.Acknowledge(_interruptLine);
            if (!interrupted)
            {
                ResetChannel();
            }
            if (!interrupted || (busMasterStatus & AtaRegisters.BusMasterError) != 0 || !IsSuccess(status))
            {
                return BlockDeviceStatus.DeviceError;
            }
            return BlockDeviceStatus.Ok;
        }

        private BlockDeviceStatus ReadPio(ulong firstSector, uint count)
        {
            if (!WaitNotBusy())
            {
                return BlockDeviceStatus.DeviceError;
            }
            DrainInterrupts();
            SetAddress(firstSector, count);
            PortIo.OutByte(AtaRegisters.StatusCommand, AtaRegisters.CommandReadSectorsExt);
            ushort* words = (ushort*)_buffer.Virtual;
            for (uint sector = 0; sector < count; sector++)
            {
                bool interrupted = WaitForInterrupt();
                byte status = PortIo.InByte(AtaRegisters.StatusCommand);
                Interrupts.Acknowledge(_interruptLine);
                if (!interrupted || (status & (AtaRegisters.StatusError | AtaRegisters.StatusDeviceFault)) != 0
                    || (status & AtaRegisters.StatusDataRequest) == 0)
                {
                    ResetChannel();
                    return BlockDeviceStatus.DeviceError;
                }
                for (int i = 0; i < WordsPerSector; i++)
                {
                    *words++ = PortIo.InWord(AtaRegisters.Data);
                }
            }
            return BlockDeviceStatus.Ok;
        }

        private BlockDeviceStatus WritePio(ulong firstSector, uint count)
        {
            if (!WaitNotBusy())
            {
                return BlockDeviceStatus.DeviceError;
            }
            DrainInterrupts();
            SetAddress(firstSector, count);
            PortIo.OutByte(AtaRegisters.StatusCommand, AtaRegisters.CommandWriteSectorsExt);
            ushort* words = (ushort*)_buffer.Virtual;
            // The first sector's DRQ comes without an interrupt (ATA's PIO data-out protocol); later ones each end with one.
            if (!WaitDataRequest())
            {
                ResetChannel();
                return BlockDeviceStatus.DeviceError;
            }
            for (uint sector = 0; sector < count; sector++)
            {
                for (int i = 0; i < WordsPerSector; i++)
                {
                    PortIo.OutWord(AtaRegisters.Data, *words++);
                }
                bool interrupted = WaitForInterrupt();
                byte status = PortIo.InByte(AtaRegisters.StatusCommand);
                Interrupts.Acknowledge(_interruptLine);
                if (!interrupted || (status & (AtaRegisters.StatusError | AtaRegisters.StatusDeviceFault)) != 0
                    || (sector + 1 < count && (status & AtaRegisters.StatusDataRequest) == 0))
                {
                    ResetChannel();
                    return BlockDeviceStatus.DeviceError;
                }
            }
            return BlockDeviceStatus.Ok;
        }

        // LBA48: the high bytes go first into each register, then the low bytes.
        private static void SetAddress(ulong firstSector, uint count)
        {
            PortIo.OutByte(AtaRegisters.DeviceSelect, AtaRegisters.SelectMasterLba);
            PortIo.OutByte(AtaRegisters.SectorCount, (byte)(count >> 8));
            PortIo.OutByte(AtaRegisters.LbaLow, (byte)(firstSector >> 24));
            PortIo.OutByte(AtaRegisters.LbaMid, (byte)(firstSector >> 32));
            PortIo.OutByte(AtaRegisters.LbaHigh, (byte)(firstSector >> 40));
            PortIo.OutByte(AtaRegisters.SectorCount, (byte)count);
            PortIo.OutByte(AtaRegisters.LbaLow, (byte)firstSector);
            PortIo.OutByte(AtaRegisters.LbaMid, (byte)(firstSector >> 8));
            PortIo.OutByte(AtaRegisters.LbaHigh, (byte)(firstSector >> 16));
        }

        private static bool IsSuccess(byte status) =>
            (status & (AtaRegisters.StatusError | AtaRegisters.StatusDeviceFault | AtaRegisters.StatusBusy)) == 0;

        // After a command that timed out or stopped half-way the device may stay busy or keep data waiting: a software
        // reset (SRST in device control) puts the channel back to idle, so later requests can succeed.
        private void ResetChannel()
        {
            if (_useDma)
            {
                PortIo.OutByte((ushort)(_busMaster + AtaRegisters.BusMasterCommand), 0);
            }
            PortIo.OutByte(AtaRegisters.Control, AtaRegisters.ControlSoftwareReset);
            // Each port read takes the better part of a microsecond on real buses: 16 of them hold SRST past its 5 µs.
            for (int i = 0; i < 4; i++)
            {
                SettleAfterSelect();
            }
            PortIo.OutByte(AtaRegisters.Control, AtaRegisters.ControlInterruptsOn);
            SettleAfterSelect();
            WaitNotBusy();
            DrainInterrupts();
        }

        // Four reads of the alternate status take the 400 ns a device needs to put its status out after a select.
        private static void SettleAfterSelect()
        {
            for (int i = 0; i < 4; i++)
            {
                PortIo.InByte(AtaRegisters.Control);
            }
        }

        private static bool WaitNotBusy()
        {
            ulong deadline = Kernel.Uptime() + PollTimeout;
            while ((PortIo.InByte(AtaRegisters.Control) & AtaRegisters.StatusBusy) != 0)
            {
                if (Kernel.Uptime() > deadline)
                {
                    return false;
                }
                Kernel.Yield();
            }
            return true;
        }

        private static bool WaitDataRequest()
        {
            ulong deadline = Kernel.Uptime() + PollTimeout;
            while (true)
            {
                byte status = PortIo.InByte(AtaRegisters.Control);
                if ((status & AtaRegisters.StatusBusy) == 0)
                {
                    if ((status & (AtaRegisters.StatusError | AtaRegisters.StatusDeviceFault)) != 0)
                    {
                        return false;
                    }
                    if ((status & AtaRegisters.StatusDataRequest) != 0)
                    {
                        return true;
                    }
                }
                if (Kernel.Uptime() > deadline)
                {
                    return false;
                }
                Kernel.Yield();
            }
        }

        // An interrupt left over from an earlier command (or one that timed out) must not end the next command early.
        private void DrainInterrupts()
        {
            while (NotificationCalls.Wait(_notification, IpcTimeout.Poll, out ulong bits).Succeeded && bits != 0)
            {
                Interrupts.Acknowledge(_interruptLine);
            }
        }

        private bool WaitForInterrupt() => NotificationCalls.Wait(_notification, CommandTimeout, out _).Succeeded;
    }
}
