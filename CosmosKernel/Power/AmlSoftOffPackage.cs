namespace CosmosKernel.Power
{
    /// <summary>
    /// Finds the \_S5 object in AML byte code (the DSDT body) without an interpreter. Firmware defines it as
    /// Name (_S5, Package () { SLP_TYPa, SLP_TYPb, ... }), which encodes as NameOp (0x08), the name "_S5_"
    /// (possibly after a root '\' or parent '^' prefix), PackageOp (0x12), a PkgLength of 1-4 bytes, the
    /// element count, then integer elements: ZeroOp (0x00), OneOp (0x01), or BytePrefix (0x0A) / WordPrefix
    /// (0x0B) / DWordPrefix (0x0C) followed by the value. Pure logic: compiled into the host tests.
    /// </summary>
    internal static unsafe class AmlSoftOffPackage
    {
        private const byte NameOp = 0x08;
        private const byte PackageOp = 0x12;
        private const byte RootPrefix = 0x5C;
        private const byte ParentPrefix = 0x5E;
        private const byte ZeroOp = 0x00;
        private const byte OneOp = 0x01;
        private const byte BytePrefix = 0x0A;
        private const byte WordPrefix = 0x0B;
        private const byte DWordPrefix = 0x0C;

        /// <summary>
        /// Reads SLP_TYPa and SLP_TYPb from the first \_S5 definition in <paramref name="aml"/>. Returns None,
        /// NoSoftOffObject when there is no such definition, or SoftOffObjectMalformed. A package with a single
        /// element gives SLP_TYPb = 0.
        /// </summary>
        public static AcpiError FindSleepTypes(byte* aml, uint length, out byte sleepTypeA, out byte sleepTypeB)
        {
            sleepTypeA = 0;
            sleepTypeB = 0;
            for (uint i = 1; i + 4 < length; i++)
            {
                if (aml[i] != (byte)'_' || aml[i + 1] != (byte)'S' || aml[i + 2] != (byte)'5' || aml[i + 3] != (byte)'_')
                {
                    continue;
                }
                byte before = aml[i - 1];
                bool named = before == NameOp || ((before == RootPrefix || before == ParentPrefix) && i >= 2 && aml[i - 2] == NameOp);
                if (!named)
                {
                    continue; // a reference to _S5_ elsewhere, not its definition
                }
                uint position = i + 4;
                if (position >= length || aml[position] != PackageOp)
                {
                    return AcpiError.SoftOffObjectMalformed;
                }
                position++;
                if (position >= length)
                {
                    return AcpiError.SoftOffObjectMalformed;
                }
                // PkgLength: bits 7..6 of the lead byte count the bytes that follow it.
                position += 1 + (uint)(aml[position] >> 6);
                if (position >= length)
                {
                    return AcpiError.SoftOffObjectMalformed;
                }
                byte elementCount = aml[position];
                position++;
                if (elementCount == 0 || !TryReadInteger(aml, length, ref position, out sleepTypeA))
                {
                    return AcpiError.SoftOffObjectMalformed;
                }
                if (elementCount >= 2 && !TryReadInteger(aml, length, ref position, out sleepTypeB))
                {
                    return AcpiError.SoftOffObjectMalformed;
                }
                return AcpiError.None;
            }
            return AcpiError.NoSoftOffObject;
        }

        // One integer element; SLP_TYP is 3 bits, so the low byte is all that matters.
        private static bool TryReadInteger(byte* aml, uint length, ref uint position, out byte value)
        {
            value = 0;
            if (position >= length)
            {
                return false;
            }
            byte opcode = aml[position];
            uint operandBytes;
            switch (opcode)
            {
                case ZeroOp:
                    position++;
                    return true;
                case OneOp:
                    value = 1;
                    position++;
                    return true;
                case BytePrefix: operandBytes = 1; break;
                case WordPrefix: operandBytes = 2; break;
                case DWordPrefix: operandBytes = 4; break;
                default: return false;
            }
            if (position + operandBytes >= length)
            {
                return false;
            }
            value = aml[position + 1];
            position += 1 + operandBytes;
            return true;
        }
    }
}
