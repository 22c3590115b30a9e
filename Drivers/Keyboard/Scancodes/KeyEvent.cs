namespace Cosmos.Drivers.Keyboard.Scancodes
{
    /// <summary>
    /// One press (make, including the keyboard's auto-repeat) or release (break) of a key, with the modifier state
    /// after the event was applied (so a LeftShift press already has <see cref="Shift"/> set and its release has it clear
    /// unless RightShift is still held) and the character the press produces.
    /// </summary>
    public readonly struct KeyEvent
    {
        public KeyEvent(KeyCode key, bool pressed, bool shift, bool control, bool alt, bool capsLock, char character)
        {
            Key = key;
            Pressed = pressed;
            Shift = shift;
            Control = control;
            Alt = alt;
            CapsLock = capsLock;
            Character = character;
        }

        public KeyCode Key { get; }

        /// <summary>True for a make code (press or auto-repeat), false for a break code.</summary>
        public bool Pressed { get; }

        public bool Released => !Pressed;

        /// <summary>Either shift key is held.</summary>
        public bool Shift { get; }

        /// <summary>Either control key is held.</summary>
        public bool Control { get; }

        /// <summary>Either alt key is held; alt does not change <see cref="Character"/>.</summary>
        public bool Alt { get; }

        /// <summary>Caps lock is on (it toggles on each CapsLock press).</summary>
        public bool CapsLock { get; }

        /// <summary>
        /// The character a press produces, 0 for releases and for keys without one (modifiers, navigation, function keys,
        /// keypad digits). Control with a letter gives the ASCII control code 1 to 26; control with any other key leaves
        /// the character as the layout gives it.
        /// </summary>
        public char Character { get; }
    }
}
