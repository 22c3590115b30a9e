using Cosmos.Drivers.Keyboard.Scancodes;
using Cosmos.Drivers.Keyboard.Terminal;
using Xunit;

namespace Servers.Tests
{
    public class KeyTraceTextTests
    {
        private static string Describe(KeyCode key, bool control, bool alt, char character, params byte[] bytes) =>
            KeyTraceText.Describe(new KeyEvent(key, true, false, control, alt, false, character), bytes);

        [Fact]
        public void APrintableByteIsQuoted()
        {
            Assert.Equal("key 'a' -> 61", Describe(KeyCode.A, false, false, 'a', 0x61));
            Assert.Equal("key 'A' -> 41", Describe(KeyCode.A, false, false, 'A', 0x41));
            Assert.Equal("key ' ' -> 20", Describe(KeyCode.Space, false, false, ' ', 0x20));
        }

        [Fact]
        public void OtherBytesAreNamedByKeyAndModifiers()
        {
            Assert.Equal("key Ctrl+C -> 03", Describe(KeyCode.C, true, false, (char)3, 0x03));
            Assert.Equal("key Alt+X -> 1b 78", Describe(KeyCode.X, false, true, 'x', 0x1B, 0x78));
            Assert.Equal("key Alt+1 -> 1b 31", Describe(KeyCode.Digit1, false, true, '1', 0x1B, 0x31));
            Assert.Equal("key Left -> 1b 5b 44", Describe(KeyCode.Left, false, false, (char)0, 0x1B, 0x5B, 0x44));
            Assert.Equal("key Delete -> 1b 5b 33 7e", Describe(KeyCode.Delete, false, false, (char)0, 0x1B, 0x5B, 0x33, 0x7E));
            Assert.Equal("key Enter -> 0d", Describe(KeyCode.Enter, false, false, '\n', 0x0D));
            Assert.Equal("key Backspace -> 7f", Describe(KeyCode.Backspace, false, false, '\b', 0x7F));
        }

        [Fact]
        public void HexSeparatesBytesBySpaces()
        {
            Assert.Equal("", KeyTraceText.Hex(new byte[0]));
            Assert.Equal("00 ff 0a", KeyTraceText.Hex(new byte[] { 0x00, 0xFF, 0x0A }));
        }
    }
}
