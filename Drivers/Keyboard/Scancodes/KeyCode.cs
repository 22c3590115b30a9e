namespace Cosmos.Drivers.Keyboard.Scancodes
{
    /// <summary>
    /// A physical key of a US 101/102-key keyboard, named by its US legend and independent of the scancode set.
    /// The letters A to Z and the digits 0 to 9 are contiguous, so a layout can compute their characters.
    /// </summary>
    public enum KeyCode
    {
        /// <summary>A code the decoder does not know (including the Windows and Menu keys); never produces a character.</summary>
        Unknown,

        A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,

        Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9,

        /// <summary>'-' and '_'.</summary>
        Minus,
        /// <summary>'=' and '+'.</summary>
        Equals,
        /// <summary>'[' and '{'.</summary>
        LeftBracket,
        /// <summary>']' and '}'.</summary>
        RightBracket,
        /// <summary>'\' and '|'.</summary>
        Backslash,
        /// <summary>';' and ':'.</summary>
        Semicolon,
        /// <summary>The quote key: '\'' and '"'.</summary>
        Apostrophe,
        /// <summary>The key left of 1: '`' and '~'.</summary>
        Grave,
        /// <summary>',' and '&lt;'.</summary>
        Comma,
        /// <summary>'.' and '&gt;'.</summary>
        Period,
        /// <summary>'/' and '?'.</summary>
        Slash,

        Space,
        Enter,
        Backspace,
        Tab,
        Escape,

        LeftShift,
        RightShift,
        LeftControl,
        RightControl,
        LeftAlt,
        RightAlt,
        CapsLock,
        NumberLock,
        ScrollLock,

        Up,
        Down,
        Left,
        Right,
        Home,
        End,
        Insert,
        Delete,
        PageUp,
        PageDown,
        PrintScreen,
        /// <summary>Pause/Break: reported once as a press, never released (the keyboard sends no break code for it).</summary>
        Pause,

        F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,

        Keypad0, Keypad1, Keypad2, Keypad3, Keypad4, Keypad5, Keypad6, Keypad7, Keypad8, Keypad9,
        KeypadPeriod,
        KeypadPlus,
        KeypadMinus,
        KeypadAsterisk,
        KeypadSlash,
        KeypadEnter,
    }
}
