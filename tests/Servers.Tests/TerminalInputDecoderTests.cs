using System;
using System.Collections.Generic;
using Cosmos.Servers.Shell.LineEditing;
using Xunit;

namespace Servers.Tests
{
    public class TerminalInputDecoderTests
    {
        private const byte Escape = 0x1B;
        private const byte Cancel = 0x18;

        private static List<KeyInput> Feed(TerminalInputDecoder decoder, string text)
        {
            var keys = new List<KeyInput>();
            foreach (char character in text)
            {
                if (decoder.Decode((byte)character, out KeyInput key))
                {
                    keys.Add(key);
                }
            }

            return keys;
        }

        private static List<KeyInput> Feed(string text)
        {
            return Feed(new TerminalInputDecoder(), text);
        }

        private static KeyInput Single(string text)
        {
            List<KeyInput> keys = Feed(text);
            Assert.Single(keys);
            return keys[0];
        }

        private static void AssertKey(EditKey expected, KeyInput actual)
        {
            Assert.Equal(expected, actual.Key);
        }

        [Fact]
        public void EveryPrintableByteIsTypedCharacter()
        {
            for (int value = 0x20; value <= 0x7E; value++)
            {
                KeyInput key = Single(((char)value).ToString());
                Assert.Equal(EditKey.Character, key.Key);
                Assert.Equal((char)value, key.Character);
            }
        }

        [Theory]
        [InlineData("\r", (int)EditKey.Enter)]
        [InlineData("\n", (int)EditKey.Enter)]
        [InlineData("\x7F", (int)EditKey.Backspace)]
        [InlineData("\b", (int)EditKey.Backspace)]
        [InlineData("\t", (int)EditKey.Tab)]
        [InlineData("\x1B[A", (int)EditKey.Up)]
        [InlineData("\x1B[B", (int)EditKey.Down)]
        [InlineData("\x1B[C", (int)EditKey.Right)]
        [InlineData("\x1B[D", (int)EditKey.Left)]
        [InlineData("\x1BOA", (int)EditKey.Up)]
        [InlineData("\x1BOB", (int)EditKey.Down)]
        [InlineData("\x1BOC", (int)EditKey.Right)]
        [InlineData("\x1BOD", (int)EditKey.Left)]
        [InlineData("\x1B[H", (int)EditKey.Home)]
        [InlineData("\x1B[F", (int)EditKey.End)]
        [InlineData("\x1BOH", (int)EditKey.Home)]
        [InlineData("\x1BOF", (int)EditKey.End)]
        [InlineData("\x1B[1~", (int)EditKey.Home)]
        [InlineData("\x1B[7~", (int)EditKey.Home)]
        [InlineData("\x1B[4~", (int)EditKey.End)]
        [InlineData("\x1B[8~", (int)EditKey.End)]
        [InlineData("\x1B[3~", (int)EditKey.Delete)]
        [InlineData("\x1B[1;5A", (int)EditKey.Up)]
        public void SequenceDecodesToKey(string bytes, int expected)
        {
            AssertKey((EditKey)expected, Single(bytes));
        }

        [Fact]
        public void OtherControlBytesProduceNothing()
        {
            for (int value = 0; value < 0x20; value++)
            {
                if (value == 0x08 || value == 0x09 || value == 0x0A || value == 0x0D || value == Escape)
                {
                    continue;
                }

                Assert.Empty(Feed(((char)value).ToString()));
            }

            for (int value = 0x80; value <= 0xFF; value++)
            {
                Assert.Empty(Feed(((char)value).ToString()));
            }
        }

        [Fact]
        public void CarriageReturnLineFeedIsOneEnter()
        {
            List<KeyInput> keys = Feed("a\r\nb\r\n");
            Assert.Equal(4, keys.Count);
            Assert.Equal('a', keys[0].Character);
            AssertKey(EditKey.Enter, keys[1]);
            Assert.Equal('b', keys[2].Character);
            AssertKey(EditKey.Enter, keys[3]);
        }

        [Fact]
        public void LineFeedNotRightAfterCarriageReturnIsEnter()
        {
            List<KeyInput> keys = Feed("\r\r\n\n\rx\n");
            Assert.Equal(6, keys.Count);
            foreach (int index in new[] { 0, 1, 2, 3, 5 })
            {
                AssertKey(EditKey.Enter, keys[index]);
            }

            Assert.Equal('x', keys[4].Character);
        }

        [Fact]
        public void SequenceSplitAcrossCallsDecodes()
        {
            var decoder = new TerminalInputDecoder();
            Assert.False(decoder.Decode(Escape, out _));
            Assert.False(decoder.Decode((byte)'[', out _));
            Assert.False(decoder.Decode((byte)'3', out _));
            Assert.True(decoder.Decode((byte)'~', out KeyInput key));
            AssertKey(EditKey.Delete, key);

            Assert.False(decoder.Decode(Escape, out _));
            Assert.False(decoder.Decode((byte)'O', out _));
            Assert.True(decoder.Decode((byte)'D', out key));
            AssertKey(EditKey.Left, key);

            Assert.True(decoder.Decode((byte)'\r', out key));
            AssertKey(EditKey.Enter, key);
            Assert.False(decoder.Decode((byte)'\n', out _));
        }

        [Theory]
        [InlineData("\x1B[2~")]
        [InlineData("\x1B[15~")]
        [InlineData("\x1B[Z")]
        [InlineData("\x1B[?25h")]
        [InlineData("\x1B[ q")]
        [InlineData("\x1BOP")]
        [InlineData("\x1Bx")]
        [InlineData("\x1B[99999999~")]
        public void UnknownSequenceIsSwallowedWithoutLosingNextKey(string bytes)
        {
            var decoder = new TerminalInputDecoder();
            Assert.Empty(Feed(decoder, bytes));
            List<KeyInput> keys = Feed(decoder, "k\x1B[A");
            Assert.Equal(2, keys.Count);
            Assert.Equal('k', keys[0].Character);
            AssertKey(EditKey.Up, keys[1]);
        }

        [Fact]
        public void OverlongParametersAreAbandoned()
        {
            var decoder = new TerminalInputDecoder();
            string parameters = new string('1', TerminalInputDecoder.ParameterLimit + 1);
            Assert.Empty(Feed(decoder, "\x1B[" + parameters));
            KeyInput key = Assert.Single(Feed(decoder, "z"));
            Assert.Equal('z', key.Character);
        }

        [Fact]
        public void ControlByteInsideSequenceAbandonsItAndStillDecodes()
        {
            List<KeyInput> keys = Feed("\x1B[1\r\x1BO\x7F\x1B\ty");
            Assert.Equal(4, keys.Count);
            AssertKey(EditKey.Enter, keys[0]);
            AssertKey(EditKey.Backspace, keys[1]);
            AssertKey(EditKey.Tab, keys[2]);
            Assert.Equal('y', keys[3].Character);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(42)]
        [InlineData(2024)]
        [InlineData(65535)]
        public void AllByteValuesInRandomOrderNeverThrowAndRecover(int seed)
        {
            var random = new Random(seed);
            var values = new byte[256];
            for (int index = 0; index < values.Length; index++)
            {
                values[index] = (byte)index;
            }

            for (int round = 0; round < 20; round++)
            {
                for (int index = values.Length - 1; index > 0; index--)
                {
                    int other = random.Next(index + 1);
                    byte swap = values[index];
                    values[index] = values[other];
                    values[other] = swap;
                }

                var decoder = new TerminalInputDecoder();
                foreach (byte value in values)
                {
                    decoder.Decode(value, out _);
                }

                // CAN ends any sequence in progress; the next letter must then decode as itself.
                Assert.False(decoder.Decode(Cancel, out _));
                Assert.True(decoder.Decode((byte)'q', out KeyInput key));
                Assert.Equal(EditKey.Character, key.Key);
                Assert.Equal('q', key.Character);
            }
        }

        private static string Encode(KeyInput key, int variant)
        {
            switch (key.Key)
            {
                case EditKey.Character:
                    return key.Character.ToString();
                case EditKey.Up:
                    return variant == 0 ? "\x1B[A" : "\x1BOA";
                case EditKey.Down:
                    return variant == 0 ? "\x1B[B" : "\x1BOB";
                case EditKey.Right:
                    return variant == 0 ? "\x1B[C" : "\x1BOC";
                case EditKey.Left:
                    return variant == 0 ? "\x1B[D" : "\x1BOD";
                case EditKey.Home:
                    return variant == 0 ? "\x1B[H" : (variant == 1 ? "\x1BOH" : "\x1B[1~");
                case EditKey.End:
                    return variant == 0 ? "\x1B[F" : (variant == 1 ? "\x1BOF" : "\x1B[4~");
                case EditKey.Delete:
                    return "\x1B[3~";
                case EditKey.Backspace:
                    return variant == 0 ? "\x7F" : "\b";
                case EditKey.Tab:
                    return "\t";
                case EditKey.Enter:
                    return variant == 0 ? "\r" : (variant == 1 ? "\r\n" : "\n");
                default:
                    throw new ArgumentOutOfRangeException(nameof(key));
            }
        }

        [Theory]
        [InlineData(3)]
        [InlineData(11)]
        [InlineData(314)]
        public void EncodedKeysRoundTrip(int seed)
        {
            var random = new Random(seed);
            EditKey[] kinds = (EditKey[])Enum.GetValues(typeof(EditKey));
            var expected = new List<KeyInput>();
            var bytes = new System.Text.StringBuilder();
            for (int count = 0; count < 500; count++)
            {
                EditKey kind = kinds[random.Next(kinds.Length)];
                KeyInput key = kind == EditKey.Character
                    ? KeyInput.Typed((char)random.Next(0x20, 0x7F))
                    : KeyInput.Of(kind);

                // A lone LF right after a CR would be swallowed, as the terminal's CR LF pair is one Enter.
                int variant = random.Next(3);
                if (key.Key == EditKey.Enter && variant == 2 && bytes.Length > 0 && bytes[bytes.Length - 1] == '\r')
                {
                    variant = 0;
                }

                expected.Add(key);
                bytes.Append(Encode(key, variant));
            }

            List<KeyInput> actual = Feed(bytes.ToString());
            Assert.Equal(expected.Count, actual.Count);
            for (int index = 0; index < expected.Count; index++)
            {
                Assert.Equal(expected[index].Key, actual[index].Key);
                Assert.Equal(expected[index].Character, actual[index].Character);
            }
        }
    }
}
