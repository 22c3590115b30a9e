namespace Cosmos.Drivers.Keyboard.Scancodes
{
    /// <summary>
    /// Turns scancode set 1 bytes (what an i8042 controller delivers with translation on, QEMU's default) into
    /// <see cref="KeyEvent"/>s, one byte at a time, keeping the shift, control, alt and caps-lock state.
    /// </summary>
    /// <remarks>
    /// Bit 7 of a code marks a release. 0xE0 prefixes one extended code (navigation keys, right control and alt,
    /// keypad enter and slash); the extended 0x2A and 0x36 codes are the fake shifts a keyboard wraps around Print Screen
    /// and the navigation keys, and are dropped. Pause sends E1 1D 45 E1 9D C5 on press and nothing on release: the
    /// first half is reported as one <see cref="KeyCode.Pause"/> press, the second half is consumed silently, and any
    /// other two bytes after 0xE1 give one <see cref="KeyCode.Unknown"/> event. Every other byte the decoder does not
    /// know gives a <see cref="KeyCode.Unknown"/> event; no byte throws, and no sequence lasts more than three bytes, so a
    /// corrupted stream resynchronizes by itself.
    /// </remarks>
    public sealed class ScancodeSet1Decoder
    {
        private const byte ExtendedPrefix = 0xE0;
        private const byte PausePrefix = 0xE1;
        private const byte ReleaseBit = 0x80;

        private DecoderState _state;
        private byte _pauseFirstByte;
        private bool _leftShift;
        private bool _rightShift;
        private bool _leftControl;
        private bool _rightControl;
        private bool _leftAlt;
        private bool _rightAlt;
        private bool _capsLock;
        // Held caps lock repeats its make code; only the first make toggles.
        private bool _capsLockHeld;

        private enum DecoderState
        {
            Normal,
            AfterExtendedPrefix,
            AfterPausePrefix,
            AfterPauseFirstByte,
        }

        public bool Shift => _leftShift || _rightShift;

        public bool Control => _leftControl || _rightControl;

        public bool Alt => _leftAlt || _rightAlt;

        public bool CapsLock => _capsLock;

        /// <summary>
        /// Takes the next byte from the keyboard. Returns true with the event when the byte completes one, false while a
        /// prefix is pending or the byte is dropped (fake shifts, Pause's second half).
        /// </summary>
        public bool Decode(byte scancode, out KeyEvent keyEvent)
        {
            keyEvent = default;
            switch (_state)
            {
                case DecoderState.AfterPausePrefix:
                    _pauseFirstByte = scancode;
                    _state = DecoderState.AfterPauseFirstByte;
                    return false;
                case DecoderState.AfterPauseFirstByte:
                    _state = DecoderState.Normal;
                    return DecodePause(_pauseFirstByte, scancode, out keyEvent);
            }

            if (scancode == ExtendedPrefix)
            {
                _state = DecoderState.AfterExtendedPrefix;
                return false;
            }

            if (scancode == PausePrefix)
            {
                _state = DecoderState.AfterPausePrefix;
                return false;
            }

            bool extended = _state == DecoderState.AfterExtendedPrefix;
            _state = DecoderState.Normal;
            bool pressed = (scancode & ReleaseBit) == 0;
            int code = scancode & ~ReleaseBit;
            if (extended && (code == 0x2A || code == 0x36))
            {
                return false;
            }

            KeyCode key = extended ? ExtendedKey(code) : BaseKey(code);
            keyEvent = Apply(key, pressed);
            return true;
        }

        /// <summary>Forgets a partly received sequence and every held key (after the keyboard was reset); caps lock stays.</summary>
        public void Reset()
        {
            _state = DecoderState.Normal;
            _leftShift = false;
            _rightShift = false;
            _leftControl = false;
            _rightControl = false;
            _leftAlt = false;
            _rightAlt = false;
            _capsLockHeld = false;
        }

        private bool DecodePause(byte first, byte second, out KeyEvent keyEvent)
        {
            if (first == 0x1D && second == 0x45)
            {
                keyEvent = Apply(KeyCode.Pause, pressed: true);
                return true;
            }

            if (first == 0x9D && second == 0xC5)
            {
                keyEvent = default;
                return false;
            }

            keyEvent = Apply(KeyCode.Unknown, (second & ReleaseBit) == 0);
            return true;
        }

        // Updates the modifier state for the key, then builds the event with the state after the change.
        private KeyEvent Apply(KeyCode key, bool pressed)
        {
            switch (key)
            {
                case KeyCode.LeftShift: _leftShift = pressed; break;
                case KeyCode.RightShift: _rightShift = pressed; break;
                case KeyCode.LeftControl: _leftControl = pressed; break;
                case KeyCode.RightControl: _rightControl = pressed; break;
                case KeyCode.LeftAlt: _leftAlt = pressed; break;
                case KeyCode.RightAlt: _rightAlt = pressed; break;
                case KeyCode.CapsLock:
                    if (pressed && !_capsLockHeld)
                    {
                        _capsLock = !_capsLock;
                    }

                    _capsLockHeld = pressed;
                    break;
            }

            char character = (char)0;
            if (pressed)
            {
                character = UsLayout.Character(key, Shift, _capsLock);
                if (Control && key >= KeyCode.A && key <= KeyCode.Z)
                {
                    character = (char)(1 + (key - KeyCode.A));
                }
            }

            return new KeyEvent(key, pressed, Shift, Control, Alt, _capsLock, character);
        }

        // Set 1 codes without a prefix, release bit removed.
        private static KeyCode BaseKey(int code)
        {
            switch (code)
            {
                case 0x01: return KeyCode.Escape;
                case 0x02: return KeyCode.Digit1;
                case 0x03: return KeyCode.Digit2;
                case 0x04: return KeyCode.Digit3;
                case 0x05: return KeyCode.Digit4;
                case 0x06: return KeyCode.Digit5;
                case 0x07: return KeyCode.Digit6;
                case 0x08: return KeyCode.Digit7;
                case 0x09: return KeyCode.Digit8;
                case 0x0A: return KeyCode.Digit9;
                case 0x0B: return KeyCode.Digit0;
                case 0x0C: return KeyCode.Minus;
                case 0x0D: return KeyCode.Equals;
                case 0x0E: return KeyCode.Backspace;
                case 0x0F: return KeyCode.Tab;
                case 0x10: return KeyCode.Q;
                case 0x11: return KeyCode.W;
                case 0x12: return KeyCode.E;
                case 0x13: return KeyCode.R;
                case 0x14: return KeyCode.T;
                case 0x15: return KeyCode.Y;
                case 0x16: return KeyCode.U;
                case 0x17: return KeyCode.I;
                case 0x18: return KeyCode.O;
                case 0x19: return KeyCode.P;
                case 0x1A: return KeyCode.LeftBracket;
                case 0x1B: return KeyCode.RightBracket;
                case 0x1C: return KeyCode.Enter;
                case 0x1D: return KeyCode.LeftControl;
                case 0x1E: return KeyCode.A;
                case 0x1F: return KeyCode.S;
                case 0x20: return KeyCode.D;
                case 0x21: return KeyCode.F;
                case 0x22: return KeyCode.G;
                case 0x23: return KeyCode.H;
                case 0x24: return KeyCode.J;
                case 0x25: return KeyCode.K;
                case 0x26: return KeyCode.L;
                case 0x27: return KeyCode.Semicolon;
                case 0x28: return KeyCode.Apostrophe;
                case 0x29: return KeyCode.Grave;
                case 0x2A: return KeyCode.LeftShift;
                case 0x2B: return KeyCode.Backslash;
                case 0x2C: return KeyCode.Z;
                case 0x2D: return KeyCode.X;
                case 0x2E: return KeyCode.C;
                case 0x2F: return KeyCode.V;
                case 0x30: return KeyCode.B;
                case 0x31: return KeyCode.N;
                case 0x32: return KeyCode.M;
                case 0x33: return KeyCode.Comma;
                case 0x34: return KeyCode.Period;
                case 0x35: return KeyCode.Slash;
                case 0x36: return KeyCode.RightShift;
                case 0x37: return KeyCode.KeypadAsterisk;
                case 0x38: return KeyCode.LeftAlt;
                case 0x39: return KeyCode.Space;
                case 0x3A: return KeyCode.CapsLock;
                case 0x3B: return KeyCode.F1;
                case 0x3C: return KeyCode.F2;
                case 0x3D: return KeyCode.F3;
                case 0x3E: return KeyCode.F4;
                case 0x3F: return KeyCode.F5;
                case 0x40: return KeyCode.F6;
                case 0x41: return KeyCode.F7;
                case 0x42: return KeyCode.F8;
                case 0x43: return KeyCode.F9;
                case 0x44: return KeyCode.F10;
                case 0x45: return KeyCode.NumberLock;
                case 0x46: return KeyCode.ScrollLock;
                case 0x47: return KeyCode.Keypad7;
                case 0x48: return KeyCode.Keypad8;
                case 0x49: return KeyCode.Keypad9;
                case 0x4A: return KeyCode.KeypadMinus;
                case 0x4B: return KeyCode.Keypad4;
                case 0x4C: return KeyCode.Keypad5;
                case 0x4D: return KeyCode.Keypad6;
                case 0x4E: return KeyCode.KeypadPlus;
                case 0x4F: return KeyCode.Keypad1;
                case 0x50: return KeyCode.Keypad2;
                case 0x51: return KeyCode.Keypad3;
                case 0x52: return KeyCode.Keypad0;
                case 0x53: return KeyCode.KeypadPeriod;
                case 0x57: return KeyCode.F11;
                case 0x58: return KeyCode.F12;
                default: return KeyCode.Unknown;
            }
        }

        // Set 1 codes after 0xE0, release bit removed; 0x46 is Pause pressed with control (Break).
        private static KeyCode ExtendedKey(int code)
        {
            switch (code)
            {
                case 0x1C: return KeyCode.KeypadEnter;
                case 0x1D: return KeyCode.RightControl;
                case 0x35: return KeyCode.KeypadSlash;
                case 0x37: return KeyCode.PrintScreen;
                case 0x38: return KeyCode.RightAlt;
                case 0x46: return KeyCode.Pause;
                case 0x47: return KeyCode.Home;
                case 0x48: return KeyCode.Up;
                case 0x49: return KeyCode.PageUp;
                case 0x4B: return KeyCode.Left;
                case 0x4D: return KeyCode.Right;
                case 0x4F: return KeyCode.End;
                case 0x50: return KeyCode.Down;
                case 0x51: return KeyCode.PageDown;
                case 0x52: return KeyCode.Insert;
                case 0x53: return KeyCode.Delete;
                default: return KeyCode.Unknown;
            }
        }
    }
}
