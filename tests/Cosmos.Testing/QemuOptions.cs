using System;
using System.Collections.Generic;

namespace Cosmos.Testing
{
    /// <summary>The firmware the virtual machine starts with.</summary>
    public enum Firmware
    {
        /// <summary>SeaBIOS, QEMU's default: GRUB boots from the El Torito or MBR boot record.</summary>
        Bios,

        /// <summary>OVMF (package ovmf): GRUB boots as an EFI application from the image's EFI system partition.</summary>
        Uefi,
    }

    /// <summary>How the OS image is presented to the virtual machine.</summary>
    public enum BootMedium
    {
        /// <summary>The ISO as a CD-ROM (-cdrom): the El Torito boot path.</summary>
        CdRom,

        /// <summary>A copy of the ISO as a USB mass-storage stick behind an EHCI controller: the hybrid MBR/GPT path a real PC takes.</summary>
        UsbStick,
    }

    /// <summary>The QEMU machine model.</summary>
    public enum MachineType
    {
        /// <summary>i440FX + PIIX3, QEMU's default "pc".</summary>
        Pc,

        /// <summary>Q35 + ICH9, closer to a modern PC (AHCI, PCI Express).</summary>
        Q35,
    }

    /// <summary>Everything that decides how <see cref="QemuMachine"/> starts QEMU. The defaults boot the ISO from a CD with SeaBIOS.</summary>
    public sealed class QemuOptions
    {
        /// <summary>
        /// Words for the kernel command line, e.g. "selftest" or "fault=null". They reach the kernel as an SMBIOS OEM string
        /// (type 11) "cosmos:WORDS" that iso/grub.cfg reads and appends to the multiboot2 command line. Empty means no words.
        /// </summary>
        public string KernelCommandLine { get; set; } = "";

        public Firmware Firmware { get; set; } = Firmware.Bios;

        public BootMedium BootMedium { get; set; } = BootMedium.CdRom;

        public MachineType MachineType { get; set; } = MachineType.Pc;

        /// <summary>Guest memory in MiB (-m).</summary>
        public int MemoryMiB { get; set; } = 256;

        /// <summary>
        /// Arguments appended to the QEMU command line as they are, e.g. extra disks
        /// ("-drive", "file=disk.img,format=raw,if=ide") or a CPU model ("-cpu", "max").
        /// </summary>
        public List<string> ExtraArguments { get; } = new List<string>();

        /// <summary>The image to boot; null means iso/out/os.iso in the repository (see <see cref="RepositoryLayout"/>).</summary>
        public string ImagePath { get; set; }

        /// <summary>
        /// How long a wait (<see cref="QemuMachine.WaitForLineAsync(string, TimeSpan?, System.Threading.CancellationToken)"/> and friends)
        /// lasts when the caller gives no timeout. Boots take about 1 s with SeaBIOS and 4 s with OVMF under TCG; the default is far
        /// larger so that a loaded CI machine never turns a slow boot into a failure.
        /// </summary>
        public TimeSpan DefaultTimeout { get; set; } = QemuEnvironment.DefaultTimeout;
    }
}
