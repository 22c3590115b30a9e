using System;
using Cosmos.Drivers.Keyboard.Scancodes;

namespace Cosmos.Drivers.Keyboard.Terminal
{
    /// <summary>
    /// Turns a <see cref="KeyEvent"/> into the bytes a VT100-style terminal sends for it, as CharacterDeviceProtocol
    /// (Libc/Api/Devices) specifies keyboard input: printable ASCII, Enter as CR (0x0D), Backspace as DEL (0x7F), Tab
    /// (0x09), Escape (0x1B), Ctrl+letter as 0x01 to 0x1A, the arrows as ESC [ A/B/C/D, Home as ESC [ H, End as ESC [ F,
    /// Delete as ESC [ 3 ~. Pure logic: host-tested.
    /// </summary>
    /// <remarks>
    /// Beyond what the protocol names, and as xterm does: Insert, Page Up and Page Down give ESC [ 2 ~, ESC [ 5 ~ and
    /// ESC [ 6 ~; Ctrl+[ , Ctrl+\ and Ctrl+] give 0x1B, 0x1C and 0x1D; Alt with a key that gives one byte sends ESC
    /// before it. Num lock is taken as always on: the keypad's digits and period give '0' to '9' and '.'. Releases,
    /// modifiers, function keys and unknown keys give nothing, and so does Ctrl with a key that has no control code.
    /// </remarks>
    public static class TerminalKeyEncoder
    {
        /// <summary>The longest sequence one event produces (ESC [ 3 ~, or ESC and a byte for Alt).</summary>
        public const int MaximumSequenceLength = 4;

        private const byte Escape = 0x1B;
        private const byte CarriageReturn = 0x0D;
        private const byte Delete = 0x7F;
        private const byte Tab = 0x09;
        private const byte ControlSequenceIntroducer = (byte)'[';

        /// <summary>
        /// Writes the bytes for <paramref name="keyEvent"/> into <paramref name="output"/> (at least
        /// <see cref="MaximumSequenceLength"/> long) and returns how many; 0 when the event produces none.
        /// </summary>
        public static int Encode(in KeyEvent keyEvent, Span<byte> output)
        {
            if (output.Length < MaximumSequenceLength)
            {
                throw new ArgumentException("The output needs room for the longest sequence.", nameof(output));
            }

            if (!keyEvent.Pressed)
            {
                return 0;
            }

            switch (keyEvent.Key)
            {
                case KeyCode.Up: return Sequence(output, (byte)'A');
                case KeyCode.Down: return Sequence(output, (byte)'B');
                case KeyCode.Right: return Sequence(output, (byte)'C');
                case KeyCode.Left: return Sequence(output, (byte)'D');
                case KeyCode.Home: return Sequence(output, (byte)'H');
                case KeyCode.End: return Sequence(output, (byte)'F');
                case KeyCode.Insert: return TildeSequence(output, (byte)'2');
                case KeyCode.Delete: return TildeSequence(output, (byte)'3');
                case KeyCode.PageUp: return TildeSequence(output, (byte)'5');
                case KeyCode.PageDown: return TildeSequence(output, (byte)'6');
            }

            byte single = SingleByte(keyEvent);
            if (single == 0)
            {
                return 0;
            }

            if (keyEvent.Alt)
            {
                output[0] = Escape;
                output[1] = single;
                return 2;
            }

            output[0] = single;
            return 1;
        }

        // The one byte a key without an escape sequence gives, 0 for none.
        private static byte SingleByte(in KeyEvent keyEvent)
        {
            switch (keyEvent.Key)
            {
                case KeyCode.Enter:
                case KeyCode.KeypadEnter:
                    return CarriageReturn;
                case KeyCode.Backspace: return Delete;
                case KeyCode.Tab: return Tab;
                case KeyCode.Escape: return Escape;
                case KeyCode.KeypadPeriod: return keyEvent.Control ? (byte)0 : (byte)'.';
            }

            if (keyEvent.Key >= KeyCode.Keypad0 && keyEvent.Key <= KeyCode.Keypad9)
            {
                return keyEvent.Control ? (byte)0 : (byte)('0' + (keyEvent.Key - KeyCode.Keypad0));
            }

            if (keyEvent.Control)
            {
                return ControlCode(keyEvent.Key);
            }

            char character = keyEvent.Character;
            return character >= (char)0x20 && character < (char)0x7F ? (byte)character : (byte)0;
        }

        // Ctrl with a letter gives 1 to 26 (Ctrl+A to Ctrl+Z), and with [ \ ] the codes 0x1B to 0x1D; others give nothing.
        private static byte ControlCode(KeyCode key)
        {
            if (key >= KeyCode.A && key <= KeyCode.Z)
            {
                return (byte)(1 + (key - KeyCode.A));
            }

            switch (key)
            {
                case KeyCode.LeftBracket: return 0x1B;
                case KeyCode.Backslash: return 0x1C;
                case KeyCode.RightBracket: return 0x1D;
                default: return 0;
            }
        }

        // ESC [ final.
        private static int Sequence(Span<byte> output, byte final)
        {
            output[0] = Escape;
            output[1] = ControlSequenceIntroducer;
            output[2] = final;
            return 3;
        }

        // ESC [ number ~ (the VT220 editing keys).
        private static int TildeSequence(Span<byte> output, byte number)
        {
            output[0] = Escape;
            output[1] = ControlSequenceIntroducer;
            output[2] = number;
            output[3] = (byte)'~';
            return 4;
        }
    }
}
