namespace Cosmos.Drivers.Keyboard.Scancodes
{
    /// <summary>
    /// The US keyboard layout: which character a key produces under shift and caps lock. Caps lock affects letters only,
    /// and shift with caps lock gives lower-case letters again.
    /// </summary>
    public static class UsLayout
    {
        /// <summary>The character <paramref name="key"/> produces, or 0 when it produces none.</summary>
        public static char Character(KeyCode key, bool shift, bool capsLock)
        {
            if (key >= KeyCode.A && key <= KeyCode.Z)
            {
                bool upper = shift != capsLock;
                return (char)((upper ? 'A' : 'a') + (key - KeyCode.A));
            }

            if (key >= KeyCode.Digit0 && key <= KeyCode.Digit9)
            {
                return shift ? ShiftedDigit(key - KeyCode.Digit0) : (char)('0' + (key - KeyCode.Digit0));
            }

            switch (key)
            {
                case KeyCode.Minus: return shift ? '_' : '-';
                case KeyCode.Equals: return shift ? '+' : '=';
                case KeyCode.LeftBracket: return shift ? '{' : '[';
                case KeyCode.RightBracket: return shift ? '}' : ']';
                case KeyCode.Backslash: return shift ? '|' : '\\';
                case KeyCode.Semicolon: return shift ? ':' : ';';
                case KeyCode.Apostrophe: return shift ? '"' : '\'';
                case KeyCode.Grave: return shift ? '~' : '`';
                case KeyCode.Comma: return shift ? '<' : ',';
                case KeyCode.Period: return shift ? '>' : '.';
                case KeyCode.Slash: return shift ? '?' : '/';
                case KeyCode.Space: return ' ';
                case KeyCode.Enter: return '\n';
                case KeyCode.KeypadEnter: return '\n';
                case KeyCode.Backspace: return '\b';
                case KeyCode.Tab: return '\t';
                case KeyCode.Escape: return (char)0x1B;
                // The keypad's operators do not depend on num lock; its digits and period do, and num lock is not
                // tracked, so they produce nothing and a line editor reads their KeyCode instead.
                case KeyCode.KeypadSlash: return '/';
                case KeyCode.KeypadAsterisk: return '*';
                case KeyCode.KeypadMinus: return '-';
                case KeyCode.KeypadPlus: return '+';
                default: return (char)0;
            }
        }

        // The symbols above the digit row of a US keyboard, 0 to 9.
        private static char ShiftedDigit(int digit)
        {
            switch (digit)
            {
                case 1: return '!';
                case 2: return '@';
                case 3: return '#';
                case 4: return '$';
                case 5: return '%';
                case 6: return '^';
                case 7: return '&';
                case 8: return '*';
                case 9: return '(';
                default: return ')';
            }
        }
    }
}
