using Cosmos.Drivers.Keyboard.Scancodes;
using Xunit;

namespace Servers.Tests
{
    public class UsLayoutTests
    {
        [Theory]
        [InlineData(KeyCode.Digit1, '1', '!')]
        [InlineData(KeyCode.Digit2, '2', '@')]
        [InlineData(KeyCode.Digit3, '3', '#')]
        [InlineData(KeyCode.Digit4, '4', '$')]
        [InlineData(KeyCode.Digit5, '5', '%')]
        [InlineData(KeyCode.Digit6, '6', '^')]
        [InlineData(KeyCode.Digit7, '7', '&')]
        [InlineData(KeyCode.Digit8, '8', '*')]
        [InlineData(KeyCode.Digit9, '9', '(')]
        [InlineData(KeyCode.Digit0, '0', ')')]
        [InlineData(KeyCode.Minus, '-', '_')]
        [InlineData(KeyCode.Equals, '=', '+')]
        [InlineData(KeyCode.LeftBracket, '[', '{')]
        [InlineData(KeyCode.RightBracket, ']', '}')]
        [InlineData(KeyCode.Backslash, '\\', '|')]
        [InlineData(KeyCode.Semicolon, ';', ':')]
        [InlineData(KeyCode.Apostrophe, '\'', '"')]
        [InlineData(KeyCode.Grave, '`', '~')]
        [InlineData(KeyCode.Comma, ',', '<')]
        [InlineData(KeyCode.Period, '.', '>')]
        [InlineData(KeyCode.Slash, '/', '?')]
        [InlineData(KeyCode.Space, ' ', ' ')]
        [InlineData(KeyCode.Enter, '\n', '\n')]
        [InlineData(KeyCode.KeypadEnter, '\n', '\n')]
        [InlineData(KeyCode.Backspace, '\b', '\b')]
        [InlineData(KeyCode.Tab, '\t', '\t')]
        [InlineData(KeyCode.Escape, '\u001B', '\u001B')]
        [InlineData(KeyCode.KeypadSlash, '/', '/')]
        [InlineData(KeyCode.KeypadAsterisk, '*', '*')]
        [InlineData(KeyCode.KeypadMinus, '-', '-')]
        [InlineData(KeyCode.KeypadPlus, '+', '+')]
        public void NonLettersFollowShiftAndIgnoreCapsLock(KeyCode key, char plain, char shifted)
        {
            Assert.Equal(plain, UsLayout.Character(key, shift: false, capsLock: false));
            Assert.Equal(shifted, UsLayout.Character(key, shift: true, capsLock: false));
            Assert.Equal(plain, UsLayout.Character(key, shift: false, capsLock: true));
            Assert.Equal(shifted, UsLayout.Character(key, shift: true, capsLock: true));
        }

        [Fact]
        public void LettersAreUpperCaseWhenShiftAndCapsLockDisagree()
        {
            for (KeyCode key = KeyCode.A; key <= KeyCode.Z; key++)
            {
                char lower = (char)('a' + (key - KeyCode.A));
                char upper = (char)('A' + (key - KeyCode.A));
                Assert.Equal(lower, UsLayout.Character(key, shift: false, capsLock: false));
                Assert.Equal(upper, UsLayout.Character(key, shift: true, capsLock: false));
                Assert.Equal(upper, UsLayout.Character(key, shift: false, capsLock: true));
                Assert.Equal(lower, UsLayout.Character(key, shift: true, capsLock: true));
            }
        }

        [Theory]
        [InlineData(KeyCode.Unknown)]
        [InlineData(KeyCode.LeftShift)]
        [InlineData(KeyCode.RightControl)]
        [InlineData(KeyCode.LeftAlt)]
        [InlineData(KeyCode.CapsLock)]
        [InlineData(KeyCode.Up)]
        [InlineData(KeyCode.Home)]
        [InlineData(KeyCode.End)]
        [InlineData(KeyCode.Insert)]
        [InlineData(KeyCode.Delete)]
        [InlineData(KeyCode.PageDown)]
        [InlineData(KeyCode.F1)]
        [InlineData(KeyCode.F12)]
        [InlineData(KeyCode.Keypad5)]
        [InlineData(KeyCode.KeypadPeriod)]
        [InlineData(KeyCode.Pause)]
        public void KeysWithoutCharactersGiveZero(KeyCode key)
        {
            Assert.Equal((char)0, UsLayout.Character(key, shift: false, capsLock: false));
            Assert.Equal((char)0, UsLayout.Character(key, shift: true, capsLock: true));
        }
    }
}
