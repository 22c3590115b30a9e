using Cosmos.Api;
using Cosmos.Api.Devices;

namespace Cosmos.Programs.DiskTest
{
    /// <summary>Line output on the debug console: every line starts with "disktest" (bench lines with "bench").</summary>
    internal static class Output
    {
        public static void Line(string text) => Kernel.DebugWrite("disktest " + text + "\n");

        public static string StatusName(BlockDeviceStatus status) => status switch
        {
            BlockDeviceStatus.Ok => "Ok",
            BlockDeviceStatus.OutOfRange => "OutOfRange",
            BlockDeviceStatus.TooLarge => "TooLarge",
            BlockDeviceStatus.DeviceError => "DeviceError",
            BlockDeviceStatus.MalformedRequest => "MalformedRequest",
            BlockDeviceStatus.UnknownRequest => "UnknownRequest",
            BlockDeviceStatus.ReadOnly => "ReadOnly",
            BlockDeviceStatus.Unreachable => "Unreachable",
            _ => "Status" + ((uint)status).ToString(),
        };

        public static string ModeName(BlockTransferMode mode) => mode switch
        {
            BlockTransferMode.AtaPio => "ata-pio",
            BlockTransferMode.AtaBusMasterDma => "ata-bus-master-dma",
            BlockTransferMode.Ahci => "ahci",
            _ => "unknown",
        };

        /// <summary>The first <paramref name="count"/> bytes as lower-case hex pairs without separators.</summary>
        public static string Hex(byte[] data, int count)
        {
            const string Digits = "0123456789abcdef";
            char[] characters = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                characters[2 * i] = Digits[data[i] >> 4];
                characters[2 * i + 1] = Digits[data[i] & 0xF];
            }
            return new string(characters);
        }
    }
}
