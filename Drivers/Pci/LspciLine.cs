using Cosmos.Api.Devices;

namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// Formats one function the way <c>lspci -n</c> does, plus a name when known:
    /// <c>00:01.1 0101: 8086:7010 IDE controller</c>, all hexadecimal in lower case. The shell's lspci and disktest's
    /// listing both use it (they link this file).
    /// </summary>
    public static class LspciLine
    {
        private const string HexDigits = "0123456789abcdef";

        // "bb:dd.f cccc: vvvv:dddd" is 23 characters.
        private const int FixedLength = 23;

        /// <summary>The numbers and, when the class is known, its name.</summary>
        public static string Format(in PciFunction function)
        {
            string line = FormatNumbers(function);
            string name = PciClassNames.Find(function.BaseClass, function.SubClass);
            return name == null ? line : line + " " + name;
        }

        /// <summary>Only the numbers: "bb:dd.f cccc: vvvv:dddd" (class and subclass as four digits).</summary>
        public static string FormatNumbers(in PciFunction function)
        {
            char[] characters = new char[FixedLength];
            int length = 0;
            length = AppendHex(characters, length, (uint)function.Bus, 2);
            characters[length++] = ':';
            length = AppendHex(characters, length, (uint)function.DeviceNumber, 2);
            characters[length++] = '.';
            length = AppendHex(characters, length, (uint)function.FunctionNumber, 1);
            characters[length++] = ' ';
            length = AppendHex(characters, length, function.ClassCode >> 8, 4);
            characters[length++] = ':';
            characters[length++] = ' ';
            length = AppendHex(characters, length, function.Vendor, 4);
            characters[length++] = ':';
            length = AppendHex(characters, length, function.Device, 4);
            return new string(characters, 0, length);
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
