using System;

namespace Cosmos.Api.Devices
{
    /// <summary>
    /// The character-device protocol (serial, keyboard, console; docs/ARCHITECTURE.md, section 7). Every request is an
    /// IpcCall to the port the driver registered; the reply's label is a <see cref="CharacterDeviceStatus"/>. Bytes travel
    /// in untyped words, eight to a word, byte i in bits 8·(i mod 8) of word <see cref="FirstDataWord"/> + i / 8
    /// (<see cref="PackBytes"/>, <see cref="UnpackBytes"/>), at most <see cref="MaximumBytes"/> per message.
    /// <list type="bullet">
    /// <item><see cref="Read"/>: word 0 the most bytes wanted (1 to <see cref="MaximumBytes"/>), word 1 <see cref="ReadFlags"/>.
    /// Reply: word 0 the count n, then the bytes. With <see cref="ReadFlags.Wait"/> the driver answers only when it has at
    /// least one byte (it keeps the caller's reply right meanwhile); a newer waiting Read replaces an older one, which is
    /// answered <see cref="CharacterDeviceStatus.Superseded"/>. Without it, n may be 0.</item>
    /// <item><see cref="Write"/>: word 0 the count n (0 to <see cref="MaximumBytes"/>), then the bytes. Reply: word 0 the bytes
    /// taken (all of them: the driver answers when they are queued or written).</item>
    /// <item><see cref="Information"/>: reply word 0 the <see cref="CharacterDeviceKind"/>, word 1 columns and word 2 rows
    /// (a console; 0 otherwise), word 3 <see cref="CharacterDeviceCapabilities"/>.</item>
    /// </list>
    /// Input is what a VT100 terminal sends: printable ASCII, Enter as CR (0x0D), Backspace as DEL (0x7F), Tab, control
    /// characters for Ctrl+letter (Ctrl+C is 0x03), and escape sequences for the arrows (ESC [ A/B/C/D), Home (ESC [ H),
    /// End (ESC [ F) and Delete (ESC [ 3 ~). Output understands what a VT100 does with: CR, LF, BS, TAB, BEL, and the
    /// sequences ESC [ n A/B/C/D (cursor moves), ESC [ row ; col H (position, from 1), ESC [ H, ESC [ K (erase to the end
    /// of the line), ESC [ 2 J (clear the screen) and ESC [ n ; ... m (SGR: 0 reset, 1 bold, 7 reverse, 30-37 and 40-47
    /// colours, 39 and 49 defaults). A console ignores other sequences; the serial driver passes every byte through.
    /// </summary>
    public static class CharacterDeviceProtocol
    {
        public const uint Read = 1;
        public const uint Write = 2;
        public const uint Information = 3;

        /// <summary>The index of the first data word of Read's reply and of Write's request (word 0 is the count).</summary>
        public const int FirstDataWord = 1;

        /// <summary>Bytes in one message: 60 words of 8 (plus the count word, 61 of the 64 message registers).</summary>
        public const int MaximumBytes = 480;

        /// <summary>Message words that carry <paramref name="count"/> bytes, the count word included.</summary>
        public static int WordsFor(int count) => FirstDataWord + (count + 7) / 8;

        /// <summary>Packs <paramref name="bytes"/> (at most <see cref="MaximumBytes"/>) into words from <see cref="FirstDataWord"/> on, word 0 the count; returns the words used.</summary>
        public static int PackBytes(ReadOnlySpan<byte> bytes, Span<ulong> words)
        {
            int count = bytes.Length < MaximumBytes ? bytes.Length : MaximumBytes;
            int wordCount = WordsFor(count);
            words[0] = (ulong)count;
            for (int i = FirstDataWord; i < wordCount; i++)
            {
                words[i] = 0;
            }
            for (int i = 0; i < count; i++)
            {
                words[FirstDataWord + i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
            }
            return wordCount;
        }

        /// <summary>
        /// Unpacks the bytes of a message of <paramref name="wordCount"/> words into <paramref name="bytes"/>; returns the
        /// count, or -1 when word 0's count is above <see cref="MaximumBytes"/>, does not fit the words, or does not fit
        /// <paramref name="bytes"/>.
        /// </summary>
        public static int UnpackBytes(ReadOnlySpan<ulong> words, int wordCount, Span<byte> bytes)
        {
            if (wordCount < 1)
            {
                return -1;
            }
            ulong count = words[0];
            if (count > MaximumBytes || WordsFor((int)count) > wordCount || (int)count > bytes.Length)
            {
                return -1;
            }
            for (int i = 0; i < (int)count; i++)
            {
                bytes[i] = (byte)(words[FirstDataWord + i / 8] >> (8 * (i % 8)));
            }
            return (int)count;
        }
    }

    /// <summary>Flags of a character-device Read (word 1).</summary>
    [Flags]
    public enum ReadFlags : ulong
    {
        None = 0,
        /// <summary>Answer only when at least one byte is there.</summary>
        Wait = 1,
    }

    /// <summary>What a character device is (Information's word 0).</summary>
    public enum CharacterDeviceKind : ulong
    {
        Serial = 1,
        Keyboard = 2,
        Console = 3,
    }

    /// <summary>What a character device can do (Information's word 3).</summary>
    [Flags]
    public enum CharacterDeviceCapabilities : ulong
    {
        None = 0,
        Readable = 1,
        Writable = 2,
        /// <summary>A console on a linear framebuffer (not VGA text mode).</summary>
        Framebuffer = 4,
    }

    /// <summary>The label of a character device's reply.</summary>
    public enum CharacterDeviceStatus : uint
    {
        Ok = 0,
        /// <summary>A newer waiting Read took this one's place; it carries no bytes.</summary>
        Superseded = 1,
        /// <summary>The device cannot do this (reading a console, writing a keyboard).</summary>
        NotSupported = 2,
        /// <summary>Wrong word count, or a count out of range.</summary>
        MalformedRequest = 3,
        /// <summary>Another label.</summary>
        UnknownRequest = 4,
        /// <summary>The hardware failed.</summary>
        DeviceError = 5,
        /// <summary>Client side only: the IPC failed and the driver could not be found again.</summary>
        Unreachable = 0x100,
    }
}
