using System.Runtime;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Naming;
using Internal.Runtime;

namespace Cosmos.Programs.DiskTest
{
    /// <summary>
    /// A client of the block-device protocol (and of the PCI driver): "disktest MODE [ARGUMENTS]" with MODE one of
    /// info, read LBA COUNT, write LBA COUNT PATTERN, bench, bad, lspci. The disk is "disk0" unless the last word is
    /// "diskN". Each mode ends with the line "disktest MODE: passed" or "disktest MODE: FAILED (why)".
    /// </summary>
    internal static class DiskTestMain
    {
        /// <summary>How long to wait for the disk driver to register at start-up: 20 s.</summary>
        public const ulong DriverWaitNanoseconds = 20_000_000_000;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            string[] arguments = ProgramStartup.Arguments;
            string name = "disk0";
            int count = arguments.Length;
            if (count > 2 && arguments[count - 1].StartsWith(DeviceNames.Disk))
            {
                name = arguments[count - 1];
                count--;
            }
            string mode = count > 1 ? arguments[1] : "info";
            if (mode == "lspci")
            {
                return Verdict(mode, PciListing.Run());
            }
            BlockDevice device = new BlockDevice(name);
            NameBrokerStatus connected = device.Connection.Connect(DriverWaitNanoseconds);
            if (connected != NameBrokerStatus.Ok)
            {
                return Verdict(mode, "no " + name + ": " + NameBroker.Describe(connected));
            }
            BlockDeviceStatus status = device.Information(out BlockDeviceInformation information);
            if (status != BlockDeviceStatus.Ok)
            {
                return Verdict(mode, "information: " + Output.StatusName(status));
            }
            string failure;
            switch (mode)
            {
                case "info":
                    failure = InformationMode.Run(name, information);
                    break;
                case "read":
                    failure = count < 4 || !ulong.TryParse(arguments[2], out ulong readFirst) || !uint.TryParse(arguments[3], out uint readCount)
                        ? "usage: disktest read LBA COUNT" : ReadWriteModes.Read(device, information, readFirst, readCount);
                    break;
                case "write":
                    failure = count < 5 || !ulong.TryParse(arguments[2], out ulong writeFirst) || !uint.TryParse(arguments[3], out uint writeCount)
                        || !uint.TryParse(arguments[4], out uint pattern)
                        ? "usage: disktest write LBA COUNT PATTERN" : ReadWriteModes.Write(device, information, writeFirst, writeCount, pattern);
                    break;
                case "bench":
                    failure = BenchMode.Run(device, information);
                    break;
                case "bad":
                    failure = BadRequests.Run(device, information);
                    break;
                default:
                    failure = "unknown mode (info, read LBA COUNT, write LBA COUNT PATTERN, bench, bad, lspci)";
                    break;
            }
            return Verdict(mode, failure);
        }

        private static int Verdict(string mode, string failure)
        {
            Output.Line(mode + (failure == null ? ": passed" : ": FAILED (" + failure + ")"));
            return failure == null ? 0 : 1;
        }
    }
}
