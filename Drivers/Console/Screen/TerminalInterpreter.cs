using System;

namespace Cosmos.Drivers.Console.Screen
{
    /// <summary>
    /// Interprets output bytes like a VT100 subset (the list in CharacterDeviceProtocol's comment) onto a
    /// <see cref="TextScreen"/>: CR, LF, BS, TAB, BEL (ignored), printable bytes, and the control sequences ESC [ n A/B/C/D,
    /// ESC [ row ; col H (and f), ESC [ n J, ESC [ n K and ESC [ n ; ... m (SGR 0, 1, 7, 22, 27, 30-37, 39, 40-47, 49,
    /// 90-97, 100-107). A sequence may be split across writes. Anything else is dropped without harm: unknown finals,
    /// private sequences (ESC [ ? ...), ESC followed by another byte; CAN and SUB cancel a sequence; more than
    /// <see cref="MaximumParameters"/> parameters are ignored, a parameter stops growing at <see cref="MaximumParameterValue"/>.
    /// A control character inside a sequence acts at once, as on a VT100. Bytes 0x80-0xFF are printed as they are.
    /// </summary>
    public sealed class TerminalInterpreter
    {
        public const int MaximumParameters = 16;
        public const int MaximumParameterValue = 9999;

        private const byte Escape = 0x1B;

        private readonly TextScreen _screen;
        private readonly int[] _parameters = new int[MaximumParameters];
        private State _state;
        private int _parameterCount;
        private bool _parameterStarted;
        private bool _ignoreSequence;

        public TerminalInterpreter(TextScreen screen)
        {
            _screen = screen;
        }

        public TextScreen Screen => _screen;

        private enum State
        {
            Ground,
            Escape,
            ControlSequence,
        }

        /// <summary>Interprets every byte of <paramref name="bytes"/> in order.</summary>
        public void Write(ReadOnlySpan<byte> bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                Write(bytes[i]);
            }
        }

        /// <summary>Interprets one byte.</summary>
        public void Write(byte value)
        {
            if (value < 0x20 || value == 0x7F)
            {
                Control(value);
                return;
            }
            switch (_state)
            {
                case State.Ground:
                    _screen.Print(value);
                    break;
                case State.Escape:
                    if (value == (byte)'[')
                    {
                        StartSequence();
                    }
                    else
                    {
                        // ESC with anything else (ESC c, ESC 7, ...) is not in the subset: dropped with its byte.
                        _state = State.Ground;
                    }
                    break;
                case State.ControlSequence:
                    SequenceByte(value);
                    break;
            }
        }

        private void Control(byte value)
        {
            switch (value)
            {
                case Escape:
                    // ESC in the middle of a sequence abandons it and starts another, as on a VT100.
                    _state = State.Escape;
                    break;
                case 0x18: // CAN
                case 0x1A: // SUB
                    _state = State.Ground;
                    break;
                case (byte)'\r':
                    _screen.CarriageReturn();
                    break;
                case (byte)'\n':
                case 0x0B: // VT and FF act as LF on a VT100
                case 0x0C:
                    _screen.LineFeed();
                    break;
                case 0x08:
                    _screen.Backspace();
                    break;
                case (byte)'\t':
                    _screen.Tab();
                    break;
                default:
                    // BEL, NUL, DEL and the other controls do nothing on this screen.
                    break;
            }
        }

        private void StartSequence()
        {
            _state = State.ControlSequence;
            _parameterCount = 0;
            _parameterStarted = false;
            _ignoreSequence = false;
            Array.Clear(_parameters, 0, MaximumParameters);
        }

        private void SequenceByte(byte value)
        {
            if (value >= (byte)'0' && value <= (byte)'9')
            {
                if (!_parameterStarted)
                {
                    _parameterStarted = true;
                    CountParameter();
                }
                if (_parameterCount <= MaximumParameters)
                {
                    int index = _parameterCount - 1;
                    int grown = _parameters[index] * 10 + (value - '0');
                    _parameters[index] = grown > MaximumParameterValue ? MaximumParameterValue : grown;
                }
                return;
            }
            if (value == (byte)';')
            {
                if (!_parameterStarted)
                {
                    CountParameter(); // an empty parameter: stays 0, its default
                }
                _parameterStarted = false;
                return;
            }
            if (value >= 0x20 && value <= 0x3F)
            {
                // Private markers (? < = >), intermediates (space to /) and ':' make a sequence this screen does not know.
                _ignoreSequence = true;
                return;
            }
            _state = State.Ground;
            if (value >= 0x40 && value <= 0x7E && !_ignoreSequence && _parameterCount <= MaximumParameters)
            {
                Execute(value);
            }
        }

        // One parameter more; the count stops one past the maximum, which marks the sequence as too long.
        private void CountParameter()
        {
            if (_parameterCount <= MaximumParameters)
            {
                _parameterCount++;
            }
        }

        /// <summary>Parameter <paramref name="index"/>, or 0 when it was not given.</summary>
        private int Parameter(int index) => index < _parameterCount ? _parameters[index] : 0;

        /// <summary>Parameter <paramref name="index"/>, or 1 when it was not given or 0 (a count or position).</summary>
        private int CountOrPosition(int index)
        {
            int value = Parameter(index);
            return value == 0 ? 1 : value;
        }

        private void Execute(byte final)
        {
            switch ((char)final)
            {
                case 'A':
                    _screen.MoveCursor(-CountOrPosition(0), 0);
                    break;
                case 'B':
                    _screen.MoveCursor(CountOrPosition(0), 0);
                    break;
                case 'C':
                    _screen.MoveCursor(0, CountOrPosition(0));
                    break;
                case 'D':
                    _screen.MoveCursor(0, -CountOrPosition(0));
                    break;
                case 'H':
                case 'f':
                    _screen.SetCursor(CountOrPosition(0) - 1, CountOrPosition(1) - 1);
                    break;
                case 'J':
                    _screen.EraseInDisplay(Parameter(0));
                    break;
                case 'K':
                    _screen.EraseInLine(Parameter(0));
                    break;
                case 'm':
                    SelectGraphicRendition();
                    break;
            }
        }

        private void SelectGraphicRendition()
        {
            if (_parameterCount == 0)
            {
                _screen.ResetAttributes();
                return;
            }
            for (int i = 0; i < _parameterCount; i++)
            {
                int value = _parameters[i];
                if (value == 0)
                {
                    _screen.ResetAttributes();
                }
                else if (value == 1)
                {
                    _screen.SetBold(true);
                }
                else if (value == 22)
                {
                    _screen.SetBold(false);
                }
                else if (value == 7)
                {
                    _screen.SetReverse(true);
                }
                else if (value == 27)
                {
                    _screen.SetReverse(false);
                }
                else if (value >= 30 && value <= 37)
                {
                    _screen.SetForeground(VgaPalette.FromAnsi(value - 30));
                }
                else if (value == 39)
                {
                    _screen.SetForeground(TextScreen.DefaultForeground);
                }
                else if (value >= 40 && value <= 47)
                {
                    _screen.SetBackground(VgaPalette.FromAnsi(value - 40));
                }
                else if (value == 49)
                {
                    _screen.SetBackground(TextScreen.DefaultBackground);
                }
                else if (value >= 90 && value <= 97)
                {
                    _screen.SetForeground(VgaPalette.FromAnsi(value - 90 + 8));
                }
                else if (value >= 100 && value <= 107)
                {
                    _screen.SetBackground(VgaPalette.FromAnsi(value - 100 + 8));
                }
            }
        }
    }
}
