using Cosmos.Api.Devices;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Turns hardware facts into the run words of the drivers that use the hardware: the framebuffer from the kernel
    /// information page for the console, and a storage controller's ports, memory and interrupt line from the PCI driver's
    /// description for the disk driver. The root task holds every port, interrupt line and sigma0's device port; a driver
    /// gets exactly the ranges its controller decodes. Pure logic: host-tested.
    /// </summary>
    internal static class DeviceResources
    {
        public const byte MassStorageClass = 0x01;
        public const byte IdeSubclass = 0x01;
        public const byte SataSubclass = 0x06;

        private const int SmallestBlockLog2 = 12;
        private const byte DirectRgbFramebuffer = 1;

        // The legacy ("compatibility mode") primary IDE channel: command block, control port and interrupt line.
        private const string LegacyPrimaryChannel = "+io=0x1f0-0x1f7+io=0x3f6-0x3f6+irq=14";
        private const int AhciBar = 5;
        private const int BusMasterBar = 4;
        private const int PrimaryNativeModeBit = 0x01;

        /// <summary>
        /// "console+register+device=0xb8000/15+io=0x3d4-0x3d5", plus the block covering the boot loader's framebuffer when
        /// there is a direct-colour one (type 1 in the kernel information page's framebuffer fields).
        /// </summary>
        public static string ConsoleRunWord(ulong framebuffer, uint pitch, uint height, byte type)
        {
            string word = "console+register+device=0xb8000/15+io=0x3d4-0x3d5";
            if (type == DirectRgbFramebuffer && framebuffer != 0)
            {
                int log2 = CoveringBlockLog2(framebuffer, (ulong)pitch * height);
                ulong mask = (1UL << log2) - 1;
                word += "+device=0x" + (framebuffer & ~mask).ToString("x") + "/" + log2.ToString();
            }
            return word;
        }

        /// <summary>
        /// The disk driver's run word for the controller <paramref name="function"/> (PCI function number
        /// <paramref name="index"/>), or null with <paramref name="reason"/> when it cannot be driven.
        /// </summary>
        public static string DiskRunWord(int index, in PciFunction function, out string reason)
        {
            reason = null;
            string prefix = "disk:";
            if (function.SubClass == IdeSubclass)
            {
                string word = prefix + "ide:" + index.ToString() + "+register+sigma0";
                if ((function.ProgrammingInterface & PrimaryNativeModeBit) == 0)
                {
                    word += LegacyPrimaryChannel;
                }
                else
                {
                    PciBar command = function.Bar(0);
                    PciBar control = function.Bar(1);
                    if (!command.IsIo || !control.IsIo || !IsLegacyLine(function.InterruptLine))
                    {
                        reason = "native-mode IDE without I/O BARs or a legacy interrupt line";
                        return null;
                    }
                    word += Ports(command.Base, 8) + Ports(control.Base + 2, 1) + "+irq=" + function.InterruptLine.ToString();
                }
                PciBar busMaster = function.Bar(BusMasterBar);
                if (busMaster.IsImplemented && busMaster.IsIo)
                {
                    word += Ports(busMaster.Base, busMaster.Size);
                }
                return word;
            }
            PciBar abar = function.Bar(AhciBar);
            if (!abar.IsImplemented || abar.IsIo)
            {
                reason = "the AHCI controller has no memory BAR 5";
                return null;
            }
            if (!IsLegacyLine(function.InterruptLine))
            {
                reason = "the AHCI controller has no legacy interrupt line (" + function.InterruptLine.ToString() + ")";
                return null;
            }
            int log2 = CoveringBlockLog2(abar.Base, abar.Size);
            ulong mask = (1UL << log2) - 1;
            return prefix + "ahci:" + index.ToString() + "+register+sigma0+device=0x" + (abar.Base & ~mask).ToString("x") + "/" + log2.ToString()
                + "+irq=" + function.InterruptLine.ToString();
        }

        /// <summary>The smallest naturally aligned block (at least 4 KiB) that covers [base, base + bytes).</summary>
        public static int CoveringBlockLog2(ulong physical, ulong bytes)
        {
            int log2 = SmallestBlockLog2;
            ulong end = physical + (bytes == 0 ? 1 : bytes);
            while (log2 < 47 && (physical >> log2) != ((end - 1) >> log2))
            {
                log2++;
            }
            return log2;
        }

        // Legacy 8259 lines the root task can hand out, leaving out the cascade (2).
        private static bool IsLegacyLine(byte line) => line < 16 && line != 2;

        private static string Ports(ulong first, ulong count) => "+io=0x" + first.ToString("x") + "-0x" + (first + count - 1).ToString("x");
    }
}
