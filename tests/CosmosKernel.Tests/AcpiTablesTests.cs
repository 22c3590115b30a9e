using System;
using System.Collections.Generic;
using System.Text;
using CosmosKernel.Memory;
using CosmosKernel.Power;
using Xunit;

namespace CosmosKernel.Tests
{
    public sealed unsafe class AcpiTablesTests : IDisposable
    {
        private const ulong MemorySize = 2 * 1024 * 1024;
        private const ulong RsdpAddress = 0xE0010;
        private const ulong RootAddress = 0x10000;
        private const ulong FadtAddress = 0x11000;
        private const ulong OtherTableAddress = 0x12000;
        private const ulong DsdtAddress = 0x13000;

        // Name (_S5, Package (4) { 5, 5, 0, 0 }) as iasl encodes it.
        private static readonly byte[] s_softOffDefinition = { 0x08, (byte)'_', (byte)'S', (byte)'5', (byte)'_', 0x12, 0x08, 0x04, 0x0A, 0x05, 0x0A, 0x05, 0x00, 0x00 };

        private readonly SimulatedPhysicalMemory _memory = new SimulatedPhysicalMemory(MemorySize);

        public void Dispose() => _memory.Dispose();

        // An ACPI table: 36-byte header (signature, length, revision, checksum, OEM fields) and body, checksummed.
        private static byte[] Table(string signature, byte[] body, byte revision = 1)
        {
            var bytes = new byte[36 + body.Length];
            Encoding.ASCII.GetBytes(signature).CopyTo(bytes, 0);
            BitConverter.GetBytes((uint)bytes.Length).CopyTo(bytes, 4);
            bytes[8] = revision;
            Encoding.ASCII.GetBytes("COSMOS").CopyTo(bytes, 10);
            body.CopyTo(bytes, 36);
            bytes[9] = Checksum(bytes, bytes.Length);
            return bytes;
        }

        private static byte Checksum(byte[] bytes, int length)
        {
            byte sum = 0;
            for (int i = 0; i < length; i++)
            {
                sum += bytes[i];
            }
            return (byte)(0 - sum);
        }

        private static byte[] Rsdp(byte revision, uint rsdt, ulong xsdt)
        {
            var bytes = new byte[revision >= 2 ? 36 : 20];
            Encoding.ASCII.GetBytes("RSD PTR ").CopyTo(bytes, 0);
            Encoding.ASCII.GetBytes("COSMOS").CopyTo(bytes, 9);
            bytes[15] = revision;
            BitConverter.GetBytes(rsdt).CopyTo(bytes, 16);
            bytes[8] = Checksum(bytes, 20);
            if (revision >= 2)
            {
                BitConverter.GetBytes(36u).CopyTo(bytes, 20);
                BitConverter.GetBytes(xsdt).CopyTo(bytes, 24);
                bytes[32] = Checksum(bytes, 36);
            }
            return bytes;
        }

        // An ACPI 1.0-sized FADT body (116-byte table) or a 6.x-sized one (276 bytes) with the 64-bit fields.
        private static byte[] FadtBody(bool extended, uint dsdt, ulong extendedDsdt = 0, ushort pm1a = 0x604, ushort pm1b = 0, ulong extendedPm1a = 0, byte extendedPm1aSpace = 1)
        {
            var table = new byte[extended ? 276 : 116];
            BitConverter.GetBytes(dsdt).CopyTo(table, 40);
            BitConverter.GetBytes(0xB2u).CopyTo(table, 48);
            table[52] = 0xF1;
            BitConverter.GetBytes((uint)pm1a).CopyTo(table, 64);
            BitConverter.GetBytes((uint)pm1b).CopyTo(table, 68);
            if (extended)
            {
                BitConverter.GetBytes(extendedDsdt).CopyTo(table, 140);
                table[172] = extendedPm1aSpace;
                BitConverter.GetBytes(extendedPm1a).CopyTo(table, 176);
            }
            return table[36..];
        }

        private static byte[] Aml(params byte[][] pieces)
        {
            var bytes = new List<byte> { 0x10, 0x05, (byte)'\\', (byte)'_', (byte)'S', (byte)'B', (byte)'_' }; // some unrelated AML first
            foreach (byte[] piece in pieces)
            {
                bytes.AddRange(piece);
            }
            return bytes.ToArray();
        }

        private void InstallVersion1(byte[] dsdtBody = null, byte[] fadtBody = null)
        {
            _memory.Write(RsdpAddress, Rsdp(0, (uint)RootAddress, 0));
            var entries = new byte[8];
            BitConverter.GetBytes((uint)OtherTableAddress).CopyTo(entries, 0);
            BitConverter.GetBytes((uint)FadtAddress).CopyTo(entries, 4);
            _memory.Write(RootAddress, Table("RSDT", entries));
            _memory.Write(OtherTableAddress, Table("APIC", new byte[8]));
            _memory.Write(FadtAddress, Table("FACP", fadtBody ?? FadtBody(false, (uint)DsdtAddress)));
            _memory.Write(DsdtAddress, Table("DSDT", dsdtBody ?? Aml(s_softOffDefinition)));
        }

        private AcpiError FindSoftOff(out SoftOffControl control) => AcpiTables.FindSoftOffControl(_memory.Window, new PhysicalAddress(RsdpAddress), out control);

        [Fact]
        public void Version1TablesGiveTheSoftOffControl()
        {
            InstallVersion1();

            AcpiError error = FindSoftOff(out SoftOffControl control);

            Assert.Equal(AcpiError.None, error);
            Assert.Equal(0x604, control.Pm1aControlPort);
            Assert.Equal(0, control.Pm1bControlPort);
            Assert.Equal(5, control.SleepTypeA);
            Assert.Equal(5, control.SleepTypeB);
            Assert.Equal(0xB2, control.SmiCommandPort);
            Assert.Equal(0xF1, control.AcpiEnableValue);
        }

        [Fact]
        public void Version2TablesUseTheXsdtAndTheExtendedFields()
        {
            const ulong XsdtAddress = 0x20000;
            const ulong Dsdt64 = 0x30000;
            _memory.Write(RsdpAddress, Rsdp(2, 0xDEAD0, XsdtAddress)); // the RSDT address is wrong on purpose: the XSDT must win
            var entries = new byte[8];
            BitConverter.GetBytes(FadtAddress).CopyTo(entries, 0);
            _memory.Write(XsdtAddress, Table("XSDT", entries));
            _memory.Write(FadtAddress, Table("FACP", FadtBody(true, dsdt: 0xBAD, extendedDsdt: Dsdt64, pm1a: 0xBAD, extendedPm1a: 0xB004), revision: 6));
            _memory.Write(Dsdt64, Table("DSDT", Aml(new byte[] { 0x08, (byte)'\\', (byte)'_', (byte)'S', (byte)'5', (byte)'_', 0x12, 0x06, 0x02, 0x01, 0x0A, 0x07 })));

            AcpiError error = FindSoftOff(out SoftOffControl control);

            Assert.Equal(AcpiError.None, error);
            Assert.Equal(0xB004, control.Pm1aControlPort);
            Assert.Equal(1, control.SleepTypeA);
            Assert.Equal(7, control.SleepTypeB);
        }

        [Fact]
        public void ControlBlockOutsideIoSpaceIsNotSupported()
        {
            _memory.Write(RsdpAddress, Rsdp(0, (uint)RootAddress, 0));
            var entries = new byte[4];
            BitConverter.GetBytes((uint)FadtAddress).CopyTo(entries, 0);
            _memory.Write(RootAddress, Table("RSDT", entries));
            _memory.Write(FadtAddress, Table("FACP", FadtBody(true, (uint)DsdtAddress, extendedPm1a: 0xFED00000, extendedPm1aSpace: 0)));
            _memory.Write(DsdtAddress, Table("DSDT", Aml(s_softOffDefinition)));

            Assert.Equal(AcpiError.NoPowerManagementControlBlock, FindSoftOff(out _));
        }

        [Fact]
        public void MissingFadtIsReported()
        {
            _memory.Write(RsdpAddress, Rsdp(0, (uint)RootAddress, 0));
            var entries = new byte[4];
            BitConverter.GetBytes((uint)OtherTableAddress).CopyTo(entries, 0);
            _memory.Write(RootAddress, Table("RSDT", entries));
            _memory.Write(OtherTableAddress, Table("APIC", new byte[8]));

            Assert.Equal(AcpiError.NoFadt, FindSoftOff(out _));
        }

        [Fact]
        public void MissingDsdtOrSoftOffObjectIsReported()
        {
            InstallVersion1(fadtBody: FadtBody(false, dsdt: 0));
            Assert.Equal(AcpiError.NoDsdt, FindSoftOff(out _));

            InstallVersion1(dsdtBody: Aml(new byte[] { 0x08, (byte)'_', (byte)'S', (byte)'4', (byte)'_', 0x12, 0x04, 0x01, 0x00 }));
            Assert.Equal(AcpiError.NoSoftOffObject, FindSoftOff(out _));
        }

        [Fact]
        public void CorruptTableIsRejected()
        {
            InstallVersion1();
            _memory.PointerTo(DsdtAddress)[40] ^= 0xFF; // breaks the checksum

            Assert.Equal(AcpiError.TableInvalid, FindSoftOff(out _));
        }

        [Fact]
        public void TableOutsideTheWindowIsRejected()
        {
            InstallVersion1(fadtBody: FadtBody(false, dsdt: 0x7FFF0000));

            Assert.Equal(AcpiError.TableOutsideWindow, FindSoftOff(out _));
        }

        [Fact]
        public void RsdpValidationChecksSignatureAndBothChecksums()
        {
            byte[] good1 = Rsdp(0, 0x1000, 0);
            byte[] good2 = Rsdp(2, 0x1000, 0x2000);
            byte[] badSignature = Rsdp(0, 0x1000, 0);
            badSignature[0] = (byte)'X';
            byte[] badChecksum = Rsdp(0, 0x1000, 0);
            badChecksum[16] ^= 1;
            byte[] badExtended = Rsdp(2, 0x1000, 0x2000);
            badExtended[24] ^= 1;

            Assert.True(IsValid(good1));
            Assert.True(IsValid(good2));
            Assert.False(IsValid(badSignature));
            Assert.False(IsValid(badChecksum));
            Assert.False(IsValid(badExtended));
            Assert.False(IsValid(good2, 20)); // a revision-2 RSDP needs its 36 bytes
        }

        private static bool IsValid(byte[] rsdp, uint? available = null)
        {
            fixed (byte* pointer = rsdp)
            {
                return AcpiTables.IsValidRsdp(pointer, available ?? (uint)rsdp.Length);
            }
        }

        [Fact]
        public void ScanFindsTheRsdpOnASixteenByteBoundary()
        {
            _memory.Write(0xE0000 + 0x1230, Rsdp(0, 0x1000, 0));
            _memory.Write(0xE0000 + 0x0108, Rsdp(0, 0x1000, 0)); // not 16-byte aligned: must be ignored

            PhysicalAddress found = AcpiTables.ScanForRsdp(_memory.Window, new PhysicalAddress(0xE0000), 0x20000);

            Assert.Equal(0xE1230UL, found.Value);
            Assert.True(AcpiTables.ScanForRsdp(_memory.Window, new PhysicalAddress(0xF0000), 0x10000).IsNull);
        }

        [Theory]
        [InlineData(new byte[] { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x04, 0x0A, 0x05, 0x0A, 0x05, 0x00, 0x00 }, 5, 5)]
        [InlineData(new byte[] { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x04, 0x02, 0x00, 0x00 }, 0, 0)]
        [InlineData(new byte[] { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x05, 0x02, 0x01, 0x0B, 0x03, 0x00 }, 1, 3)]
        [InlineData(new byte[] { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x04, 0x01, 0x0A, 0x07 }, 7, 0)]
        [InlineData(new byte[] { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x4A, 0x00, 0x02, 0x0C, 0x06, 0, 0, 0, 0x0A, 0x02 }, 6, 2)] // two-byte PkgLength, DWord
        public void ReadsSleepTypesFromTheSoftOffPackage(byte[] definition, byte expectedA, byte expectedB)
        {
            byte[] aml = Aml(definition);
            fixed (byte* pointer = aml)
            {
                Assert.Equal(AcpiError.None, AmlSoftOffPackage.FindSleepTypes(pointer, (uint)aml.Length, out byte typeA, out byte typeB));
                Assert.Equal(expectedA, typeA);
                Assert.Equal(expectedB, typeB);
            }
        }

        [Fact]
        public void ReferencesToSoftOffAreNotDefinitions()
        {
            // Store (\_S5_, Local0) mentions the name without NameOp in front; the definition comes later.
            byte[] aml = Aml(new byte[] { 0x70, 0x5C, 0x5F, 0x53, 0x35, 0x5F, 0x60 }, s_softOffDefinition);
            fixed (byte* pointer = aml)
            {
                Assert.Equal(AcpiError.None, AmlSoftOffPackage.FindSleepTypes(pointer, (uint)aml.Length, out byte typeA, out _));
                Assert.Equal(5, typeA);
            }
        }

        [Fact]
        public void MalformedOrTruncatedPackagesAreRejected()
        {
            AssertSoftOff(AcpiError.SoftOffObjectMalformed, 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x13, 0x04);                   // not a package
            AssertSoftOff(AcpiError.SoftOffObjectMalformed, 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x02, 0x0A);       // cut off
            AssertSoftOff(AcpiError.SoftOffObjectMalformed, 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x02, 0x70, 0x00, 0x00); // not an integer
            AssertSoftOff(AcpiError.SoftOffObjectMalformed, 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x02, 0x00, 0x00);       // no elements
            AssertSoftOff(AcpiError.NoSoftOffObject, 0x08, 0x5F, 0x53, 0x34, 0x5F, 0x12, 0x04, 0x01, 0x00);              // _S4_
        }

        private static void AssertSoftOff(AcpiError expected, params byte[] definition)
        {
            byte[] aml = Aml(definition);
            fixed (byte* pointer = aml)
            {
                Assert.Equal(expected, AmlSoftOffPackage.FindSleepTypes(pointer, (uint)aml.Length, out _, out _));
            }
        }

        [Fact]
        public void DescribesEveryError()
        {
            foreach (AcpiError error in Enum.GetValues<AcpiError>())
            {
                Assert.DoesNotContain("unknown", AcpiErrors.Describe(error));
            }
        }
    }
}
