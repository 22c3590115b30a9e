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

        // The clients connect before their first request: ServiceConnection.Call looks a service up only after the caller
        // has put the request's words in the message registers, and the look-up overwrites them (a Kill's task id would
        // arrive as garbage). A connected client keeps its words across a reconnection.

        /// <summary>The system service's client, connected (a first MemoryFigures request, which has no words, makes the connection).</summary>
        public SystemClient System
        {
            get
            {
                if (_system == null)
                {
                    _system = new SystemClient();
                    _system.MemoryFigures(out _);
                }
                return _system;
            }
        }

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
