using System;

namespace Cosmos.Api.Naming
{
    /// <summary>
    /// A name at the name broker, as it travels in untyped message words, so requests carry no string buffers:
    /// <see cref="WordCount"/> words, the length (1-32) first, then the bytes packed eight to a word, byte i in bits
    /// 8 * (i mod 8) of word 1 + i / 8, and every byte past the length zero. Names are printable ASCII without the
    /// space (0x21-0x7E) and compare byte for byte. A value of this type is always well formed: it is made only by
    /// <see cref="TryEncode(string, out BrokerName)"/>, <see cref="TryEncode(ReadOnlySpan{byte}, out BrokerName)"/>
    /// or <see cref="TryDecode"/>. Pure logic: host-tested (tests/Servers.Tests).
    /// </summary>
    public readonly struct BrokerName : IEquatable<BrokerName>
    {
        public const int MaximumLength = 32;

        /// <summary>Message words a name takes: the length and four words of bytes.</summary>
        public const int WordCount = 1 + MaximumLength / 8;

        public const byte FirstNameByte = 0x21;
        public const byte LastNameByte = 0x7E;

        private readonly ulong _length;
        private readonly ulong _bytes0;
        private readonly ulong _bytes1;
        private readonly ulong _bytes2;
        private readonly ulong _bytes3;

        private BrokerName(ulong length, ulong bytes0, ulong bytes1, ulong bytes2, ulong bytes3)
        {
            _length = length;
            _bytes0 = bytes0;
            _bytes1 = bytes1;
            _bytes2 = bytes2;
            _bytes3 = bytes3;
        }

        /// <summary>Bytes in the name (1-32; 0 only for the default value, which no constructor makes).</summary>
        public int Length => (int)_length;

        /// <summary>Byte <paramref name="index"/> of the name (0 past its length).</summary>
        public byte this[int index] => (uint)index < MaximumLength ? (byte)(WordOfBytes(index / 8) >> (8 * (index % 8))) : (byte)0;

        /// <summary>Whether <paramref name="value"/> may appear in a name.</summary>
        public static bool IsNameByte(uint value) => value >= FirstNameByte && value <= LastNameByte;

        /// <summary>Encodes <paramref name="text"/>; InvalidName (and a default name) if it is empty, longer than 32 or has a character outside 0x21-0x7E.</summary>
        public static NameBrokerStatus TryEncode(string text, out BrokerName name)
        {
            name = default;
            if (text == null || text.Length == 0 || text.Length > MaximumLength)
            {
                return NameBrokerStatus.InvalidName;
            }
            Span<ulong> words = stackalloc ulong[WordCount - 1];
            words.Clear();
            for (int i = 0; i < text.Length; i++)
            {
                if (!IsNameByte(text[i]))
                {
                    return NameBrokerStatus.InvalidName;
                }
                words[i / 8] |= (ulong)text[i] << (8 * (i % 8));
            }
            name = new BrokerName((ulong)text.Length, words[0], words[1], words[2], words[3]);
            return NameBrokerStatus.Ok;
        }

        /// <summary>Encodes ASCII <paramref name="bytes"/>, by the rules of <see cref="TryEncode(string, out BrokerName)"/>.</summary>
        public static NameBrokerStatus TryEncode(ReadOnlySpan<byte> bytes, out BrokerName name)
        {
            name = default;
            if (bytes.Length == 0 || bytes.Length > MaximumLength)
            {
                return NameBrokerStatus.InvalidName;
            }
            Span<ulong> words = stackalloc ulong[WordCount - 1];
            words.Clear();
            for (int i = 0; i < bytes.Length; i++)
            {
                if (!IsNameByte(bytes[i]))
                {
                    return NameBrokerStatus.InvalidName;
                }
                words[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
            }
            name = new BrokerName((ulong)bytes.Length, words[0], words[1], words[2], words[3]);
            return NameBrokerStatus.Ok;
        }

        /// <summary>
        /// Reads a name from the first <see cref="WordCount"/> of <paramref name="words"/> (which a sender wrote, so
        /// anything may be there): MalformedRequest if there are fewer words, InvalidName if the length is not 1-32, a
        /// byte is outside 0x21-0x7E or a byte past the length is not zero.
        /// </summary>
        public static NameBrokerStatus TryDecode(ReadOnlySpan<ulong> words, out BrokerName name)
        {
            name = default;
            if (words.Length < WordCount)
            {
                return NameBrokerStatus.MalformedRequest;
            }
            ulong length = words[0];
            if (length == 0 || length > MaximumLength)
            {
                return NameBrokerStatus.InvalidName;
            }
            for (int i = 0; i < MaximumLength; i++)
            {
                uint value = (uint)(words[1 + i / 8] >> (8 * (i % 8))) & 0xFF;
                if (i < (int)length ? !IsNameByte(value) : value != 0)
                {
                    return NameBrokerStatus.InvalidName;
                }
            }
            name = new BrokerName(length, words[1], words[2], words[3], words[4]);
            return NameBrokerStatus.Ok;
        }

        /// <summary>Writes the name's <see cref="WordCount"/> words to the start of <paramref name="words"/>.</summary>
        public void WriteTo(Span<ulong> words)
        {
            words[0] = _length;
            words[1] = _bytes0;
            words[2] = _bytes1;
            words[3] = _bytes2;
            words[4] = _bytes3;
        }

        /// <summary>Whether the name equals <paramref name="text"/> character for character (no allocation).</summary>
        public bool Matches(string text)
        {
            if (text == null || text.Length != Length)
            {
                return false;
            }
            for (int i = 0; i < text.Length; i++)
            {
                if (this[i] != text[i])
                {
                    return false;
                }
            }
            return true;
        }

        public bool Equals(BrokerName other) =>
            _length == other._length && _bytes0 == other._bytes0 && _bytes1 == other._bytes1 && _bytes2 == other._bytes2 && _bytes3 == other._bytes3;

        public override bool Equals(object obj) => obj is BrokerName other && Equals(other);

        public override int GetHashCode() => (int)(_bytes0 ^ (_bytes0 >> 32) ^ _bytes1 ^ _length);

        /// <summary>The name as a string (allocates: for printing, not for the request path).</summary>
        public override string ToString()
        {
            char[] characters = new char[Length];
            for (int i = 0; i < characters.Length; i++)
            {
                characters[i] = (char)this[i];
            }
            return new string(characters);
        }

        private ulong WordOfBytes(int index) => index switch
        {
            0 => _bytes0,
            1 => _bytes1,
            2 => _bytes2,
            _ => _bytes3,
        };
    }
}
