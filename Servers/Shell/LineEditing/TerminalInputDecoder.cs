namespace Cosmos.Servers.Shell.LineEditing
{
    /// <summary>
    /// Turns the bytes a VT100-style serial terminal sends into line-editor keys, one byte at a time, so escape
    /// sequences may arrive split across reads. Printable ASCII is a character; CR, LF and CR LF are one Enter;
    /// DEL and BS are Backspace; TAB is Tab; the cursor, Home, End and Delete sequences (both the CSI "ESC [" and
    /// the SS3 "ESC O" forms) become their keys. Unknown or malformed sequences are consumed without producing a
    /// key, a control byte inside a sequence abandons it and is then decoded on its own (so CAN resets the decoder
    /// and a CR is never lost), and a sequence with more than <see cref="ParameterLimit"/> parameter bytes is
    /// abandoned. The decoder never throws.
    /// </summary>
    internal sealed class TerminalInputDecoder
    {
        /// <summary>The most parameter bytes a control sequence may carry before the decoder gives up on it.</summary>
        public const int ParameterLimit = 8;

        private const byte Backspace = 0x08;
        private const byte Tab = 0x09;
        private const byte LineFeed = 0x0A;
        private const byte CarriageReturn = 0x0D;
        private const byte Escape = 0x1B;
        private const byte Delete = 0x7F;
        private const int ParameterValueCap = 10000;

        private const int GroundState = 0;
        private const int EscapeState = 1;
        private const int ControlSequenceState = 2;
        private const int SingleShiftState = 3;

        private int _state = GroundState;
        private bool _afterCarriageReturn;
        private int _parameterCount;
        private int _firstParameter;
        private bool _firstParameterDone;
        private bool _unusualSequence;

        /// <summary>Feeds one byte; returns true with the key when the byte completes one.</summary>
        public bool Decode(byte value, out KeyInput key)
        {
            key = default;
            if (_state != GroundState)
            {
                if (value < 0x20 || value >= 0x7F)
                {
                    // A control (or non-ASCII) byte ends the sequence; it is then decoded on its own below.
                    _state = GroundState;
                }
                else if (_state == EscapeState)
                {
                    return DecodeAfterEscape(value);
                }
                else if (_state == SingleShiftState)
                {
                    _state = GroundState;
                    return DecodeFinal(value, out key);
                }
                else
                {
                    return DecodeControlSequence(value, out key);
                }
            }

            return DecodeGround(value, out key);
        }

        private bool DecodeGround(byte value, out KeyInput key)
        {
            key = default;
            bool afterCarriageReturn = _afterCarriageReturn;
            _afterCarriageReturn = false;
            if (value >= 0x20 && value < 0x7F)
            {
                key = KeyInput.Typed((char)value);
                return true;
            }

            switch (value)
            {
                case CarriageReturn:
                    _afterCarriageReturn = true;
                    key = KeyInput.Of(EditKey.Enter);
                    return true;
                case LineFeed:
                    if (afterCarriageReturn)
                    {
                        return false;
                    }

                    key = KeyInput.Of(EditKey.Enter);
                    return true;
                case Delete:
                case Backspace:
                    key = KeyInput.Of(EditKey.Backspace);
                    return true;
                case Tab:
                    key = KeyInput.Of(EditKey.Tab);
                    return true;
                case Escape:
                    _state = EscapeState;
                    return false;
                default:
                    return false;
            }
        }

        private bool DecodeAfterEscape(byte value)
        {
            if (value == (byte)'[')
            {
                _state = ControlSequenceState;
                _parameterCount = 0;
                _firstParameter = 0;
                _firstParameterDone = false;
                _unusualSequence = false;
            }
            else if (value == (byte)'O')
            {
                _state = SingleShiftState;
            }
            else
            {
                // ESC followed by another printable byte (for example Alt with a key): consumed, no key.
                _state = GroundState;
            }

            return false;
        }

        private bool DecodeControlSequence(byte value, out KeyInput key)
        {
            key = default;
            if (value >= 0x40)
            {
                _state = GroundState;
                if (_unusualSequence)
                {
                    return false;
                }

                if (value == (byte)'~')
                {
                    return DecodeTilde(out key);
                }

                return DecodeFinal(value, out key);
            }

            _parameterCount++;
            if (_parameterCount > ParameterLimit)
            {
                _state = GroundState;
                return false;
            }

            if (value >= (byte)'0' && value <= (byte)'9')
            {
                if (!_firstParameterDone && _firstParameter < ParameterValueCap)
                {
                    _firstParameter = (_firstParameter * 10) + (value - (byte)'0');
                }
            }
            else if (value == (byte)';')
            {
                _firstParameterDone = true;
            }
            else
            {
                // Private markers (< = > ?), ':' and intermediate bytes: nothing this decoder knows.
                _unusualSequence = true;
            }

            return false;
        }

        private bool DecodeTilde(out KeyInput key)
        {
            key = default;
            switch (_firstParameter)
            {
                case 1:
                case 7:
                    key = KeyInput.Of(EditKey.Home);
                    return true;
                case 4:
                case 8:
                    key = KeyInput.Of(EditKey.End);
                    return true;
                case 3:
                    key = KeyInput.Of(EditKey.Delete);
                    return true;
                default:
                    return false;
            }
        }

        private static bool DecodeFinal(byte value, out KeyInput key)
        {
            key = default;
            switch (value)
            {
                case (byte)'A':
                    key = KeyInput.Of(EditKey.Up);
                    return true;
                case (byte)'B':
                    key = KeyInput.Of(EditKey.Down);
                    return true;
                case (byte)'C':
                    key = KeyInput.Of(EditKey.Right);
                    return true;
                case (byte)'D':
                    key = KeyInput.Of(EditKey.Left);
                    return true;
                case (byte)'H':
                    key = KeyInput.Of(EditKey.Home);
                    return true;
                case (byte)'F':
                    key = KeyInput.Of(EditKey.End);
                    return true;
                default:
                    return false;
            }
        }
    }
}
