using CosmosKernel.Memory;
using CosmosKernel.Platform;

namespace CosmosKernel.Power
{
    /// <summary>
    /// ACPI power-off (sleep state S5). The RSDP comes from the boot loader's copy when there is one, otherwise
    /// from the BIOS areas (the first KiB of the EBDA, then 0xE0000-0xFFFFF). The tables are read through the
    /// direct map; the power-management registers are I/O ports.
    /// </summary>
    internal static unsafe class Acpi
    {
        private const ushort SleepEnable = 1 << 13;
        private const ushort SleepTypeShift = 10;
        private const ushort SleepTypeMask = 7 << SleepTypeShift;
        private const ushort SciEnable = 1;
        private const ulong EbdaSegmentPointer = 0x40E;
        private const ulong BiosAreaStart = 0xE0000;
        private const ulong BiosAreaLength = 0x20000;
        private const int AcpiEnablePolls = 1000000;
        private const int PowerOffPolls = 1000000;

        private static PhysicalAddress s_bootLoaderRsdp;
        private static uint s_bootLoaderRsdpLength;

        /// <summary>Remembers the boot loader's copy of the RSDP (Null when it gave none).</summary>
        public static void SetBootLoaderRsdp(PhysicalAddress rsdp, uint length)
        {
            s_bootLoaderRsdp = rsdp;
            s_bootLoaderRsdpLength = length;
        }

        /// <summary>Turns the machine off through ACPI only; returns the reason when that was not possible.</summary>
        public static AcpiError Shutdown() => Shutdown(false);

        /// <summary>
        /// Turns the machine off. Returns only when that was not possible, with the reason (see
        /// AcpiErrors.Describe). When <paramref name="fallBackToQemuDebugExit"/> is set and ACPI fails, QEMU's
        /// debug-exit device is tried before returning (exit status 33).
        /// Precondition: the kernel page table and direct map are active; interrupts off.
        /// </summary>
        public static AcpiError Shutdown(bool fallBackToQemuDebugExit)
        {
            AcpiError error = TryEnterSoftOff();
            if (fallBackToQemuDebugExit)
            {
                QemuDebugExit.Exit(QemuDebugExit.Success);
            }
            return error;
        }

        /// <summary>Finds the RSDP: the boot loader's copy if valid, else a BIOS-area scan. Null when there is none.</summary>
        public static PhysicalAddress FindRsdp()
        {
            PhysicalMemoryWindow window = KernelMemory.Window;
            if (!s_bootLoaderRsdp.IsNull && window.Contains(s_bootLoaderRsdp, s_bootLoaderRsdpLength)
                && AcpiTables.IsValidRsdp(window.ToPointer(s_bootLoaderRsdp), s_bootLoaderRsdpLength))
            {
                return s_bootLoaderRsdp;
            }
            ulong ebda = (ulong)*(ushort*)window.ToPointer(new PhysicalAddress(EbdaSegmentPointer)) << 4;
            if (ebda != 0)
            {
                PhysicalAddress found = AcpiTables.ScanForRsdp(window, new PhysicalAddress(ebda), 1024);
                if (!found.IsNull)
                {
                    return found;
                }
            }
            return AcpiTables.ScanForRsdp(window, new PhysicalAddress(BiosAreaStart), BiosAreaLength);
        }

        private static AcpiError TryEnterSoftOff()
        {
            PhysicalAddress rsdp = FindRsdp();
            if (rsdp.IsNull)
            {
                return AcpiError.NoRsdp;
            }
            AcpiError error = AcpiTables.FindSoftOffControl(KernelMemory.Window, rsdp, out SoftOffControl control);
            if (error != AcpiError.None)
            {
                return error;
            }
            error = EnableAcpiMode(control);
            if (error != AcpiError.None)
            {
                return error;
            }
            WriteSleepRequest(control.Pm1aControlPort, control.SleepTypeA);
            if (control.Pm1bControlPort != 0)
            {
                WriteSleepRequest(control.Pm1bControlPort, control.SleepTypeB);
            }
            // Power-off is not instantaneous on real hardware; give it a moment before declaring failure.
            for (int i = 0; i < PowerOffPolls; i++)
            {
                Native.InByte(0x80);
            }
            return AcpiError.ShutdownDidNotHappen;
        }

        // Legacy firmware starts in SMM mode; writing ACPI_ENABLE to the SMI command port hands the
        // power-management registers to the OS, after which SCI_EN reads 1.
        private static AcpiError EnableAcpiMode(SoftOffControl control)
        {
            if ((Native.InWord(control.Pm1aControlPort) & SciEnable) != 0 || control.SmiCommandPort == 0 || control.AcpiEnableValue == 0)
            {
                return AcpiError.None;
            }
            Native.OutByte(control.SmiCommandPort, control.AcpiEnableValue);
            for (int i = 0; i < AcpiEnablePolls; i++)
            {
                if ((Native.InWord(control.Pm1aControlPort) & SciEnable) != 0)
                {
                    return AcpiError.None;
                }
            }
            return AcpiError.AcpiEnableTimedOut;
        }

        private static void WriteSleepRequest(ushort port, byte sleepType)
        {
            ushort value = Native.InWord(port);
            value = (ushort)((value & ~SleepTypeMask) | ((sleepType << SleepTypeShift) & SleepTypeMask) | SleepEnable);
            Native.OutWord(port, value);
        }
    }
}
