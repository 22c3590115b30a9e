using System;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Drivers.Keyboard.Scancodes;
using Cosmos.Drivers.Keyboard.Terminal;
using Xunit;

namespace Servers.Tests
{
    /// <summary>Scancode set 1 bytes through the decoder and the encoder: the terminal bytes CharacterDeviceProtocol promises.</summary>
    public class TerminalKeyEncoderTests
    {
        private const byte LeftShiftMake = 0x2A;
        private const byte LeftShiftBreak = 0xAA;
        private const byte LeftControlMake = 0x1D;
        private const byte LeftControlBreak = 0x9D;
        private const byte LeftAltMake = 0x38;
        private const byte LeftAltBreak = 0xB8;
        private const byte CapsLockMake = 0x3A;
        private const byte CapsLockBreak = 0xBA;
        private const byte Extended = 0xE0;
        private const byte AMake = 0x1E;
        private const byte ABreak = 0x9E;
        private const byte CMake = 0x2E;
        private const byte ZMake = 0x2C;

        // Everything the bytes produce, sequences joined, in order.
        private static byte[] Type(ScancodeSet1Decoder decoder, params byte[] scancodes)
        {
            var produced = new List<byte>();
            var sequence = new byte[TerminalKeyEncoder.MaximumSequenceLength];
            foreach (byte scancode in scancodes)
            {
                if (decoder.Decode(scancode, out KeyEvent keyEvent))
                {
                    int length = TerminalKeyEncoder.Encode(keyEvent, sequence);
                    produced.AddRange(sequence.Take(length));
                }
            }

            return produced.ToArray();
        }

        private static byte[] Type(params byte[] scancodes) => Type(new ScancodeSet1Decoder(), scancodes);

        private static byte[] Bytes(string text) => text.Select(character => (byte)character).ToArray();

        [Fact]
        public void PlainShiftedAndCapsLockedLetters()
        {
            Assert.Equal(Bytes("a"), Type(AMake, ABreak));
            Assert.Equal(Bytes("A"), Type(LeftShiftMake, AMake, ABreak, LeftShiftBreak));
            Assert.Equal(Bytes("Aa"), Type(CapsLockMake, CapsLockBreak, AMake, ABreak, LeftShiftMake, AMake));
            Assert.Equal(Bytes("aA"), Type(CapsLockMake, CapsLockBreak, CapsLockMake, CapsLockBreak, AMake, LeftShiftMake, AMake));
        }

        [Fact]
        public void DigitsAndPunctuationFollowShiftNotCapsLock()
        {
            // 1, shift-1, caps lock then 1 and ';'.
            Assert.Equal(Bytes("1!1;"), Type(0x02, 0x82, LeftShiftMake, 0x02, LeftShiftBreak, CapsLockMake, CapsLockBreak, 0x02, 0x27));
        }

        [Fact]
        public void ControlWithALetterGivesItsControlCodeWhateverShiftAndCapsLockSay()
        {
            Assert.Equal(new byte[] { 0x03 }, Type(LeftControlMake, CMake));
            Assert.Equal(new byte[] { 0x01 }, Type(LeftControlMake, AMake));
            Assert.Equal(new byte[] { 0x1A }, Type(LeftControlMake, ZMake));
            Assert.Equal(new byte[] { 0x03 }, Type(LeftShiftMake, LeftControlMake, CMake));
            Assert.Equal(new byte[] { 0x03 }, Type(CapsLockMake, CapsLockBreak, LeftControlMake, CMake));
            // Right control is E0 1D.
            Assert.Equal(new byte[] { 0x03 }, Type(Extended, 0x1D, CMake));
            // Released control: plain letters again.
            Assert.Equal(new byte[] { 0x03, (byte)'c' }, Type(LeftControlMake, CMake, LeftControlBreak, CMake));
        }

        [Fact]
        public void ControlWithBracketsAndBackslashGivesTheirCodesAndWithDigitsNothing()
        {
            Assert.Equal(new byte[] { 0x1B, 0x1C, 0x1D }, Type(LeftControlMake, 0x1A, 0x2B, 0x1B));
            Assert.Empty(Type(LeftControlMake, 0x02, 0x39));
        }

        [Theory]
        [InlineData(0x48, "\u001b[A")]
        [InlineData(0x50, "\u001b[B")]
        [InlineData(0x4D, "\u001b[C")]
        [InlineData(0x4B, "\u001b[D")]
        [InlineData(0x47, "\u001b[H")]
        [InlineData(0x4F, "\u001b[F")]
        [InlineData(0x53, "\u001b[3~")]
        [InlineData(0x52, "\u001b[2~")]
        [InlineData(0x49, "\u001b[5~")]
        [InlineData(0x51, "\u001b[6~")]
        [InlineData(0x1C, "\r")]
        [InlineData(0x35, "/")]
        public void ExtendedKeysGiveTheirSequencesOnPressOnly(byte code, string expected)
        {
            Assert.Equal(Bytes(expected), Type(Extended, code, Extended, (byte)(code | 0x80)));
        }

        [Fact]
        public void NavigationKeysIgnoreShiftAndTheFakeShiftsAroundThem()
        {
            // A keyboard wraps the navigation keys in E0 2A / E0 AA when num lock is on; those are dropped.
            Assert.Equal(Bytes("\u001b[D"), Type(Extended, 0x2A, Extended, 0x4B, Extended, 0xCB, Extended, 0xAA));
            Assert.Equal(Bytes("\u001b[H"), Type(LeftShiftMake, Extended, 0x47));
        }

        [Theory]
        [InlineData(0x1C, 0x0D)]
        [InlineData(0x0E, 0x7F)]
        [InlineData(0x0F, 0x09)]
        [InlineData(0x01, 0x1B)]
        [InlineData(0x39, 0x20)]
        public void EditingKeysGiveTheTerminalsBytes(byte make, byte expected)
        {
            Assert.Equal(new[] { expected }, Type(make, (byte)(make | 0x80)));
        }

        [Fact]
        public void AltSendsEscapeBeforeTheKey()
        {
            Assert.Equal(Bytes("\u001bx"), Type(LeftAltMake, 0x2D, LeftAltBreak));
            Assert.Equal(Bytes("x"), Type(LeftAltMake, LeftAltBreak, 0x2D));
        }

        [Fact]
        public void KeypadDigitsAndOperatorsTypeAsIfNumLockWereOn()
        {
            Assert.Equal(Bytes("7.0*-+"), Type(0x47, 0x53, 0x52, 0x37, 0x4A, 0x4E));
            Assert.Equal(Bytes("\r"), Type(Extended, 0x1C));
        }

        [Fact]
        public void ModifiersFunctionKeysReleasesAndUnknownCodesGiveNothing()
        {
            Assert.Empty(Type(LeftShiftMake, LeftShiftBreak, LeftControlMake, LeftControlBreak, CapsLockMake, CapsLockBreak, 0x45, 0xC5));
            Assert.Empty(Type(0x3B, 0xBB, 0x58, 0xD8, 0x5B, 0x7A, 0xFA));
            Assert.Empty(Type(0xE1, 0x1D, 0x45, 0xE1, 0x9D, 0xC5));
            Assert.Empty(Type(ABreak));
        }

        [Fact]
        public void AutoRepeatRepeatsTheBytes()
        {
            Assert.Equal(Bytes("aaa"), Type(AMake, AMake, AMake, ABreak));
            Assert.Equal(Bytes("\u001b[A\u001b[A"), Type(Extended, 0x48, Extended, 0x48));
        }

        [Fact]
        public void EveryByteSequenceFedAtRandomStaysWithinTheLongestSequenceAndNeverThrows()
        {
            var random = new Random(7);
            var decoder = new ScancodeSet1Decoder();
            var sequence = new byte[TerminalKeyEncoder.MaximumSequenceLength];
            for (int i = 0; i < 200_000; i++)
            {
                if (decoder.Decode((byte)random.Next(256), out KeyEvent keyEvent))
                {
                    int length = TerminalKeyEncoder.Encode(keyEvent, sequence);
                    Assert.InRange(length, 0, TerminalKeyEncoder.MaximumSequenceLength);
                    for (int j = 0; j < length; j++)
                    {
                        Assert.True(sequence[j] != 0 && sequence[j] < 0x80, $"byte {sequence[j]:x2} for {keyEvent.Key}");
                    }
                }
            }
        }

        [Fact]
        public void EveryKeyWithEveryModifierCombinationEncodesWithoutThrowing()
        {
            var sequence = new byte[TerminalKeyEncoder.MaximumSequenceLength];
            foreach (KeyCode key in Enum.GetValues<KeyCode>())
            {
                for (int modifiers = 0; modifiers < 32; modifiers++)
                {
                    var keyEvent = new KeyEvent(key, (modifiers & 16) != 0, (modifiers & 1) != 0, (modifiers & 2) != 0, (modifiers & 4) != 0, (modifiers & 8) != 0,
                        UsLayout.Character(key, (modifiers & 1) != 0, (modifiers & 8) != 0));
                    int length = TerminalKeyEncoder.Encode(keyEvent, sequence);
                    Assert.InRange(length, 0, TerminalKeyEncoder.MaximumSequenceLength);
                }
            }
        }

        [Fact]
        public void AnOutputShorterThanTheLongestSequenceIsRefused()
        {
            var keyEvent = new KeyEvent(KeyCode.A, true, false, false, false, false, 'a');
            Assert.Throws<ArgumentException>(() => TerminalKeyEncoder.Encode(keyEvent, new byte[3]));
        }
    }
}
