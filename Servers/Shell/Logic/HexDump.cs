using System;
using System.Text;

namespace Cosmos.Servers.Shell.Logic
{
    /// <summary>
    /// Bytes as a hex dump, 16 to a line: the offset (4 hex digits, or more when needed) and a colon, the bytes in hex
    /// with an extra space after the eighth, and the bytes as ASCII between bars (non-printable ones as '.'), e.g.
    /// "0000: eb 63 90 10 8e d0 bc 00  b0 b8 00 00 8e d8 8e c0  |.c..............|". Pure logic.
    /// </summary>
    internal static class HexDump
    {
        public const int BytesPerLine = 16;

        private const string Digits = "0123456789abcdef";

        /// <summary>The line for the up to 16 bytes at <paramref name="offset"/> in <paramref name="bytes"/>.</summary>
        public static string Line(ReadOnlySpan<byte> bytes, int offset)
        {
            var line = new StringBuilder();
            line.Append(((ulong)offset).ToString("x4"));
            line.Append(": ");
            int count = Math.Min(BytesPerLine, bytes.Length - offset);
            for (int index = 0; index < BytesPerLine; index++)
            {
                if (index == BytesPerLine / 2)
                {
                    line.Append(' ');
                }
                if (index < count)
                {
                    byte value = bytes[offset + index];
                    line.Append(Digits[value >> 4]);
                    line.Append(Digits[value & 0xF]);
                    line.Append(' ');
                }
                else
                {
                    line.Append("   ");
                }
            }
            line.Append(" |");
            for (int index = 0; index < count; index++)
            {
                byte value = bytes[offset + index];
                line.Append(value >= 0x20 && value < 0x7F ? (char)value : '.');
            }
            line.Append('|');
            return line.ToString();
        }

        /// <summary>All lines for <paramref name="bytes"/>.</summary>
        public static string[] Lines(ReadOnlySpan<byte> bytes)
        {
            string[] lines = new string[(bytes.Length + BytesPerLine - 1) / BytesPerLine];
            for (int index = 0; index < lines.Length; index++)
            {
                lines[index] = Line(bytes, index * BytesPerLine);
            }
            return lines;
        }
    }
}
