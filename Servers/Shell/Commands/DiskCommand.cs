using Cosmos.Api.Devices;
using Cosmos.Servers.Shell.Logic;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>
    /// `disk`: each registered disk (disk0 to disk7) with its capacity, model and transfer mode; `disk read N [DISK]`:
    /// sector N of DISK (disk0 when not given) as a hex dump.
    /// </summary>
    internal sealed class DiskCommand : Command
    {
        public override string Name => "disk";

        public override string Summary => "[read N [DISK]]  lists disks, or dumps sector N";

        public override void Run(ShellContext context, string[] words)
        {
            if (words.Length == 1)
            {
                List(context);
            }
            else if (words[1] == "read" && (words.Length == 3 || words.Length == 4))
            {
                Read(context, words[2], words.Length == 4 ? words[3] : DeviceNames.Disk + "0");
            }
            else
            {
                context.Line("usage: disk | disk read SECTOR [DISK]");
            }
        }

        private static void List(ShellContext context)
        {
            int found = 0;
            for (int number = 0; number < ShellContext.MaximumDisks; number++)
            {
                string name = DeviceNames.Disk + number.ToString();
                if (!ShellContext.IsRegistered(name))
                {
                    continue;
                }
                found++;
                BlockDeviceStatus status = context.Disk(number).Information(out BlockDeviceInformation information);
                context.Line(status == BlockDeviceStatus.Ok ? DeviceText.Disk(name, information) : name + ": " + BlockDevice.Describe(status));
            }
            if (found == 0)
            {
                context.Line("disk: no disk driver registered (disk0 to disk7)");
            }
        }

        private static void Read(ShellContext context, string sectorText, string name)
        {
            if (!NumberText.TryParseUnsigned(sectorText, out ulong sector))
            {
                context.Line("disk: not a sector number: " + sectorText);
                return;
            }
            int number = -1;
            for (int candidate = 0; candidate < ShellContext.MaximumDisks; candidate++)
            {
                if (name == DeviceNames.Disk + candidate.ToString())
                {
                    number = candidate;
                }
            }
            if (number < 0)
            {
                context.Line("disk: no such disk name: " + name + " (disk0 to disk7)");
                return;
            }
            if (!ShellContext.IsRegistered(name))
            {
                context.Line("disk: " + name + " unreachable (no driver registered it)");
                return;
            }
            BlockDevice disk = context.Disk(number);
            BlockDeviceStatus status = disk.Information(out BlockDeviceInformation information);
            if (status != BlockDeviceStatus.Ok)
            {
                context.Line("disk: " + name + ": " + BlockDevice.Describe(status));
                return;
            }
            if (sector >= information.SectorCount)
            {
                context.Line("disk: " + name + " has " + information.SectorCount.ToString() + " sectors; " + sector.ToString() + " is beyond it");
                return;
            }
            byte[] buffer = new byte[information.SectorSize];
            status = disk.Read(sector, 1, information.SectorSize, buffer);
            if (status != BlockDeviceStatus.Ok)
            {
                context.Line("disk: reading sector " + sector.ToString() + " of " + name + ": " + BlockDevice.Describe(status));
                return;
            }
            context.Line(name + " sector " + sector.ToString() + ":");
            string[] lines = HexDump.Lines(buffer);
            for (int index = 0; index < lines.Length; index++)
            {
                context.Line(lines[index]);
            }
        }
    }
}
