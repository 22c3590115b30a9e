namespace Cosmos.Servers.Shell.LineEditing
{
    /// <summary>
    /// The keys the line editor understands, already decoded from the terminal's bytes and escape sequences
    /// (Character carries a printable character in <see cref="KeyInput.Character"/>).
    /// </summary>
    internal enum EditKey
    {
        Character,
        Left,
        Right,
        Home,
        End,
        Backspace,
        Delete,
        Up,
        Down,
        Tab,
        Enter,
    }
}
