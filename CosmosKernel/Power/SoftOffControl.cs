namespace CosmosKernel.Power
{
    /// <summary>
    /// Everything needed to enter ACPI sleep state S5 (soft off): the PM1a/PM1b control ports and the
    /// SLP_TYP values from \_S5, plus the SMI command port and value that switch the chipset into ACPI mode.
    /// </summary>
    internal readonly struct SoftOffControl
    {
        public readonly ushort Pm1aControlPort;
        /// <summary>0 when the chipset has no PM1b block.</summary>
        public readonly ushort Pm1bControlPort;
        public readonly byte SleepTypeA;
        public readonly byte SleepTypeB;
        /// <summary>0 when the machine is always in ACPI mode.</summary>
        public readonly ushort SmiCommandPort;
        public readonly byte AcpiEnableValue;

        public SoftOffControl(ushort pm1aControlPort, ushort pm1bControlPort, byte sleepTypeA, byte sleepTypeB, ushort smiCommandPort, byte acpiEnableValue)
        {
            Pm1aControlPort = pm1aControlPort;
            Pm1bControlPort = pm1bControlPort;
            SleepTypeA = sleepTypeA;
            SleepTypeB = sleepTypeB;
            SmiCommandPort = smiCommandPort;
            AcpiEnableValue = acpiEnableValue;
        }
    }
}
