using System;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// The AHCI (SATA) back end's entry: maps the HBA's registers, takes one page of DMA memory for the port's command list,
    /// received FISes and command table, binds the interrupt line, brings the HBA up (<see cref="AhciHost"/>), finds the
    /// first SATA disk (ATAPI devices such as QEMU's -cdrom on q35 are passed over) and identifies it.
    /// </summary>
    internal static unsafe class AhciController
    {
        /// <summary>TryCreate's error when every port is empty or holds only ATAPI or other devices (not a failure of the driver).</summary>
        public const string NoDiskError = "no SATA disk on any port";

        /// <summary>Where the HBA's registers are mapped (any free, 4 MiB-aligned address of the user half).</summary>
        private const ulong RegisterWindowAddress = 0x0000_5100_0000_0000;

        /// <summary>Where the port's DMA page is mapped.</summary>
        private const ulong PortMemoryWindowAddress = 0x0000_5100_0040_0000;

        /// <summary>The notification bit the interrupt line signals.</summary>
        private const ulong InterruptBit = 1;

        /// <summary>How long IDENTIFY DEVICE may take.</summary>
        private const ulong IdentifyMilliseconds = 5000;

        /// <summary>
        /// Sets up the AHCI controller described by <paramref name="function"/> (its ABAR is BAR 5) and returns a controller
        /// for its first SATA disk. The device right for the ABAR is in slot <paramref name="abarSlot"/>, the interrupt line in
        /// <paramref name="interruptSlot"/>; DMA memory comes from <paramref name="buffer"/> (the data buffer) and sigma0 through
        /// <paramref name="sigma0Slot"/> (command lists and tables).
        /// </summary>
        public static bool TryCreate(in PciFunction function, uint abarSlot, uint interruptSlot, uint sigma0Slot, DmaBuffer buffer, out BlockController controller, out string error)
        {
            controller = null;
            if (!AhciClassCode.Accepts(function.BaseClass, function.SubClass, function.ProgrammingInterface))
            {
                error = "the function's class 0x" + function.ClassCode.ToString("x6") + " is not an AHCI controller (01/06/01)";
                return false;
            }
            PciBar abar = function.Bar5;
            if (!abar.IsImplemented || abar.IsIo || !RegisterBlock.TryCover(abar.Base, abar.Size, out RegisterBlock block))
            {
                error = "BAR 5 (ABAR) is not a usable memory BAR (base 0x" + abar.Base.ToString("x") + ", size 0x" + abar.Size.ToString("x") + ")";
                return false;
            }
            Sigma0Status mapped = Sigma0Client.MapDevice(abarSlot, block.Base, block.SizeLog2, RegisterWindowAddress);
            if (mapped != Sigma0Status.Success)
            {
                error = "cannot map the ABAR 0x" + block.Base.ToString("x") + "/" + block.SizeLog2.ToString() + ": sigma0 says " + Sigma0Name(mapped);
                return false;
            }
            RegisterWindow registers = new RegisterWindow((byte*)(RegisterWindowAddress + block.Offset));

            Sigma0Status allocated = Sigma0Client.AllocateAny(sigma0Slot, PortMemoryLayout.PageLog2, PortMemoryWindowAddress, out ulong portPhysical);
            if (allocated != Sigma0Status.Success)
            {
                error = "no DMA page for the command list: sigma0 says " + Sigma0Name(allocated);
                return false;
            }
            byte* portMemory = (byte*)PortMemoryWindowAddress;

            long notification = Capabilities.CreateNotification();
            if (notification < 0)
            {
                error = "cannot create a notification: " + Kernel.DescribeError(notification);
                return false;
            }
            SystemCallError bound = Interrupts.Bind(interruptSlot, (uint)notification, InterruptBit);
            if (bound != SystemCallError.None)
            {
                error = "cannot bind interrupt line " + function.InterruptLine.ToString() + ": " + Kernel.DescribeError((long)bound);
                return false;
            }

            AhciHost host = new AhciHost(registers);
            host.TakeOver();
            HostCapabilities capabilities = host.Capabilities;
            if (!capabilities.CanReach(portPhysical + PortMemoryLayout.PageBytes) || !capabilities.CanReach(buffer.Physical + (ulong)buffer.Bytes))
            {
                error = "the HBA has only 32-bit addressing and the DMA memory lies above 4 GiB";
                return false;
            }
            if (!host.IdleAllPorts(out int stuckPort))
            {
                Kernel.DebugWrite("disk: ahci: port " + stuckPort.ToString() + "'s command engine did not stop\n");
            }
            host.SpinUpAndDetect();

            Kernel.DebugWrite("disk: ahci: HBA version 0x" + host.Version.ToString("x") + ", " + capabilities.PortCount.ToString() + " ports (implemented 0x"
                + host.PortsImplemented.ToString("x") + "), " + capabilities.CommandSlots.ToString() + " command slots"
                + (capabilities.Addresses64Bit ? ", 64-bit" : ", 32-bit") + (capabilities.StaggeredSpinUp ? ", staggered spin-up" : "")
                + (capabilities.BiosHandoff ? ", BIOS handoff" : "") + "\n");

            AhciPort disk = FindDisk(host, registers, portMemory, portPhysical, (uint)notification, interruptSlot);
            if (disk == null)
            {
                error = NoDiskError;
                return false;
            }
            if (!disk.Start())
            {
                error = "port " + disk.Number.ToString() + ": the device stays busy (" + disk.TaskFile.ToString() + ")";
                return false;
            }
            host.EnableInterrupts();
            // The GHC.IE write may find the port's interrupt already pending; the line was unmasked at Bind.

            BlockDeviceStatus identified = disk.Execute(AtaCommand.IdentifyDevice, 0, 0, false, buffer.Physical, IdentifyData.Bytes, false, IdentifyMilliseconds);
            if (identified != BlockDeviceStatus.Ok)
            {
                error = "port " + disk.Number.ToString() + ": IDENTIFY DEVICE failed";
                return false;
            }
            IdentifyData identity = IdentifyData.Parse(new ReadOnlySpan<byte>(buffer.Virtual, IdentifyData.Bytes));
            if (identity.SectorCount == 0 || identity.SectorSize < 512 || identity.SectorSize > 4096 || (identity.SectorSize & (identity.SectorSize - 1)) != 0)
            {
                error = "port " + disk.Number.ToString() + ": IDENTIFY reports no usable capacity (" + identity.SectorCount.ToString() + " sectors of " + identity.SectorSize.ToString() + " bytes)";
                return false;
            }
            SataStatus link = disk.Link;
            Kernel.DebugWrite("disk: ahci: port " + disk.Number.ToString() + ": \"" + identity.Model + "\" serial \"" + identity.Serial + "\", "
                + identity.SectorCount.ToString() + " sectors of " + identity.SectorSize.ToString() + " bytes, "
                + (identity.Lba48 ? "LBA48" : "LBA28") + ", SATA gen " + link.Speed.ToString() + ", IRQ " + function.InterruptLine.ToString() + "\n");
            controller = new AhciDisk(disk, buffer, identity);
            error = null;
            return true;
        }

        // The first implemented port, in order, whose link is up and whose device signs as a SATA disk. Each candidate gets
        // the DMA page while it is looked at (its signature arrives in the first register FIS, which the HBA posts only with
        // FRE set); a port that is not a disk is stopped again. A port with a link but no signature gets one COMRESET.
        private static AhciPort FindDisk(AhciHost host, RegisterWindow registers, byte* memory, ulong physical, uint notification, uint interruptLine)
        {
            for (int number = 0; number < HostRegisters.MaximumPorts; number++)
            {
                if (!host.IsImplemented(number) || !host.LinkOf(number).DeviceReady)
                {
                    continue;
                }
                AhciPort port = new AhciPort(registers, host.Capabilities, number, memory, physical, notification, interruptLine);
                port.AttachMemory();
                bool ready = port.WaitUntilReady();
                if (!ready && port.Stop(fisReceiveToo: true) && port.ResetLink())
                {
                    port.AttachMemory();
                    ready = port.WaitUntilReady();
                }
                DeviceKind kind = DeviceSignature.Classify(port.Signature);
                Kernel.DebugWrite("disk: ahci: port " + number.ToString() + ": " + DeviceSignature.Name(kind) + " (signature 0x" + port.Signature.ToString("x8")
                    + ", " + port.TaskFile.ToString() + (ready ? "" : ", not ready") + ")\n");
                if (ready && kind == DeviceKind.Sata)
                {
                    return port;
                }
                port.Stop(fisReceiveToo: true);
                port.Silence();
            }
            return null;
        }

        private static string Sigma0Name(Sigma0Status status) => status == Sigma0Client.Unreachable ? "unreachable" : ((uint)status).ToString();
    }
}
