namespace Cosmos.Servers.Shell.LineEditing
{
    /// <summary>One key press for the line editor: the key, and for <see cref="EditKey.Character"/> the character.</summary>
    internal struct KeyInput
    {
        public EditKey Key;
        public char Character;

        public KeyInput(EditKey key, char character)
        {
            Key = key;
            Character = character;
        }

        public static KeyInput Of(EditKey key)
        {
            return new KeyInput(key, '\0');
        }

        public static KeyInput Typed(char character)
        {
            return new KeyInput(EditKey.Character, character);
        }
    }
}
