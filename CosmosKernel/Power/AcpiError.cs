namespace CosmosKernel.Power
{
    /// <summary>Why an ACPI operation was not possible (None: it was).</summary>
    internal enum AcpiError
    {
        None,
        /// <summary>Neither the boot loader nor the BIOS areas provide an RSDP.</summary>
        NoRsdp,
        /// <summary>The RSDP's signature or checksum is wrong.</summary>
        RsdpInvalid,
        /// <summary>A table lies outside the memory the kernel can read.</summary>
        TableOutsideWindow,
        /// <summary>A table's length or checksum is wrong.</summary>
        TableInvalid,
        /// <summary>The RSDT/XSDT lists no FADT ("FACP").</summary>
        NoFadt,
        /// <summary>The FADT names no DSDT.</summary>
        NoDsdt,
        /// <summary>The DSDT defines no \_S5 (soft-off) object.</summary>
        NoSoftOffObject,
        /// <summary>The \_S5 object is not a package of integers as expected.</summary>
        SoftOffObjectMalformed,
        /// <summary>The FADT has no PM1a control block, or only one in memory space (not supported).</summary>
        NoPowerManagementControlBlock,
        /// <summary>Switching the chipset into ACPI mode (SMI_CMD / ACPI_ENABLE) timed out.</summary>
        AcpiEnableTimedOut,
        /// <summary>Sleep state 5 was requested, but the machine is still running.</summary>
        ShutdownDidNotHappen,
    }

    /// <summary>Human-readable descriptions of <see cref="AcpiError"/> (string literals: no allocation).</summary>
    internal static class AcpiErrors
    {
        public static string Describe(AcpiError error)
        {
            switch (error)
            {
                case AcpiError.None: return "no error";
                case AcpiError.NoRsdp: return "no ACPI RSDP found (boot loader tag or BIOS areas)";
                case AcpiError.RsdpInvalid: return "the ACPI RSDP has a bad signature or checksum";
                case AcpiError.TableOutsideWindow: return "an ACPI table lies outside mapped memory";
                case AcpiError.TableInvalid: return "an ACPI table has a bad length or checksum";
                case AcpiError.NoFadt: return "no ACPI FADT";
                case AcpiError.NoDsdt: return "the FADT names no DSDT";
                case AcpiError.NoSoftOffObject: return "the DSDT has no \\_S5 object";
                case AcpiError.SoftOffObjectMalformed: return "the \\_S5 object is malformed";
                case AcpiError.NoPowerManagementControlBlock: return "no usable PM1a control block in the FADT";
                case AcpiError.AcpiEnableTimedOut: return "enabling ACPI mode timed out";
                case AcpiError.ShutdownDidNotHappen: return "the machine did not power off";
                default: return "unknown ACPI error";
            }
        }
    }
}
