using System;
using System.Collections.Generic;
using Cosmos.Drivers.Keyboard.Scancodes;
using Xunit;

namespace Servers.Tests
{
    public class ScancodeSet1DecoderTests
    {
        private const byte LeftShiftMake = 0x2A;
        private const byte LeftShiftBreak = 0xAA;
        private const byte RightShiftMake = 0x36;
        private const byte RightShiftBreak = 0xB6;
        private const byte LeftControlMake = 0x1D;
        private const byte LeftControlBreak = 0x9D;
        private const byte LeftAltMake = 0x38;
        private const byte LeftAltBreak = 0xB8;
        private const byte CapsLockMake = 0x3A;
        private const byte CapsLockBreak = 0xBA;

        // Set 1 make codes of the letters A to Z.
        private static readonly byte[] s_letterMakeCodes =
        {
            0x1E, 0x30, 0x2E, 0x20, 0x12, 0x21, 0x22, 0x23, 0x17, 0x24, 0x25, 0x26, 0x32,
            0x31, 0x18, 0x19, 0x10, 0x13, 0x1F, 0x14, 0x16, 0x2F, 0x11, 0x2D, 0x15, 0x2C,
        };

        private static List<KeyEvent> Feed(ScancodeSet1Decoder decoder, params byte[] scancodes)
        {
            var events = new List<KeyEvent>();
            foreach (byte scancode in scancodes)
            {
                if (decoder.Decode(scancode, out KeyEvent keyEvent))
                {
                    events.Add(keyEvent);
                }
            }

            return events;
        }

        private static KeyEvent Single(ScancodeSet1Decoder decoder, params byte[] scancodes)
        {
            return Assert.Single(Feed(decoder, scancodes));
        }

        private static KeyEvent Last(ScancodeSet1Decoder decoder, params byte[] scancodes)
        {
            List<KeyEvent> events = Feed(decoder, scancodes);
            return events[events.Count - 1];
        }

        [Theory]
        [InlineData(0x02, KeyCode.Digit1, '1', '!')]
        [InlineData(0x03, KeyCode.Digit2, '2', '@')]
        [InlineData(0x04, KeyCode.Digit3, '3', '#')]
        [InlineData(0x05, KeyCode.Digit4, '4', '$')]
        [InlineData(0x06, KeyCode.Digit5, '5', '%')]
        [InlineData(0x07, KeyCode.Digit6, '6', '^')]
        [InlineData(0x08, KeyCode.Digit7, '7', '&')]
        [InlineData(0x09, KeyCode.Digit8, '8', '*')]
        [InlineData(0x0A, KeyCode.Digit9, '9', '(')]
        [InlineData(0x0B, KeyCode.Digit0, '0', ')')]
        [InlineData(0x0C, KeyCode.Minus, '-', '_')]
        [InlineData(0x0D, KeyCode.Equals, '=', '+')]
        [InlineData(0x1A, KeyCode.LeftBracket, '[', '{')]
        [InlineData(0x1B, KeyCode.RightBracket, ']', '}')]
        [InlineData(0x2B, KeyCode.Backslash, '\\', '|')]
        [InlineData(0x27, KeyCode.Semicolon, ';', ':')]
        [InlineData(0x28, KeyCode.Apostrophe, '\'', '"')]
        [InlineData(0x29, KeyCode.Grave, '`', '~')]
        [InlineData(0x33, KeyCode.Comma, ',', '<')]
        [InlineData(0x34, KeyCode.Period, '.', '>')]
        [InlineData(0x35, KeyCode.Slash, '/', '?')]
        [InlineData(0x39, KeyCode.Space, ' ', ' ')]
        [InlineData(0x1C, KeyCode.Enter, '\n', '\n')]
        [InlineData(0x0E, KeyCode.Backspace, '\b', '\b')]
        [InlineData(0x0F, KeyCode.Tab, '\t', '\t')]
        [InlineData(0x01, KeyCode.Escape, '\u001B', '\u001B')]
        public void DigitsAndPunctuationFollowEitherShiftButNotCapsLock(byte make, KeyCode key, char plain, char shifted)
        {
            var decoder = new ScancodeSet1Decoder();
            KeyEvent press = Single(decoder, make);
            Assert.Equal(key, press.Key);
            Assert.True(press.Pressed);
            Assert.Equal(plain, press.Character);

            KeyEvent release = Single(decoder, (byte)(make | 0x80));
            Assert.Equal(key, release.Key);
            Assert.True(release.Released);
            Assert.Equal((char)0, release.Character);

            Assert.Equal(shifted, Last(decoder, LeftShiftMake, make).Character);
            Assert.Equal(shifted, Last(decoder, LeftShiftBreak, RightShiftMake, make).Character);
            Assert.Equal(plain, Last(decoder, RightShiftBreak, CapsLockMake, CapsLockBreak, make).Character);
            Assert.Equal(shifted, Last(decoder, LeftShiftMake, make).Character);
        }

        [Fact]
        public void LettersCombineShiftAndCapsLock()
        {
            var decoder = new ScancodeSet1Decoder();
            for (int index = 0; index < 26; index++)
            {
                byte make = s_letterMakeCodes[index];
                KeyCode key = KeyCode.A + index;
                char lower = (char)('a' + index);
                char upper = (char)('A' + index);

                KeyEvent plain = Single(decoder, make);
                Assert.Equal(key, plain.Key);
                Assert.Equal(lower, plain.Character);
                Assert.Equal(key, Single(decoder, (byte)(make | 0x80)).Key);

                Assert.Equal(upper, Feed(decoder, LeftShiftMake, make, LeftShiftBreak)[1].Character);
                Assert.Equal(upper, Feed(decoder, RightShiftMake, make, RightShiftBreak)[1].Character);

                KeyEvent capsPress = Feed(decoder, CapsLockMake, CapsLockBreak)[0];
                Assert.Equal(KeyCode.CapsLock, capsPress.Key);
                Assert.True(capsPress.CapsLock);
                Assert.Equal(upper, Single(decoder, make).Character);
                KeyEvent shiftedWithCaps = Feed(decoder, LeftShiftMake, make, LeftShiftBreak)[1];
                Assert.True(shiftedWithCaps.Shift);
                Assert.True(shiftedWithCaps.CapsLock);
                Assert.Equal(lower, shiftedWithCaps.Character);

                Assert.False(Feed(decoder, CapsLockMake, CapsLockBreak)[0].CapsLock);
                Assert.Equal(lower, Single(decoder, make).Character);
            }
        }

        [Fact]
        public void ControlWithLettersGivesControlCodes()
        {
            var decoder = new ScancodeSet1Decoder();
            for (int index = 0; index < 26; index++)
            {
                byte make = s_letterMakeCodes[index];
                KeyEvent left = Feed(decoder, LeftControlMake, make, LeftControlBreak)[1];
                Assert.True(left.Control);
                Assert.Equal((char)(index + 1), left.Character);

                KeyEvent right = Feed(decoder, 0xE0, 0x1D, LeftShiftMake, make, LeftShiftBreak, 0xE0, 0x9D)[2];
                Assert.True(right.Control);
                Assert.True(right.Shift);
                Assert.Equal((char)(index + 1), right.Character);

                Assert.Equal((char)('a' + index), Single(decoder, make).Character);
            }

            // Control does not change non-letters; alt changes nothing.
            Assert.Equal('1', Feed(decoder, LeftControlMake, 0x02, LeftControlBreak)[1].Character);
            KeyEvent alt = Feed(decoder, LeftAltMake, 0x1E, LeftAltBreak)[1];
            Assert.True(alt.Alt);
            Assert.Equal('a', alt.Character);
        }

        [Theory]
        [InlineData(0x48, KeyCode.Up)]
        [InlineData(0x50, KeyCode.Down)]
        [InlineData(0x4B, KeyCode.Left)]
        [InlineData(0x4D, KeyCode.Right)]
        [InlineData(0x47, KeyCode.Home)]
        [InlineData(0x4F, KeyCode.End)]
        [InlineData(0x52, KeyCode.Insert)]
        [InlineData(0x53, KeyCode.Delete)]
        [InlineData(0x49, KeyCode.PageUp)]
        [InlineData(0x51, KeyCode.PageDown)]
        [InlineData(0x1D, KeyCode.RightControl)]
        [InlineData(0x38, KeyCode.RightAlt)]
        [InlineData(0x1C, KeyCode.KeypadEnter)]
        [InlineData(0x35, KeyCode.KeypadSlash)]
        [InlineData(0x37, KeyCode.PrintScreen)]
        public void ExtendedKeysPressAndRelease(byte code, KeyCode key)
        {
            var decoder = new ScancodeSet1Decoder();
            Assert.False(decoder.Decode(0xE0, out _));
            Assert.True(decoder.Decode(code, out KeyEvent press));
            Assert.Equal(key, press.Key);
            Assert.True(press.Pressed);

            Assert.False(decoder.Decode(0xE0, out _));
            Assert.True(decoder.Decode((byte)(code | 0x80), out KeyEvent release));
            Assert.Equal(key, release.Key);
            Assert.True(release.Released);
            Assert.Equal((char)0, release.Character);

            // The same code without the prefix is another key.
            Assert.NotEqual(key, Single(decoder, code).Key);
        }

        [Fact]
        public void ExtendedKeysWithoutPrefixAreTheKeypad()
        {
            var decoder = new ScancodeSet1Decoder();
            Assert.Equal(KeyCode.Keypad8, Single(decoder, 0x48).Key);
            Assert.Equal(KeyCode.Keypad7, Single(decoder, 0x47).Key);
            Assert.Equal(KeyCode.KeypadPeriod, Single(decoder, 0x53).Key);
            Assert.Equal(KeyCode.F1, Single(decoder, 0x3B).Key);
            Assert.Equal(KeyCode.F10, Single(decoder, 0x44).Key);
            Assert.Equal(KeyCode.F11, Single(decoder, 0x57).Key);
            Assert.Equal(KeyCode.F12, Single(decoder, 0x58).Key);
        }

        [Fact]
        public void ModifierBreakCodesClearTheirSideOnly()
        {
            var decoder = new ScancodeSet1Decoder();
            KeyEvent leftShift = Single(decoder, LeftShiftMake);
            Assert.Equal(KeyCode.LeftShift, leftShift.Key);
            Assert.True(leftShift.Shift);
            Assert.True(Single(decoder, RightShiftMake).Shift);
            Assert.True(Single(decoder, LeftShiftBreak).Shift);
            Assert.False(Single(decoder, RightShiftBreak).Shift);
            Assert.False(decoder.Shift);

            Assert.True(Single(decoder, LeftControlMake).Control);
            Assert.True(Single(decoder, 0xE0, 0x1D).Control);
            Assert.True(Single(decoder, 0xE0, 0x9D).Control);
            Assert.False(Single(decoder, LeftControlBreak).Control);

            Assert.True(Single(decoder, 0xE0, 0x38).Alt);
            Assert.True(Single(decoder, LeftAltMake).Alt);
            Assert.True(Single(decoder, LeftAltBreak).Alt);
            KeyEvent rightAltRelease = Single(decoder, 0xE0, 0xB8);
            Assert.Equal(KeyCode.RightAlt, rightAltRelease.Key);
            Assert.False(rightAltRelease.Alt);
            Assert.False(decoder.Control);
            Assert.False(decoder.Alt);
        }

        [Fact]
        public void CapsLockTogglesOnceWhileHeld()
        {
            var decoder = new ScancodeSet1Decoder();
            // Typematic repeat sends the make code again while the key is held.
            List<KeyEvent> events = Feed(decoder, CapsLockMake, CapsLockMake, CapsLockMake, CapsLockBreak);
            Assert.Equal(4, events.Count);
            Assert.True(decoder.CapsLock);
            Feed(decoder, CapsLockMake, CapsLockBreak);
            Assert.False(decoder.CapsLock);
        }

        [Fact]
        public void FakeShiftsOfPrintScreenAreDropped()
        {
            var decoder = new ScancodeSet1Decoder();
            List<KeyEvent> press = Feed(decoder, 0xE0, 0x2A, 0xE0, 0x37);
            Assert.Equal(KeyCode.PrintScreen, Assert.Single(press).Key);
            Assert.False(press[0].Shift);
            List<KeyEvent> release = Feed(decoder, 0xE0, 0xB7, 0xE0, 0xAA);
            Assert.Equal(KeyCode.PrintScreen, Assert.Single(release).Key);
            Assert.True(release[0].Released);

            // A fake shift release must not release a real shift either.
            Feed(decoder, LeftShiftMake);
            Assert.Empty(Feed(decoder, 0xE0, 0xAA, 0xE0, 0xB6, 0xE0, 0x36));
            Assert.True(decoder.Shift);
        }

        [Fact]
        public void InterleavedExtendedPrefixes()
        {
            var decoder = new ScancodeSet1Decoder();
            List<KeyEvent> events = Feed(
                decoder,
                0xE0, 0x48,
                LeftShiftMake,
                0xE0, 0xE0, 0x4D,
                0x1E,
                0xE0, 0xC8,
                LeftShiftBreak,
                0xE0, 0xCD,
                0x9E);
            Assert.Equal(8, events.Count);
            Assert.Equal(KeyCode.Up, events[0].Key);
            Assert.Equal(KeyCode.LeftShift, events[1].Key);
            Assert.Equal(KeyCode.Right, events[2].Key);
            Assert.True(events[2].Shift);
            Assert.Equal('A', events[3].Character);
            Assert.Equal(KeyCode.Up, events[4].Key);
            Assert.True(events[4].Released);
            Assert.Equal(KeyCode.LeftShift, events[5].Key);
            Assert.False(events[5].Shift);
            Assert.Equal(KeyCode.Right, events[6].Key);
            Assert.True(events[6].Released);
            Assert.Equal(KeyCode.A, events[7].Key);
            Assert.True(events[7].Released);
        }

        [Fact]
        public void PauseIsOnePressAndItsSecondHalfIsConsumed()
        {
            var decoder = new ScancodeSet1Decoder();
            KeyEvent pause = Single(decoder, 0xE1, 0x1D, 0x45, 0xE1, 0x9D, 0xC5);
            Assert.Equal(KeyCode.Pause, pause.Key);
            Assert.True(pause.Pressed);
            Assert.Equal((char)0, pause.Character);
            // The 0x1D inside the sequence is not left control.
            Assert.False(decoder.Control);
            Assert.Equal('a', Single(decoder, 0x1E).Character);

            // Control+Pause (Break) is an ordinary extended key.
            List<KeyEvent> controlBreak = Feed(decoder, LeftControlMake, 0xE0, 0x46, 0xE0, 0xC6, LeftControlBreak);
            Assert.Equal(KeyCode.Pause, controlBreak[1].Key);
            Assert.True(controlBreak[2].Released);
        }

        [Fact]
        public void ResetForgetsHeldKeysAndPrefixesButKeepsCapsLock()
        {
            var decoder = new ScancodeSet1Decoder();
            Feed(decoder, CapsLockMake, CapsLockBreak, LeftShiftMake, LeftControlMake, 0xE0, 0x38, 0xE0);
            decoder.Reset();
            Assert.False(decoder.Shift);
            Assert.False(decoder.Control);
            Assert.False(decoder.Alt);
            Assert.True(decoder.CapsLock);
            // The pending 0xE0 is gone: 0x48 is keypad 8, not Up.
            Assert.Equal(KeyCode.Keypad8, Single(decoder, 0x48).Key);
            Assert.Equal('A', Single(decoder, 0x1E).Character);
        }

        [Fact]
        public void UnknownCodesGiveUnknownEvents()
        {
            var decoder = new ScancodeSet1Decoder();
            KeyEvent press = Single(decoder, 0x7A);
            Assert.Equal(KeyCode.Unknown, press.Key);
            Assert.True(press.Pressed);
            Assert.Equal((char)0, press.Character);
            Assert.True(Single(decoder, 0xFA).Released);
            Assert.Equal(KeyCode.Unknown, Single(decoder, 0xE0, 0x5B).Key);
            Assert.Equal(KeyCode.Unknown, Single(decoder, 0xE1, 0x12, 0x34).Key);
            Assert.Equal(KeyCode.A, Single(decoder, 0x1E).Key);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(42)]
        [InlineData(2026)]
        [InlineData(65535)]
        public void EveryByteInRandomOrderNeverThrowsOrLeavesModifiersHeld(int seed)
        {
            var random = new Random(seed);
            var decoder = new ScancodeSet1Decoder();
            for (int round = 0; round < 20; round++)
            {
                byte[] bytes = new byte[256];
                for (int value = 0; value < 256; value++)
                {
                    bytes[value] = (byte)value;
                }

                for (int index = bytes.Length - 1; index > 0; index--)
                {
                    int other = random.Next(index + 1);
                    (bytes[index], bytes[other]) = (bytes[other], bytes[index]);
                }

                foreach (byte scancode in bytes)
                {
                    if (decoder.Decode(scancode, out KeyEvent keyEvent))
                    {
                        Assert.True(keyEvent.Character == 0 || keyEvent.Pressed);
                    }
                }

                // A pending prefix may swallow up to two bytes, so the releases go twice.
                byte[] releaseAll =
                {
                    LeftShiftBreak, RightShiftBreak, LeftControlBreak, LeftAltBreak, 0xE0, 0x9D, 0xE0, 0xB8,
                };
                Feed(decoder, releaseAll);
                Feed(decoder, releaseAll);
                Assert.False(decoder.Shift);
                Assert.False(decoder.Control);
                Assert.False(decoder.Alt);
                KeyEvent letter = Single(decoder, 0x2D);
                Assert.Equal(decoder.CapsLock ? 'X' : 'x', letter.Character);
                Assert.True(Single(decoder, 0xAD).Released);
            }
        }
    }
}
