using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;
using Cosmos.Servers.Shell.Terminal;

namespace Cosmos.Servers.Shell
{
    /// <summary>
    /// What commands work with: the output, and the clients of the services they use, made once (each holds one of the
    /// task's few connection slots) and found through the name broker when used.
    /// </summary>
    internal sealed class ShellContext
    {
        /// <summary>A slot for short look-ups ("is this name registered?") and deleted right after.</summary>
        public const uint ProbeSlot = 240;

        /// <summary>The slot the loader puts a started program's Task capability in (deleted after the wait).</summary>
        public const uint TaskCapabilitySlot = 241;

        /// <summary>Disks looked for by `disk`: disk0 to disk7.</summary>
        public const int MaximumDisks = 8;

        private readonly ShellOutput _output;
        private readonly BlockDevice[] _disks = new BlockDevice[MaximumDisks];
        private SystemClient _system;
        private PciClient _pci;

        public ShellContext(ShellOutput output)
        {
            _output = output;
        }

        public ShellOutput Output => _output;

        // The device clients look their driver up once, without waiting, before a command uses them: a command for a
        // driver that is not there says so at once instead of waiting the 5 s a ServiceConnection gives a restart.

        /// <summary>The system service's client.</summary>
        public SystemClient System => _system ??= new SystemClient();

        public PciClient Pci
        {
            get
            {
                _pci ??= new PciClient();
                _pci.Connection.Connect(0);
                return _pci;
            }
        }

        public BlockDevice Disk(int number)
        {
            BlockDevice disk = _disks[number] ??= new BlockDevice(DeviceNames.Disk + number.ToString());
            disk.Connection.Connect(0);
            return disk;
        }

        /// <summary>Whether <paramref name="name"/> is registered at the name broker now (one look-up, nothing kept).</summary>
        public static bool IsRegistered(string name)
        {
            Capabilities.Delete(ProbeSlot);
            bool found = NameBroker.Lookup(name, ProbeSlot) == NameBrokerStatus.Ok;
            Capabilities.Delete(ProbeSlot);
            return found;
        }

        public void Line(string text) => _output.Line(text);
    }
}
