using Cosmos.Api.Devices;
using Cosmos.Api.Naming;

namespace Cosmos.Programs.DiskTest
{
    /// <summary>"info": the information of the named disk, then of every other registered "diskN".</summary>
    internal static class InformationMode
    {
        private const int MaximumDisks = 8;

        public static string Run(string name, in BlockDeviceInformation first)
        {
            Print(name, first);
            for (int number = 0; number < MaximumDisks; number++)
            {
                string other = DeviceNames.Disk + number.ToString();
                if (other == name)
                {
                    continue;
                }
                BlockDevice device = new BlockDevice(other);
                if (device.Connection.Connect(0) != NameBrokerStatus.Ok)
                {
                    continue;
                }
                BlockDeviceStatus status = device.Information(out BlockDeviceInformation information);
                if (status != BlockDeviceStatus.Ok)
                {
                    return other + " information: " + Output.StatusName(status);
                }
                Print(other, information);
            }
            return null;
        }

        private static void Print(string name, in BlockDeviceInformation information)
        {
            Output.Line("info: " + name + " model=\"" + information.Model + "\" sectors=" + information.SectorCount.ToString()
                + " sector_size=" + information.SectorSize.ToString() + " max_sectors=" + information.MaximumSectorsPerRequest.ToString()
                + " mode=" + Output.ModeName(information.Mode) + " bytes=" + information.CapacityBytes.ToString());
        }
    }
}
