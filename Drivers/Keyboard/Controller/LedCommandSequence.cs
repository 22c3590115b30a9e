namespace Cosmos.Drivers.Keyboard.Controller
{
    /// <summary>
    /// Sets the keyboard's LEDs without blocking the interrupt path: command 0xED, the keyboard's acknowledgement (0xFA),
    /// the LED byte, its acknowledgement. The driver sends what <see cref="Request"/> and <see cref="Accept"/> tell it to
    /// and hands every byte from the keyboard to <see cref="Accept"/> first; bytes that are not an answer to the command
    /// are the keyboard's key codes and go on to the decoder. Pure logic: host-tested.
    /// </summary>
    /// <remarks>
    /// A resend request (0xFE) repeats the last byte, at most <see cref="MaximumResends"/> times. A keyboard that never
    /// answers cannot wedge the sequence: after <see cref="MaximumUnrelatedBytes"/> key bytes without an answer it is
    /// given up, and the next request starts afresh. A request while one is under way is kept and sent when that ends.
    /// </remarks>
    public sealed class LedCommandSequence
    {
        /// <summary>The keyboard command "set LEDs"; its data byte has scroll lock in bit 0, num lock bit 1, caps lock bit 2.</summary>
        public const byte SetLedsCommand = 0xED;

        /// <summary>The keyboard's acknowledgement of a command or data byte.</summary>
        public const byte Acknowledge = 0xFA;

        /// <summary>The keyboard's request to send the last byte again.</summary>
        public const byte Resend = 0xFE;

        public const byte ScrollLockLed = 1;
        public const byte NumberLockLed = 2;
        public const byte CapsLockLed = 4;

        public const int MaximumResends = 3;
        public const int MaximumUnrelatedBytes = 8;

        private State _state;
        private byte _sending;
        private byte _pending;
        private bool _hasPending;
        private int _resends;
        private int _unrelatedBytes;

        private enum State
        {
            Idle,
            AwaitingCommandAcknowledge,
            AwaitingValueAcknowledge,
        }

        /// <summary>True while a command waits for the keyboard's answer.</summary>
        public bool Busy => _state != State.Idle;

        /// <summary>The LED byte the keyboard acknowledged last (0 before any).</summary>
        public byte Shown { get; private set; }

        /// <summary>Commands given up because the keyboard did not answer them properly.</summary>
        public int Abandoned { get; private set; }

        /// <summary>Asks for the LEDs to show <paramref name="leds"/>. Returns true with the byte to send now, false when one is under way (it follows).</summary>
        public bool Request(byte leds, out byte toSend)
        {
            if (_state != State.Idle)
            {
                _pending = leds;
                _hasPending = true;
                toSend = 0;
                return false;
            }

            _hasPending = false;
            return Start(leds, out toSend);
        }

        /// <summary>
        /// Offers a byte the keyboard sent. Returns true when it was an answer to the command (the decoder must not see it);
        /// then <paramref name="send"/> says whether <paramref name="toSend"/> must go to the keyboard next.
        /// </summary>
        public bool Accept(byte received, out bool send, out byte toSend)
        {
            send = false;
            toSend = 0;
            if (_state == State.Idle)
            {
                return false;
            }

            if (received == Resend)
            {
                if (_resends++ >= MaximumResends)
                {
                    GiveUp();
                    send = _hasPending && TakePending(out toSend);
                    return true;
                }

                send = true;
                toSend = _state == State.AwaitingCommandAcknowledge ? SetLedsCommand : _sending;
                return true;
            }

            if (received != Acknowledge)
            {
                if (++_unrelatedBytes >= MaximumUnrelatedBytes)
                {
                    GiveUp();
                }

                return false;
            }

            _unrelatedBytes = 0;
            _resends = 0;
            if (_state == State.AwaitingCommandAcknowledge)
            {
                _state = State.AwaitingValueAcknowledge;
                send = true;
                toSend = _sending;
                return true;
            }

            _state = State.Idle;
            Shown = _sending;
            send = _hasPending && TakePending(out toSend);
            return true;
        }

        private bool Start(byte leds, out byte toSend)
        {
            _sending = leds;
            _state = State.AwaitingCommandAcknowledge;
            _resends = 0;
            _unrelatedBytes = 0;
            toSend = SetLedsCommand;
            return true;
        }

        // Starts the request that waited while the last one was under way.
        private bool TakePending(out byte toSend)
        {
            _hasPending = false;
            return Start(_pending, out toSend);
        }

        private void GiveUp()
        {
            _state = State.Idle;
            Abandoned++;
        }
    }
}
