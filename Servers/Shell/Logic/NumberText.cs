using System;
using System.Globalization;

namespace Cosmos.Servers.Shell.Logic
{
    /// <summary>Number parsing and size, time and id formatting for the commands' output. Pure logic.</summary>
    internal static class NumberText
    {
        /// <summary>Parses a decimal number, or a hexadecimal one after "0x"; false for anything else or on overflow.</summary>
        public static bool TryParseUnsigned(string text, out ulong value)
        {
            if (text == null)
            {
                value = 0;
                return false;
            }
            bool hex = text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
            return hex ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, null, out value)
                : ulong.TryParse(text.AsSpan(), NumberStyles.None, null, out value);
        }

        /// <summary>A byte count in the largest unit that keeps it at least 1: "512 B", "4 KiB", "1.5 MiB", "2.00 GiB" (one or two decimals).</summary>
        public static string Size(ulong bytes)
        {
            if (bytes < 1024)
            {
                return bytes.ToString() + " B";
            }
            string[] units = { "KiB", "MiB", "GiB", "TiB" };
            ulong scale = 1024;
            int unit = 0;
            while (unit < units.Length - 1 && bytes >= scale * 1024)
            {
                scale *= 1024;
                unit++;
            }
            ulong whole = bytes / scale;
            ulong tenths = bytes % scale * 10 / scale;
            return tenths == 0 ? whole.ToString() + " " + units[unit] : whole.ToString() + "." + tenths.ToString() + " " + units[unit];
        }

        /// <summary>Nanoseconds of uptime as "H:MM:SS.mmm" (hours unbounded).</summary>
        public static string Duration(ulong nanoseconds)
        {
            ulong milliseconds = nanoseconds / 1_000_000;
            ulong seconds = milliseconds / 1000;
            ulong minutes = seconds / 60;
            ulong hours = minutes / 60;
            return hours.ToString() + ":" + (minutes % 60).ToString("D2") + ":" + (seconds % 60).ToString("D2") + "." + (milliseconds % 1000).ToString("D3");
        }

        /// <summary>Nanoseconds as milliseconds with one decimal: "12.3".</summary>
        public static string Milliseconds(ulong nanoseconds)
        {
            ulong tenths = nanoseconds / 100_000;
            return (tenths / 10).ToString() + "." + (tenths % 10).ToString();
        }

        /// <summary>A kernel id (task or thread) as the kernel prints it: "index.generation".</summary>
        public static string Id(ulong id) => (id & 0xFFFF).ToString() + "." + (id >> 16).ToString();
    }
}
