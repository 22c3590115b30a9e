using Cosmos.Api;

namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// The HBA as a whole (AHCI 1.3.1, 10.1.2 "System software specific initialization"): AHCI mode, ownership taken from
    /// the BIOS, every implemented port idle and silent, then the ports searched in order for the first SATA disk.
    /// </summary>
    internal sealed unsafe class AhciHost
    {
        /// <summary>How long the BIOS may take to release the HBA after the OS asked (the spec's 25 ms, with margin).</summary>
        private const ulong HandoffMilliseconds = 100;

        /// <summary>How long the BIOS may stay busy finishing its commands (the spec's 2 s).</summary>
        private const ulong BiosBusyMilliseconds = 2000;

        /// <summary>How long links may take to come up after spin-up.</summary>
        private const ulong DetectionMilliseconds = 1000;

        private readonly RegisterWindow _registers;

        public AhciHost(RegisterWindow registers)
        {
            _registers = registers;
        }

        public HostCapabilities Capabilities { get; private set; }

        public uint PortsImplemented { get; private set; }

        public uint Version => _registers.Read(HostRegisters.Version);

        /// <summary>Sets GHC.AE, takes the HBA from the BIOS if it supports handoff, masks its interrupt; reads CAP, CAP2, PI.</summary>
        public void TakeOver()
        {
            EnableAhci();
            Capabilities = new HostCapabilities(_registers.Read(HostRegisters.Capabilities), _registers.Read(HostRegisters.ExtendedCapabilities));
            if (Capabilities.BiosHandoff)
            {
                TakeFromBios();
            }
            EnableAhci();
            _registers.Write(HostRegisters.GlobalHostControl, _registers.Read(HostRegisters.GlobalHostControl) & ~HostRegisters.InterruptEnable);
            uint implemented = _registers.Read(HostRegisters.PortsImplemented);
            // PI should never be empty; an HBA that leaves it so implements the first CAP.NP + 1 ports.
            if (implemented == 0)
            {
                int count = Capabilities.PortCount;
                implemented = count >= 32 ? uint.MaxValue : (1u << count) - 1;
            }
            PortsImplemented = implemented;
        }

        /// <summary>Stops every implemented port's engine and FIS receiving and turns its interrupts off; false when one would not stop.</summary>
        public bool IdleAllPorts(out int stuckPort)
        {
            stuckPort = -1;
            bool allStopped = true;
            for (int port = 0; port < HostRegisters.MaximumPorts; port++)
            {
                if (!IsImplemented(port))
                {
                    continue;
                }
                AhciPort probe = new AhciPort(_registers, Capabilities, port, null, 0, 0, 0);
                if (!probe.Stop(fisReceiveToo: true))
                {
                    allStopped = false;
                    stuckPort = port;
                }
                probe.Silence();
                _registers.WritePort(port, PortRegisters.SataError, uint.MaxValue);
            }
            _registers.Write(HostRegisters.InterruptStatus, uint.MaxValue);
            return allStopped;
        }

        /// <summary>Spins up every port of a staggered-spin-up HBA and waits (bounded) until the links that are coming up are up.</summary>
        public void SpinUpAndDetect()
        {
            for (int port = 0; port < HostRegisters.MaximumPorts; port++)
            {
                if (IsImplemented(port))
                {
                    uint command = _registers.ReadPort(port, PortRegisters.Command) | PortRegisters.CommandPowerOn;
                    if (Capabilities.StaggeredSpinUp)
                    {
                        command |= PortRegisters.CommandSpinUp;
                    }
                    _registers.WritePort(port, PortRegisters.Command, command);
                }
            }
            // A port whose device is present but not yet communicating (DET = 1) is still negotiating; wait for it, and for
            // at least one link when none is up yet, until the deadline.
            Deadline deadline = Deadline.After(DetectionMilliseconds);
            while (!deadline.Passed)
            {
                bool anyUp = false;
                bool anyNegotiating = false;
                for (int port = 0; port < HostRegisters.MaximumPorts; port++)
                {
                    if (IsImplemented(port))
                    {
                        SataStatus link = new SataStatus(_registers.ReadPort(port, PortRegisters.SataStatus));
                        anyUp |= link.DeviceReady;
                        anyNegotiating |= link.Detection == 1;
                    }
                }
                if (anyUp && !anyNegotiating)
                {
                    return;
                }
                Deadline.Pause();
            }
        }

        /// <summary>Turns on the HBA's interrupt (after the chosen port's PxIE is set and the pending status cleared).</summary>
        public void EnableInterrupts()
        {
            _registers.Write(HostRegisters.InterruptStatus, uint.MaxValue);
            _registers.Write(HostRegisters.GlobalHostControl, _registers.Read(HostRegisters.GlobalHostControl) | HostRegisters.AhciEnable | HostRegisters.InterruptEnable);
        }

        public bool IsImplemented(int port) => port < HostRegisters.MaximumPorts && (PortsImplemented & (1u << port)) != 0;

        public SataStatus LinkOf(int port) => new SataStatus(_registers.ReadPort(port, PortRegisters.SataStatus));

        private void EnableAhci()
        {
            uint control = _registers.Read(HostRegisters.GlobalHostControl);
            if ((control & HostRegisters.AhciEnable) == 0)
            {
                _registers.Write(HostRegisters.GlobalHostControl, control | HostRegisters.AhciEnable);
            }
        }

        // BIOS/OS handoff (AHCI 10.6.3): set OOS, wait for the BIOS to clear BOS; if it says it is busy (BB), give it up to 2 s.
        private void TakeFromBios()
        {
            uint control = _registers.Read(HostRegisters.HandoffControl);
            if ((control & HostRegisters.BiosOwned) == 0 && (control & HostRegisters.OsOwned) != 0)
            {
                return;
            }
            _registers.Write(HostRegisters.HandoffControl, control | HostRegisters.OsOwned);
            Deadline deadline = Deadline.After(HandoffMilliseconds);
            while ((_registers.Read(HostRegisters.HandoffControl) & HostRegisters.BiosOwned) != 0 && !deadline.Passed)
            {
                Deadline.Pause();
            }
            if ((_registers.Read(HostRegisters.HandoffControl) & HostRegisters.BiosBusy) != 0)
            {
                deadline = Deadline.After(BiosBusyMilliseconds);
                while ((_registers.Read(HostRegisters.HandoffControl) & HostRegisters.BiosOwned) != 0 && !deadline.Passed)
                {
                    Deadline.Pause();
                }
            }
            if ((_registers.Read(HostRegisters.HandoffControl) & HostRegisters.BiosOwned) != 0)
            {
                Kernel.DebugWrite("disk: ahci: the BIOS did not release the controller; taking it anyway\n");
            }
        }
    }
}
