using System;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;

namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// One port of the HBA with the driver's DMA page behind it (<see cref="PortMemoryLayout"/>): stopping and starting its
    /// command engine, COMRESET, and issuing one command at a time in slot 0, completed by the HBA's interrupt (bound to
    /// a notification of the driver's) or failed by a timeout. AHCI 1.3.1 sections 10.1 (start and stop), 10.4 (reset),
    /// 6.2.2 (error recovery).
    /// </summary>
    internal sealed unsafe class AhciPort
    {
        /// <summary>How long the engine may take to stop (the spec's limit is 500 ms).</summary>
        private const ulong StopMilliseconds = 500;

        /// <summary>How long a device may stay busy after reset or spin-up before the driver gives up on it.</summary>
        private const ulong ReadyMilliseconds = 5000;

        /// <summary>How long a COMRESET may take until the link is back (DET = 3).</summary>
        private const ulong LinkMilliseconds = 1000;

        /// <summary>How often a port whose interrupt never came looks at PxCI: 1 ms.</summary>
        private const ulong PollNanoseconds = 1000000;

        private readonly RegisterWindow _registers;
        private readonly HostCapabilities _capabilities;
        private readonly byte* _memory;
        private readonly ulong _memoryPhysical;
        private readonly uint _notification;
        private readonly uint _interruptLine;

        public AhciPort(RegisterWindow registers, HostCapabilities capabilities, int port, byte* memory, ulong memoryPhysical, uint notification, uint interruptLine)
        {
            _registers = registers;
            _capabilities = capabilities;
            Number = port;
            _memory = memory;
            _memoryPhysical = memoryPhysical;
            _notification = notification;
            _interruptLine = interruptLine;
        }

        public int Number { get; }

        /// <summary>How many interrupts (notifications) the port has served.</summary>
        public ulong InterruptCount { get; private set; }

        /// <summary>Commands that completed only when the timeout looked again (their interrupt never came).</summary>
        public ulong LateCompletions { get; private set; }

        public SataStatus Link => new SataStatus(Read(PortRegisters.SataStatus));

        public TaskFile TaskFile => new TaskFile(Read(PortRegisters.TaskFileData));

        public uint Signature => Read(PortRegisters.Signature);

        /// <summary>
        /// Stops the command engine (ST, then wait for CR) and, when <paramref name="fisReceiveToo"/>, FIS receiving (FRE,
        /// then FR). False when the HBA does not let go in time.
        /// </summary>
        public bool Stop(bool fisReceiveToo)
        {
            uint command = Read(PortRegisters.Command);
            if ((command & PortRegisters.CommandStart) != 0)
            {
                Write(PortRegisters.Command, command & ~PortRegisters.CommandStart);
            }
            if (!WaitForCommandBitClear(PortRegisters.CommandListRunning))
            {
                return false;
            }
            if (!fisReceiveToo)
            {
                return true;
            }
            command = Read(PortRegisters.Command);
            if ((command & PortRegisters.CommandFisReceiveEnable) != 0)
            {
                Write(PortRegisters.Command, command & ~PortRegisters.CommandFisReceiveEnable);
            }
            return WaitForCommandBitClear(PortRegisters.CommandFisReceiveRunning);
        }

        /// <summary>
        /// Points the port at the driver's command list and received-FIS area (the engine must be stopped), clears its
        /// errors and interrupt status, spins the device up and lets the HBA post FISes (FRE).
        /// </summary>
        public void AttachMemory()
        {
            new Span<byte>(_memory, PortMemoryLayout.PageBytes).Clear();
            ulong commandList = _memoryPhysical + PortMemoryLayout.CommandList;
            ulong receivedFis = _memoryPhysical + PortMemoryLayout.ReceivedFis;
            Write(PortRegisters.CommandListBase, (uint)commandList);
            Write(PortRegisters.CommandListBaseUpper, (uint)(commandList >> 32));
            Write(PortRegisters.FisBase, (uint)receivedFis);
            Write(PortRegisters.FisBaseUpper, (uint)(receivedFis >> 32));
            Write(PortRegisters.SataError, uint.MaxValue);
            Write(PortRegisters.InterruptStatus, uint.MaxValue);
            uint command = Read(PortRegisters.Command) | PortRegisters.CommandPowerOn | PortRegisters.CommandFisReceiveEnable;
            if (_capabilities.StaggeredSpinUp)
            {
                command |= PortRegisters.CommandSpinUp;
            }
            Write(PortRegisters.Command, command);
        }

        /// <summary>Waits until the device has sent its signature and is not busy; false after the timeout.</summary>
        public bool WaitUntilReady()
        {
            Deadline deadline = Deadline.After(ReadyMilliseconds);
            while (true)
            {
                if (!TaskFile.Busy && Signature != DeviceSignature.NotYetReceived && Link.DeviceReady)
                {
                    return true;
                }
                if (deadline.Passed)
                {
                    return false;
                }
                Deadline.Pause();
            }
        }

        /// <summary>
        /// COMRESET (AHCI 10.4.2): the engine must be stopped. Holds PxSCTL.DET = 1 for a few milliseconds, releases it, waits
        /// for the link (DET = 3) and clears PxSERR. False when no link comes back.
        /// </summary>
        public bool ResetLink()
        {
            uint control = Read(PortRegisters.SataControl) & ~0xFu;
            Write(PortRegisters.SataControl, control | PortRegisters.ControlDetectReset | PortRegisters.ControlNoPowerTransitions);
            Deadline.Pause();
            Deadline.Pause();
            Write(PortRegisters.SataControl, control | PortRegisters.ControlNoPowerTransitions);
            Deadline deadline = Deadline.After(LinkMilliseconds);
            while (!Link.DeviceReady)
            {
                if (deadline.Passed)
                {
                    return false;
                }
                Deadline.Pause();
            }
            Write(PortRegisters.SataError, uint.MaxValue);
            return true;
        }

        /// <summary>
        /// Enables the port's interrupts and starts the command engine once the device is not busy (using command list
        /// override when the HBA has it and BSY/DRQ stays set). False when the device stays busy.
        /// </summary>
        public bool Start()
        {
            Write(PortRegisters.InterruptStatus, uint.MaxValue);
            Write(PortRegisters.InterruptEnable, PortRegisters.InterruptsEnabled);
            Deadline deadline = Deadline.After(ReadyMilliseconds);
            bool overridden = false;
            while (TaskFile.Busy)
            {
                if (!overridden && _capabilities.CommandListOverride && deadline.Passed)
                {
                    Write(PortRegisters.Command, Read(PortRegisters.Command) | PortRegisters.CommandListOverride);
                    deadline = Deadline.After(StopMilliseconds);
                    overridden = true;
                    continue;
                }
                if (deadline.Passed)
                {
                    return false;
                }
                Deadline.Pause();
            }
            Write(PortRegisters.Command, Read(PortRegisters.Command) | PortRegisters.CommandFisReceiveEnable | PortRegisters.CommandStart);
            return true;
        }

        /// <summary>Turns the port's interrupts off and clears what is pending.</summary>
        public void Silence()
        {
            Write(PortRegisters.InterruptEnable, 0);
            Write(PortRegisters.InterruptStatus, uint.MaxValue);
        }

        /// <summary>
        /// Issues <paramref name="command"/> in slot 0: a register FIS with <paramref name="lba"/> and <paramref name="count"/>,
        /// data (<paramref name="bytes"/>, 0 for none) at <paramref name="dataPhysical"/>, moving toward the device when
        /// <paramref name="toDevice"/>. Waits for the HBA's interrupt up to <paramref name="timeoutMilliseconds"/>; on an
        /// error or timeout it recovers the port (6.2.2) and answers DeviceError.
        /// </summary>
        public BlockDeviceStatus Execute(byte command, ulong lba, ushort count, bool lba28, ulong dataPhysical, long bytes, bool toDevice, ulong timeoutMilliseconds)
        {
            byte* table = _memory + PortMemoryLayout.CommandTable;
            RegisterFis.WriteCommand(new Span<byte>(table + PortMemoryLayout.CommandFisOffset, 64), command, lba, count, 0, lba28);
            int regions = 0;
            if (bytes > 0)
            {
                Span<uint> entries = new Span<uint>(table + PortMemoryLayout.RegionTableOffset, PortMemoryLayout.RegionCapacity * PhysicalRegionTable.EntryDoubleWords);
                regions = PhysicalRegionTable.Describe(entries, dataPhysical, bytes);
                if (regions < 0)
                {
                    return BlockDeviceStatus.TooLarge;
                }
            }
            Span<uint> header = new Span<uint>(_memory + PortMemoryLayout.CommandList + PortMemoryLayout.Slot * CommandHeader.Bytes, CommandHeader.DoubleWords);
            CommandHeader.Write(header, RegisterFis.DoubleWords, toDevice, regions, _memoryPhysical + PortMemoryLayout.CommandTable);

            uint slotBit = 1u << PortMemoryLayout.Slot;
            Write(PortRegisters.InterruptStatus, uint.MaxValue);
            _registers.Write(HostRegisters.InterruptStatus, 1u << Number);
            Write(PortRegisters.CommandIssue, slotBit);

            Deadline deadline = Deadline.After(timeoutMilliseconds);
            uint errors = 0;
            while (true)
            {
                ulong timeout = deadline.Remaining;
                if (LateCompletions != 0 && timeout > PollNanoseconds)
                {
                    timeout = PollNanoseconds;
                }
                IpcResult waited = NotificationCalls.Wait(_notification, timeout, out _);
                bool interrupted = waited.Succeeded && waited.IsNotification;
                uint status = Read(PortRegisters.InterruptStatus);
                if (status != 0)
                {
                    Write(PortRegisters.InterruptStatus, status);
                }
                _registers.Write(HostRegisters.InterruptStatus, 1u << Number);
                if (interrupted)
                {
                    InterruptCount++;
                    Interrupts.Acknowledge(_interruptLine);
                }
                errors |= status & PortRegisters.InterruptErrors;
                bool issued = (Read(PortRegisters.CommandIssue) & slotBit) != 0;
                if (errors != 0)
                {
                    break;
                }
                if (!issued)
                {
                    if (!interrupted)
                    {
                        // Found done only when the wait ran out: the HBA's interrupt does not reach the driver (a wrong line?),
                        // so from now on the driver also looks every millisecond.
                        LateCompletions++;
                        if (LateCompletions == 1)
                        {
                            Kernel.DebugWrite("disk: ahci: port " + Number.ToString() + ": command 0x" + command.ToString("x2")
                                + " completed without an interrupt on line slot " + _interruptLine.ToString() + "; polling every millisecond from now on\n");
                        }
                    }
                    TaskFile taskFile = TaskFile;
                    if (taskFile.Failed)
                    {
                        Kernel.DebugWrite("disk: ahci: port " + Number.ToString() + ": command 0x" + command.ToString("x2") + " at " + lba.ToString() + " failed: " + taskFile.ToString() + "\n");
                        return BlockDeviceStatus.DeviceError;
                    }
                    return BlockDeviceStatus.Ok;
                }
                if (!interrupted && deadline.Passed)
                {
                    break;
                }
            }
            Kernel.DebugWrite("disk: ahci: port " + Number.ToString() + ": command 0x" + command.ToString("x2") + " at " + lba.ToString()
                + (errors != 0 ? " failed: interrupt status 0x" + errors.ToString("x8") : " timed out") + ", " + TaskFile.ToString()
                + ", SATA error 0x" + Read(PortRegisters.SataError).ToString("x8") + "\n");
            Recover();
            return BlockDeviceStatus.DeviceError;
        }

        /// <summary>
        /// Brings the port back after a failed command (AHCI 6.2.2.1): stop the engine (which drops what was issued), clear
        /// the error and interrupt status, reset the link when the device stays busy, start again.
        /// </summary>
        public void Recover()
        {
            bool stopped = Stop(fisReceiveToo: false);
            Write(PortRegisters.SataError, uint.MaxValue);
            Write(PortRegisters.InterruptStatus, uint.MaxValue);
            _registers.Write(HostRegisters.InterruptStatus, 1u << Number);
            if (!stopped || TaskFile.Busy)
            {
                Stop(fisReceiveToo: true);
                ResetLink();
                AttachMemory();
                WaitUntilReady();
            }
            if (!Start())
            {
                Kernel.DebugWrite("disk: ahci: port " + Number.ToString() + ": the device stays busy after recovery (" + TaskFile.ToString() + ")\n");
            }
        }

        private bool WaitForCommandBitClear(uint bit)
        {
            Deadline deadline = Deadline.After(StopMilliseconds);
            while ((Read(PortRegisters.Command) & bit) != 0)
            {
                if (deadline.Passed)
                {
                    return false;
                }
                Deadline.Pause();
            }
            return true;
        }

        private uint Read(int register) => _registers.ReadPort(Number, register);

        private void Write(int register, uint value) => _registers.WritePort(Number, register, value);
    }
}
