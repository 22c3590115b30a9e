namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// Formats one function the way <c>lspci -n</c> does, plus a name when known:
    /// <c>00:01.1 0101: 8086:7010 IDE controller</c>, all hexadecimal in lower case.
    /// </summary>
    public static class LspciLine
    {
        private const string HexDigits = "0123456789abcdef";

        // "bb:dd.f cccc: vvvv:dddd" is 23 characters.
        private const int FixedLength = 23;

        public static string Format(in PciFunctionHeader header)
        {
            char[] characters = new char[FixedLength];
            int length = 0;
            length = AppendHex(characters, length, header.Address.Bus, 2);
            characters[length++] = ':';
            length = AppendHex(characters, length, header.Address.Device, 2);
            characters[length++] = '.';
            length = AppendHex(characters, length, header.Address.Function, 1);
            characters[length++] = ' ';
            length = AppendHex(characters, length, (uint)((header.ClassCode << 8) | header.Subclass), 4);
            characters[length++] = ':';
            characters[length++] = ' ';
            length = AppendHex(characters, length, header.VendorId, 4);
            characters[length++] = ':';
            length = AppendHex(characters, length, header.DeviceId, 4);

            string line = new string(characters, 0, length);
            string name = PciClassNames.Find(header.ClassCode, header.Subclass);
            return name == null ? line : line + " " + name;
        }

        private static int AppendHex(char[] characters, int position, uint value, int digits)
        {
            for (int digit = digits - 1; digit >= 0; digit--)
            {
                characters[position + digit] = HexDigits[(int)(value & 0xF)];
                value >>= 4;
            }

            return position + digits;
        }
    }
}
