using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The boot sequence after the root task's own services (region pager, name broker, loader service, system service):
    /// the drivers, then the shell, each supervised (<see cref="Supervisor"/>) and each given only the capabilities its
    /// run word names (docs/ARCHITECTURE.md, section 7, lists them with their slots):
    /// <list type="number">
    /// <item>pci: the configuration ports 0xCF8-0xCFF.</item>
    /// <item>serial: COM1's ports 0x3F8-0x3FF and IRQ 4.</item>
    /// <item>keyboard: the i8042's ports 0x60 and 0x64 and IRQ 1.</item>
    /// <item>console: VGA text memory (0xB8000, 32 KiB), the CRTC ports 0x3D4-0x3D5, and the boot loader's framebuffer
    /// when there is one (<see cref="DeviceResources.ConsoleRunWord"/>).</item>
    /// <item>disk: one driver per storage controller the PCI driver reports (the first IDE and the first AHCI controller),
    /// with that controller's ports, memory and interrupt line (<see cref="DeviceResources"/>), and a sigma0 right for DMA
    /// memory.</item>
    /// <item>shell: nothing beyond what every task inherits; it finds the drivers through the broker.</item>
    /// </list>
    /// Drivers run at <see cref="DriverPriority"/>, above the shell. Every driver registers its own name; the root task
    /// waits only for "pci", whose answers the disk words need.
    /// </summary>
    internal static class BootPrograms
    {
        public const byte DriverPriority = 120;
        public const byte ShellPriority = ProgramLoader.DefaultPriority;

        // How long the root task waits for the PCI driver to register before it gives up on disks.
        private const ulong PciWaitNanoseconds = 5_000_000_000;

        public static void Start()
        {
            Supervisor.Start("pci", "pci+register+io=0xcf8-0xcff", DriverPriority);
            Supervisor.Start("serial", "serial+register+io=0x3f8-0x3ff+irq=4", DriverPriority);
            Supervisor.Start("keyboard", "keyboard+register+io=0x60-0x60+io=0x64-0x64+irq=1", DriverPriority);
            Supervisor.Start("console", ConsoleRunWord(), DriverPriority);
            Supervisor.Start("shell", "shell", ShellPriority);
            StartDiskDrivers();
        }

        private static unsafe string ConsoleRunWord()
        {
            KernelInformation* information = Kernel.Information;
            return DeviceResources.ConsoleRunWord(information->FramebufferPhysical, information->FramebufferPitch, information->FramebufferHeight, information->FramebufferType);
        }

        private static void StartDiskDrivers()
        {
            PciClient pci = new PciClient();
            NameBrokerStatus status = pci.Connection.Connect(PciWaitNanoseconds);
            if (status != NameBrokerStatus.Ok)
            {
                Kernel.DebugWrite("roottask: no disk drivers: the pci driver did not register (" + NameBroker.Describe(status) + ")\n");
                return;
            }
            int started = 0;
            started += StartDiskDriver(pci, DeviceResources.MassStorageClass, DeviceResources.IdeSubclass);
            started += StartDiskDriver(pci, DeviceResources.MassStorageClass, DeviceResources.SataSubclass);
            if (started == 0)
            {
                Kernel.DebugWrite("roottask: no IDE or AHCI controller found; no disk driver started\n");
            }
            pci.Connection.Disconnect();
        }

        private static int StartDiskDriver(PciClient pci, byte baseClass, byte subClass)
        {
            PciStatus status = pci.FindClass(baseClass, subClass, 0, out int index, out PciFunction function);
            if (status != PciStatus.Ok)
            {
                if (status != PciStatus.NotFound)
                {
                    Kernel.DebugWrite("roottask: cannot ask the pci driver for storage controllers: status " + ((uint)status).ToString() + "\n");
                }
                return 0;
            }
            string word = DeviceResources.DiskRunWord(index, in function, out string reason);
            if (word == null)
            {
                Kernel.DebugWrite("roottask: no disk driver for " + function.Bus.ToString("x2") + ":" + function.DeviceNumber.ToString("x2") + "." + function.FunctionNumber.ToString() + ": " + reason + "\n");
                return 0;
            }
            return Supervisor.Start("disk", word, DriverPriority) != 0 ? 1 : 0;
        }
    }
}
