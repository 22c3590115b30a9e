using System;
using Cosmos.Drivers.Keyboard.Scancodes;

namespace Cosmos.Drivers.Keyboard.Terminal
{
    /// <summary>
    /// The text of the driver's trace line for one key press and the bytes it produced, e.g. "key 'a' -> 61",
    /// "key Ctrl+C -> 03", "key Left -> 1b 5b 44" (bytes in lower-case hex, separated by spaces). Pure logic: host-tested.
    /// </summary>
    public static class KeyTraceText
    {
        private const string HexDigits = "0123456789abcdef";

        /// <summary>"key NAME -> BYTES" for <paramref name="keyEvent"/> and the <paramref name="bytes"/> it produced.</summary>
        public static string Describe(in KeyEvent keyEvent, ReadOnlySpan<byte> bytes)
        {
            return "key " + Name(keyEvent, bytes) + " -> " + Hex(bytes);
        }

        /// <summary>The bytes as two-digit lower-case hex numbers separated by single spaces.</summary>
        public static string Hex(ReadOnlySpan<byte> bytes)
        {
            char[] text = new char[bytes.Length == 0 ? 0 : bytes.Length * 3 - 1];
            for (int i = 0; i < bytes.Length; i++)
            {
                text[i * 3] = HexDigits[bytes[i] >> 4];
                text[i * 3 + 1] = HexDigits[bytes[i] & 0xF];
                if (i + 1 < bytes.Length)
                {
                    text[i * 3 + 2] = ' ';
                }
            }

            return new string(text);
        }

        // A printable byte without modifiers in quotes; otherwise the modifiers held (Ctrl+, Alt+) and the key's name.
        private static string Name(in KeyEvent keyEvent, ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length == 1 && bytes[0] >= 0x20 && bytes[0] < 0x7F)
            {
                return "'" + ((char)bytes[0]).ToString() + "'";
            }

            string modifiers = (keyEvent.Control ? "Ctrl+" : "") + (keyEvent.Alt ? "Alt+" : "");
            char character = keyEvent.Character;
            if (keyEvent.Key >= KeyCode.A && keyEvent.Key <= KeyCode.Z)
            {
                return modifiers + ((char)('A' + (keyEvent.Key - KeyCode.A))).ToString();
            }

            if (character > (char)0x20 && character < (char)0x7F)
            {
                return modifiers + character.ToString();
            }

            return modifiers + KeyName(keyEvent.Key);
        }

        // The names of the keys that produce bytes other than one printable character.
        private static string KeyName(KeyCode key)
        {
            switch (key)
            {
                case KeyCode.Enter: return "Enter";
                case KeyCode.KeypadEnter: return "KeypadEnter";
                case KeyCode.Backspace: return "Backspace";
                case KeyCode.Tab: return "Tab";
                case KeyCode.Escape: return "Escape";
                case KeyCode.Space: return "Space";
                case KeyCode.Up: return "Up";
                case KeyCode.Down: return "Down";
                case KeyCode.Left: return "Left";
                case KeyCode.Right: return "Right";
                case KeyCode.Home: return "Home";
                case KeyCode.End: return "End";
                case KeyCode.Insert: return "Insert";
                case KeyCode.Delete: return "Delete";
                case KeyCode.PageUp: return "PageUp";
                case KeyCode.PageDown: return "PageDown";
                case KeyCode.LeftBracket: return "[";
                case KeyCode.RightBracket: return "]";
                case KeyCode.Backslash: return "\\";
                default: return "key" + ((int)key).ToString();
            }
        }
    }
}
