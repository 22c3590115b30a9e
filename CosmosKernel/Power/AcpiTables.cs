using CosmosKernel.Memory;

namespace CosmosKernel.Power
{
    /// <summary>
    /// Reads the static ACPI tables far enough to shut down: RSDP -> RSDT (32-bit entries) or XSDT (64-bit
    /// entries, ACPI 2.0+) -> FADT ("FACP") -> DSDT, checking signatures, lengths and checksums, and reaching
    /// memory only through a <see cref="PhysicalMemoryWindow"/>. Pure logic: compiled into the host tests.
    /// </summary>
    internal static unsafe class AcpiTables
    {
        public const uint RsdpVersion1Length = 20;
        private const uint SdtHeaderLength = 36;

        // RSDP fields.
        private const int RsdpRevisionOffset = 15;
        private const int RsdpRsdtOffset = 16;
        private const int RsdpLengthOffset = 20;
        private const int RsdpXsdtOffset = 24;
        private const uint RsdpVersion2Length = 36;

        // FADT fields (ACPI 6.x numbering; the 64-bit "X_" fields exist only in longer tables).
        private const int FadtDsdtOffset = 40;
        private const int FadtSmiCommandOffset = 48;
        private const int FadtAcpiEnableOffset = 52;
        private const int FadtPm1aControlOffset = 64;
        private const int FadtPm1bControlOffset = 68;
        private const int FadtExtendedDsdtOffset = 140;
        private const int FadtExtendedPm1aControlOffset = 172;
        private const int FadtExtendedPm1bControlOffset = 184;
        private const byte AddressSpaceSystemIo = 1;

        /// <summary>
        /// True when <paramref name="rsdp"/> (with <paramref name="available"/> readable bytes) is a valid RSDP:
        /// "RSD PTR " signature, the ACPI 1.0 checksum over 20 bytes and, for revision 2+, the extended
        /// checksum over its full length.
        /// </summary>
        public static bool IsValidRsdp(byte* rsdp, uint available)
        {
            if (available < RsdpVersion1Length || !HasSignature(rsdp, "RSD PTR ") || !ChecksumIsZero(rsdp, RsdpVersion1Length))
            {
                return false;
            }
            if (rsdp[RsdpRevisionOffset] >= 2)
            {
                uint length = *(uint*)(rsdp + RsdpLengthOffset);
                return available >= RsdpVersion2Length && length >= RsdpVersion2Length && length <= available && ChecksumIsZero(rsdp, length);
            }
            return true;
        }

        /// <summary>
        /// Scans [start, start + length) on 16-byte boundaries for a valid RSDP (as the BIOS leaves it in the
        /// EBDA or at 0xE0000-0xFFFFF). Returns its address, or Null when there is none.
        /// </summary>
        public static PhysicalAddress ScanForRsdp(PhysicalMemoryWindow window, PhysicalAddress start, ulong length)
        {
            PhysicalAddress first = start.AlignUp(16);
            for (ulong offset = first.Subtract(start); offset + RsdpVersion1Length <= length; offset += 16)
            {
                PhysicalAddress candidate = start.Add(offset);
                if (!window.Contains(candidate, RsdpVersion1Length))
                {
                    break;
                }
                ulong readable = length - offset;
                uint available = readable > RsdpVersion2Length ? RsdpVersion2Length : (uint)readable;
                if (IsValidRsdp(window.ToPointer(candidate), available))
                {
                    return candidate;
                }
            }
            return PhysicalAddress.Null;
        }

        /// <summary>
        /// Finds the table with <paramref name="signature"/> (4 characters) listed by the XSDT (when the RSDP
        /// has one) or the RSDT. Precondition: the RSDP at <paramref name="rsdp"/> is valid.
        /// Returns None and the table's address, or NoFadt-style absence as <paramref name="missing"/>,
        /// TableOutsideWindow or TableInvalid.
        /// </summary>
        public static AcpiError FindTable(PhysicalMemoryWindow window, PhysicalAddress rsdp, string signature, AcpiError missing, out PhysicalAddress table)
        {
            table = PhysicalAddress.Null;
            byte* rsdpBytes = window.ToPointer(rsdp);
            bool extended = rsdpBytes[RsdpRevisionOffset] >= 2 && *(ulong*)(rsdpBytes + RsdpXsdtOffset) != 0;
            PhysicalAddress root = new PhysicalAddress(extended ? *(ulong*)(rsdpBytes + RsdpXsdtOffset) : *(uint*)(rsdpBytes + RsdpRsdtOffset));
            AcpiError error = CheckTable(window, root, extended ? "XSDT" : "RSDT");
            if (error != AcpiError.None)
            {
                return error;
            }
            byte* rootBytes = window.ToPointer(root);
            uint entrySize = extended ? 8u : 4u;
            uint entryCount = (TableLength(rootBytes) - SdtHeaderLength) / entrySize;
            for (uint i = 0; i < entryCount; i++)
            {
                byte* entry = rootBytes + SdtHeaderLength + i * entrySize;
                PhysicalAddress candidate = new PhysicalAddress(extended ? *(ulong*)entry : *(uint*)entry);
                if (candidate.IsNull || !window.Contains(candidate, SdtHeaderLength))
                {
                    continue;
                }
                if (HasSignature(window.ToPointer(candidate), signature))
                {
                    error = CheckTable(window, candidate, signature);
                    if (error != AcpiError.None)
                    {
                        return error;
                    }
                    table = candidate;
                    return AcpiError.None;
                }
            }
            return missing;
        }

        /// <summary>
        /// Gathers what S5 needs from the FADT and the DSDT's \_S5 package. Precondition: the RSDP at
        /// <paramref name="rsdp"/> is valid. Returns None, or the first reason it cannot be done.
        /// </summary>
        public static AcpiError FindSoftOffControl(PhysicalMemoryWindow window, PhysicalAddress rsdp, out SoftOffControl control)
        {
            control = default;
            AcpiError error = FindTable(window, rsdp, "FACP", AcpiError.NoFadt, out PhysicalAddress fadt);
            if (error != AcpiError.None)
            {
                return error;
            }
            byte* fadtBytes = window.ToPointer(fadt);
            uint fadtLength = TableLength(fadtBytes);

            if (!TryReadControlPort(fadtBytes, fadtLength, FadtPm1aControlOffset, FadtExtendedPm1aControlOffset, out ushort pm1a) || pm1a == 0)
            {
                return AcpiError.NoPowerManagementControlBlock;
            }
            TryReadControlPort(fadtBytes, fadtLength, FadtPm1bControlOffset, FadtExtendedPm1bControlOffset, out ushort pm1b);

            ulong dsdtAddress = 0;
            if (fadtLength >= FadtExtendedDsdtOffset + 8)
            {
                dsdtAddress = *(ulong*)(fadtBytes + FadtExtendedDsdtOffset);
            }
            if (dsdtAddress == 0 && fadtLength >= FadtDsdtOffset + 4)
            {
                dsdtAddress = *(uint*)(fadtBytes + FadtDsdtOffset);
            }
            if (dsdtAddress == 0)
            {
                return AcpiError.NoDsdt;
            }
            PhysicalAddress dsdt = new PhysicalAddress(dsdtAddress);
            error = CheckTable(window, dsdt, "DSDT");
            if (error != AcpiError.None)
            {
                return error;
            }
            byte* dsdtBytes = window.ToPointer(dsdt);
            error = AmlSoftOffPackage.FindSleepTypes(dsdtBytes + SdtHeaderLength, TableLength(dsdtBytes) - SdtHeaderLength, out byte typeA, out byte typeB);
            if (error != AcpiError.None)
            {
                return error;
            }
            ushort smiCommand = fadtLength >= FadtSmiCommandOffset + 4 ? (ushort)*(uint*)(fadtBytes + FadtSmiCommandOffset) : (ushort)0;
            byte acpiEnable = fadtLength > FadtAcpiEnableOffset ? fadtBytes[FadtAcpiEnableOffset] : (byte)0;
            control = new SoftOffControl(pm1a, pm1b, typeA, typeB, smiCommand, acpiEnable);
            return AcpiError.None;
        }

        // A PM1 control block port: the 64-bit generic address when present and in I/O space, else the 32-bit
        // field. False when the only description is a generic address outside I/O space.
        private static bool TryReadControlPort(byte* fadt, uint fadtLength, int legacyOffset, int extendedOffset, out ushort port)
        {
            port = 0;
            if (fadtLength >= extendedOffset + 12)
            {
                byte addressSpace = fadt[extendedOffset];
                ulong address = *(ulong*)(fadt + extendedOffset + 4);
                if (address != 0)
                {
                    if (addressSpace != AddressSpaceSystemIo)
                    {
                        return false;
                    }
                    port = (ushort)address;
                    return true;
                }
            }
            if (fadtLength >= legacyOffset + 4)
            {
                port = (ushort)*(uint*)(fadt + legacyOffset);
            }
            return true;
        }

        // A table is usable when its header and full length are readable, the signature matches, the length
        // covers the header and the bytes sum to zero.
        private static AcpiError CheckTable(PhysicalMemoryWindow window, PhysicalAddress table, string signature)
        {
            if (table.IsNull || !window.Contains(table, SdtHeaderLength))
            {
                return AcpiError.TableOutsideWindow;
            }
            byte* bytes = window.ToPointer(table);
            uint length = TableLength(bytes);
            if (!HasSignature(bytes, signature) || length < SdtHeaderLength)
            {
                return AcpiError.TableInvalid;
            }
            if (!window.Contains(table, length))
            {
                return AcpiError.TableOutsideWindow;
            }
            return ChecksumIsZero(bytes, length) ? AcpiError.None : AcpiError.TableInvalid;
        }

        private static uint TableLength(byte* table) => *(uint*)(table + 4);

        private static bool HasSignature(byte* bytes, string signature)
        {
            for (int i = 0; i < signature.Length; i++)
            {
                if (bytes[i] != signature[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static bool ChecksumIsZero(byte* bytes, uint length)
        {
            byte sum = 0;
            for (uint i = 0; i < length; i++)
            {
                sum += bytes[i];
            }
            return sum == 0;
        }
    }
}
