using System;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Drivers.Keyboard.Controller;
using Cosmos.Drivers.Keyboard.Input;
using Cosmos.Drivers.Keyboard.Scancodes;
using Cosmos.Drivers.Keyboard.Terminal;

namespace Cosmos.Drivers.Keyboard
{
    /// <summary>
    /// The running keyboard driver: takes the controller's bytes on IRQ 1, decodes them into key events and terminal
    /// bytes (<see cref="TerminalKeyEncoder"/>), keeps them in an <see cref="InputRing"/>, and serves them as a read-only
    /// character device (<see cref="CharacterDeviceProtocol"/>). One thread: requests and interrupts both arrive on the
    /// driver's port (the interrupt notification is bound to it). A waiting Read keeps its caller's reply right in a
    /// saved Reply capability until a byte comes; a newer waiting Read supersedes it.
    /// </summary>
    internal sealed class KeyboardDriver
    {
        /// <summary>Bytes kept for readers: a few seconds of fast typing even in escape sequences.</summary>
        public const int RingCapacity = 1024;

        /// <summary>The notification bit IRQ 1 signals.</summary>
        public const ulong InterruptBit = 1;

        /// <summary>Bytes taken from the controller per interrupt at most, so a stuck status bit cannot hold the driver.</summary>
        private const int BytesPerInterrupt = 64;

        private readonly I8042Controller _controller;
        private readonly uint _interruptLine;
        private readonly bool _trace;
        private readonly ScancodeSet1Decoder _decoder = new ScancodeSet1Decoder();
        private readonly LedCommandSequence _leds = new LedCommandSequence();
        private readonly InputRing _ring = new InputRing(RingCapacity);
        private readonly byte[] _sequence = new byte[TerminalKeyEncoder.MaximumSequenceLength];
        private readonly byte[] _delivery = new byte[CharacterDeviceProtocol.MaximumBytes];
        private byte _ledsRequested;

        // The saved Reply capability of the waiting reader (0: none) and how many bytes it wants.
        private uint _waiterSlot;
        private int _waiterWanted;

        public KeyboardDriver(I8042Controller controller, uint interruptLine, bool trace)
        {
            _controller = controller;
            _interruptLine = interruptLine;
            _trace = trace;
        }

        /// <summary>Bytes the controller flagged with a parity or timeout error, dropped.</summary>
        public ulong ErrorBytes { get; private set; }

        /// <summary>Serves one request; the reply's words are in the message registers.</summary>
        public ServerAction HandleMessage(MessageTag request, out MessageTag reply)
        {
            Message message = Message.Current;
            switch (request.Label)
            {
                case CharacterDeviceProtocol.Read:
                    return Read(request, message, out reply);
                case CharacterDeviceProtocol.Write:
                    reply = Status(CharacterDeviceStatus.NotSupported, 0);
                    return ServerAction.Reply;
                case CharacterDeviceProtocol.Information:
                    message.SetWord(0, (ulong)CharacterDeviceKind.Keyboard);
                    message.SetWord(1, 0);
                    message.SetWord(2, 0);
                    message.SetWord(3, (ulong)CharacterDeviceCapabilities.Readable);
                    reply = Status(CharacterDeviceStatus.Ok, 4);
                    return ServerAction.Reply;
                default:
                    reply = Status(CharacterDeviceStatus.UnknownRequest, 0);
                    return ServerAction.Reply;
            }
        }

        /// <summary>IRQ 1 fired: takes the controller's bytes, unmasks the line, and answers a waiting reader.</summary>
        public void HandleInterrupt()
        {
            TakeControllerBytes();
            Interrupts.Acknowledge(_interruptLine);
            AnswerWaiter();
        }

        /// <summary>
        /// Takes bytes the controller holds without an interrupt having been seen (one lost before the line was bound, or a
        /// controller that raised none) and answers a waiting reader; called when the port was quiet for a while.
        /// </summary>
        public void Poll()
        {
            TakeControllerBytes();
            AnswerWaiter();
        }

        private ServerAction Read(MessageTag request, Message message, out MessageTag reply)
        {
            CharacterDeviceStatus status = ReadRequest.TryParse(request, message.Word(0), message.Word(1), out ReadRequest read);
            if (status != CharacterDeviceStatus.Ok)
            {
                reply = Status(status, 0);
                return ServerAction.Reply;
            }

            if (!_ring.IsEmpty || !read.Wait)
            {
                int count = _ring.Take(new Span<byte>(_delivery, 0, read.Wanted));
                int words = CharacterDeviceProtocol.PackBytes(new ReadOnlySpan<byte>(_delivery, 0, count), message.RegisterSpan);
                reply = Status(CharacterDeviceStatus.Ok, words);
                return ServerAction.Reply;
            }

            if (_waiterSlot != 0)
            {
                Answer(_waiterSlot, Status(CharacterDeviceStatus.Superseded, 0));
                _waiterSlot = 0;
            }

            long saved = Ipc.SaveReply();
            if (saved < 0)
            {
                reply = Status(CharacterDeviceStatus.DeviceError, 0);
                return ServerAction.Reply;
            }

            _waiterSlot = (uint)saved;
            _waiterWanted = read.Wanted;
            reply = default;
            return ServerAction.Wait;
        }

        // Hands the waiting reader what the ring holds; the bytes leave the ring only when the answer was delivered.
        private void AnswerWaiter()
        {
            if (_waiterSlot == 0 || _ring.IsEmpty)
            {
                return;
            }

            int count = _ring.Peek(new Span<byte>(_delivery, 0, _waiterWanted));
            int words = CharacterDeviceProtocol.PackBytes(new ReadOnlySpan<byte>(_delivery, 0, count), Message.Current.RegisterSpan);
            if (Answer(_waiterSlot, Status(CharacterDeviceStatus.Ok, words)))
            {
                _ring.Skip(count);
            }

            _waiterSlot = 0;
        }

        // Answers through a saved Reply capability; a caller that is gone (its call ended) leaves the slot, so delete it.
        private static bool Answer(uint slot, MessageTag tag)
        {
            IpcResult result = Ipc.Send(slot, tag, IpcTimeout.Poll);
            if (!result.Succeeded)
            {
                Capabilities.Delete(slot);
                return false;
            }

            return true;
        }

        private void TakeControllerBytes()
        {
            for (int i = 0; i < BytesPerInterrupt; i++)
            {
                byte status = _controller.Status;
                if ((status & ControllerStatus.OutputFull) == 0)
                {
                    return;
                }

                byte value = _controller.ReadData();
                if ((status & ControllerStatus.FromPort2) != 0)
                {
                    continue;
                }

                if ((status & (ControllerStatus.ParityError | ControllerStatus.TimeoutError)) != 0)
                {
                    ErrorBytes++;
                    continue;
                }

                TakeKeyboardByte(value);
            }
        }

        private void TakeKeyboardByte(byte value)
        {
            bool ledsWereBusy = _leds.Busy;
            if (_leds.Accept(value, out bool send, out byte toSend))
            {
                if (send)
                {
                    _controller.WriteToKeyboard(toSend);
                }

                if (_trace && ledsWereBusy && !_leds.Busy)
                {
                    Kernel.DebugWrite("keyboard: LEDs acknowledged, caps lock " + ((_leds.Shown & LedCommandSequence.CapsLockLed) != 0 ? "on" : "off") + "\n");
                }

                return;
            }

            if (!_decoder.Decode(value, out KeyEvent keyEvent))
            {
                return;
            }

            if (keyEvent.Key == KeyCode.CapsLock && keyEvent.Pressed)
            {
                UpdateLeds();
            }

            Span<byte> sequence = _sequence;
            int length = TerminalKeyEncoder.Encode(keyEvent, sequence);
            if (length == 0)
            {
                return;
            }

            bool kept = _ring.TryAppend(sequence.Slice(0, length));
            if (_trace)
            {
                Kernel.DebugWrite("keyboard: " + KeyTraceText.Describe(keyEvent, sequence.Slice(0, length)) +
                    (kept ? "\n" : " (dropped: buffer full, " + _ring.DroppedBytes.ToString() + " bytes dropped so far)\n"));
            }
        }

        // Shows caps lock on the keyboard's LED when it changed since the last request.
        private void UpdateLeds()
        {
            byte wanted = _decoder.CapsLock ? LedCommandSequence.CapsLockLed : (byte)0;
            if (wanted == _ledsRequested)
            {
                return;
            }

            _ledsRequested = wanted;
            if (_leds.Request(wanted, out byte toSend))
            {
                _controller.WriteToKeyboard(toSend);
            }
        }

        private static MessageTag Status(CharacterDeviceStatus status, int words)
        {
            MessageTag.TryCreate((uint)status, words, 0, MessageTagFlags.None, out MessageTag tag);
            return tag;
        }
    }
}
