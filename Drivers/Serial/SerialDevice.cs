using System;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;

namespace Cosmos.Drivers.Serial
{
    /// <summary>
    /// The serial line's state and behaviour behind <see cref="CharacterDeviceProtocol"/>: bytes the UART received wait in
    /// a receive ring until a Read takes them; bytes to send wait in a transmit ring that the transmit-empty interrupt
    /// drains into the UART's FIFO. One waiting Read (its Reply capability saved) is answered when bytes arrive; Writes
    /// that do not fit wait, in order, with their Reply capabilities saved, until the ring has room.
    /// </summary>
    internal sealed class SerialDevice
    {
        private const int ReceiveCapacity = 4096;
        private const int TransmitCapacity = 8192;
        private const int PendingWriteCapacity = 8;
        // Bytes written into the transmit FIFO at once: two fewer than it holds, so that a byte the kernel's polled
        // log writer slipped in meanwhile still fits.
        private const int TransmitBurst = Uart16550.TransmitFifoBytes - 2;
        // Interrupt causes the loop reads at most per notification (the UART lowers its line once none is pending).
        private const int InterruptRounds = 32;

        private readonly Uart16550 _uart;
        private readonly uint _interruptLine;
        private readonly ByteRing _received = new ByteRing(ReceiveCapacity);
        private readonly ByteRing _transmit = new ByteRing(TransmitCapacity);
        private readonly PendingWrite[] _pendingWrites = new PendingWrite[PendingWriteCapacity];
        private readonly byte[] _scratch = new byte[CharacterDeviceProtocol.MaximumBytes];
        private int _pendingStart;
        private int _pendingCount;
        private uint _waitingReadSlot;
        private int _waitingReadWanted;
        private byte _interruptEnable;

        public SerialDevice(Uart16550 uart, uint interruptLine)
        {
            _uart = uart;
            _interruptLine = interruptLine;
            for (int i = 0; i < PendingWriteCapacity; i++)
            {
                _pendingWrites[i] = new PendingWrite();
            }
        }

        /// <summary>Received bytes dropped because the receive ring was full.</summary>
        public ulong Overruns { get; private set; }

        /// <summary>Enables the receive and line-status interrupts and serves whatever the UART already has.</summary>
        public void Start()
        {
            SetInterruptEnable(Uart16550.ReceiveInterrupt | Uart16550.LineStatusInterrupt);
            ServeUart();
        }

        public ServerAction HandleMessage(MessageTag request, out MessageTag reply)
        {
            switch (request.Label)
            {
                case CharacterDeviceProtocol.Read:
                    return Read(request, out reply);
                case CharacterDeviceProtocol.Write:
                    return Write(request, out reply);
                case CharacterDeviceProtocol.Information:
                    Message message = Message.Current;
                    message.SetWord(0, (ulong)CharacterDeviceKind.Serial);
                    message.SetWord(1, 0);
                    message.SetWord(2, 0);
                    message.SetWord(3, (ulong)(CharacterDeviceCapabilities.Readable | CharacterDeviceCapabilities.Writable));
                    reply = Tag(CharacterDeviceStatus.Ok, 4);
                    return ServerAction.Reply;
                default:
                    reply = Tag(CharacterDeviceStatus.UnknownRequest, 0);
                    return ServerAction.Reply;
            }
        }

        /// <summary>The UART's interrupt: moves bytes both ways, answers whom that lets go on, and unmasks the line.</summary>
        public ServerAction HandleInterrupt()
        {
            ServeUart();
            Interrupts.Acknowledge(_interruptLine);
            // A cause that arose while the line was masked may have raised no new interrupt: serve it now.
            if ((_uart.InterruptIdentification() & Uart16550.NoInterruptPending) == 0)
            {
                ServeUart();
            }
            return ServerAction.Wait;
        }

        /// <summary>Serves the UART without an interrupt (the loop's idle check, in case an interrupt was lost).</summary>
        public void Poll()
        {
            ServeUart();
        }

        private ServerAction Read(MessageTag request, out MessageTag reply)
        {
            Message message = Message.Current;
            if (request.UntypedCount < 2 || request.TypedCount != 0 || message.Word(0) == 0 || message.Word(0) > CharacterDeviceProtocol.MaximumBytes)
            {
                reply = Tag(CharacterDeviceStatus.MalformedRequest, 0);
                return ServerAction.Reply;
            }
            int wanted = (int)message.Word(0);
            bool wait = (message.Word(1) & (ulong)ReadFlags.Wait) != 0;
            if (!_received.IsEmpty || !wait)
            {
                reply = PackReceived(wanted);
                return ServerAction.Reply;
            }
            long saved = Ipc.SaveReply();
            if (saved < 0)
            {
                reply = Tag(CharacterDeviceStatus.DeviceError, 0);
                return ServerAction.Reply;
            }
            if (_waitingReadSlot != 0)
            {
                Answer(_waitingReadSlot, Tag(CharacterDeviceStatus.Superseded, 0));
            }
            _waitingReadSlot = (uint)saved;
            _waitingReadWanted = wanted;
            reply = default;
            return ServerAction.Wait;
        }

        private ServerAction Write(MessageTag request, out MessageTag reply)
        {
            Message message = Message.Current;
            int count = request.TypedCount != 0 ? -1
                : CharacterDeviceProtocol.UnpackBytes(message.RegisterSpan, request.UntypedCount, _scratch);
            if (count < 0)
            {
                reply = Tag(CharacterDeviceStatus.MalformedRequest, 0);
                return ServerAction.Reply;
            }
            ReadOnlySpan<byte> bytes = new ReadOnlySpan<byte>(_scratch, 0, count);
            if (_pendingCount == 0 && _transmit.TryAddAll(bytes))
            {
                FillTransmitter();
                message.SetWord(0, (ulong)count);
                reply = Tag(CharacterDeviceStatus.Ok, 1);
                return ServerAction.Reply;
            }
            if (_pendingCount == PendingWriteCapacity)
            {
                reply = Tag(CharacterDeviceStatus.DeviceError, 0);
                return ServerAction.Reply;
            }
            long saved = Ipc.SaveReply();
            if (saved < 0)
            {
                reply = Tag(CharacterDeviceStatus.DeviceError, 0);
                return ServerAction.Reply;
            }
            PendingWrite pending = _pendingWrites[(_pendingStart + _pendingCount) % PendingWriteCapacity];
            bytes.CopyTo(pending.Bytes);
            pending.Count = count;
            pending.ReplySlot = (uint)saved;
            _pendingCount++;
            FillTransmitter();
            reply = default;
            return ServerAction.Wait;
        }

        // Reads every interrupt cause until none is pending, then moves bytes both ways whatever the causes said.
        private void ServeUart()
        {
            for (int round = 0; round < InterruptRounds; round++)
            {
                byte identification = _uart.InterruptIdentification();
                if ((identification & Uart16550.NoInterruptPending) != 0)
                {
                    break;
                }
                switch (identification & 0x0E)
                {
                    case 0x06: // receiver line status: reading the status clears it
                        _uart.LineStatus();
                        break;
                    case 0x04: // received data available
                    case 0x0C: // receive FIFO timeout
                        DrainReceiver();
                        break;
                    case 0x02: // transmit holding register empty: reading the identification cleared it
                        FillTransmitter();
                        break;
                    default: // modem status
                        _uart.ModemStatus();
                        break;
                }
            }
            DrainReceiver();
            FillTransmitter();
            AnswerWaitingRead();
        }

        private void DrainReceiver()
        {
            for (int guard = 0; guard < ReceiveCapacity && (_uart.LineStatus() & Uart16550.DataReady) != 0; guard++)
            {
                byte value = _uart.ReadData();
                if (!_received.TryAdd(value))
                {
                    Overruns++;
                }
            }
        }

        // Moves waiting Writes into the ring while they fit, writes a burst into an empty FIFO, and keeps the
        // transmit-empty interrupt enabled exactly while bytes wait.
        private void FillTransmitter()
        {
            QueuePendingWrites();
            if (!_transmit.IsEmpty && (_uart.LineStatus() & Uart16550.TransmitEmpty) != 0)
            {
                for (int i = 0; i < TransmitBurst && _transmit.TryTake(out byte value); i++)
                {
                    _uart.WriteData(value);
                }
                QueuePendingWrites();
            }
            byte wanted = (byte)(_transmit.IsEmpty ? _interruptEnable & ~Uart16550.TransmitInterrupt : _interruptEnable | Uart16550.TransmitInterrupt);
            SetInterruptEnable(wanted);
        }

        private void QueuePendingWrites()
        {
            while (_pendingCount > 0)
            {
                PendingWrite pending = _pendingWrites[_pendingStart];
                if (!_transmit.TryAddAll(new ReadOnlySpan<byte>(pending.Bytes, 0, pending.Count)))
                {
                    return;
                }
                Message.Current.SetWord(0, (ulong)pending.Count);
                Answer(pending.ReplySlot, Tag(CharacterDeviceStatus.Ok, 1));
                pending.ReplySlot = 0;
                _pendingStart = (_pendingStart + 1) % PendingWriteCapacity;
                _pendingCount--;
            }
        }

        private void AnswerWaitingRead()
        {
            if (_waitingReadSlot == 0 || _received.IsEmpty)
            {
                return;
            }
            MessageTag tag = PackReceived(_waitingReadWanted);
            Answer(_waitingReadSlot, tag);
            _waitingReadSlot = 0;
        }

        // Moves up to `wanted` received bytes into the message registers as a Read's reply.
        private MessageTag PackReceived(int wanted)
        {
            int count = _received.Take(new Span<byte>(_scratch, 0, wanted));
            int words = CharacterDeviceProtocol.PackBytes(new ReadOnlySpan<byte>(_scratch, 0, count), Message.Current.RegisterSpan);
            return Tag(CharacterDeviceStatus.Ok, words);
        }

        // Answers through a saved Reply capability (never blocks) and frees its slot.
        private static void Answer(uint replySlot, MessageTag tag)
        {
            Ipc.Send(replySlot, tag, IpcTimeout.Infinite);
            Capabilities.Delete(replySlot);
        }

        private void SetInterruptEnable(int bits)
        {
            if ((byte)bits != _interruptEnable)
            {
                _interruptEnable = (byte)bits;
                _uart.SetInterruptEnable(_interruptEnable);
            }
        }

        private static MessageTag Tag(CharacterDeviceStatus status, int words)
        {
            MessageTag.TryCreate((uint)status, words, 0, MessageTagFlags.None, out MessageTag tag);
            return tag;
        }
    }
}
