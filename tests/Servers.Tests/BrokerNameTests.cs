using System;
using Cosmos.Api.Naming;
using Xunit;

namespace Servers.Tests
{
    public class BrokerNameTests
    {
        [Fact]
        public void ANameTakesALengthWordAndFourWordsOfBytes()
        {
            Assert.Equal(5, BrokerName.WordCount);
            Assert.Equal(32, BrokerName.MaximumLength);
        }

        [Fact]
        public void BytesArePackedEightToAWordFromTheLowByte()
        {
            Assert.Equal(NameBrokerStatus.Ok, BrokerName.TryEncode("console.serial", out BrokerName name));
            ulong[] words = new ulong[BrokerName.WordCount];
            name.WriteTo(words);
            // "console." then "serial", little-endian, the rest zero.
            Assert.Equal(new ulong[] { 14, 0x2E656C6F736E6F63, 0x00006C6169726573, 0, 0 }, words);
            Assert.Equal(14, name.Length);
            Assert.Equal((byte)'c', name[0]);
            Assert.Equal((byte)'l', name[13]);
            Assert.Equal(0, name[14]);
            Assert.Equal(0, name[-1]);
            Assert.Equal(0, name[32]);
        }

        [Theory]
        [InlineData("a")]
        [InlineData("!")]
        [InlineData("~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~")]
        [InlineData("file.server/v2:main")]
        [InlineData("0123456789abcdefghijklmnopqrstuv")]
        public void ValidNamesRoundTripThroughWords(string text)
        {
            Assert.Equal(NameBrokerStatus.Ok, BrokerName.TryEncode(text, out BrokerName name));
            ulong[] words = new ulong[BrokerName.WordCount];
            name.WriteTo(words);
            Assert.Equal(NameBrokerStatus.Ok, BrokerName.TryDecode(words, out BrokerName decoded));
            Assert.Equal(name, decoded);
            Assert.Equal(text, decoded.ToString());
            Assert.True(decoded.Matches(text));
            Assert.False(decoded.Matches(text + "x"));
        }

        [Fact]
        public void TextAndBytesEncodeAlike()
        {
            Assert.Equal(NameBrokerStatus.Ok, BrokerName.TryEncode("name.broker", out BrokerName fromText));
            Assert.Equal(NameBrokerStatus.Ok, BrokerName.TryEncode("name.broker"u8, out BrokerName fromBytes));
            Assert.Equal(fromText, fromBytes);
        }

        [Theory]
        [InlineData("")]
        [InlineData(null)]
        [InlineData("with space")]
        [InlineData("tab\there")]
        [InlineData("\u007f")]
        [InlineData("caf\u00e9")]
        [InlineData("line\n")]
        [InlineData("0123456789abcdefghijklmnopqrstuvw")]
        public void InvalidTextIsRefused(string text)
        {
            Assert.Equal(NameBrokerStatus.InvalidName, BrokerName.TryEncode(text, out BrokerName name));
            Assert.Equal(0, name.Length);
        }

        [Fact]
        public void InvalidBytesAreRefused()
        {
            Assert.Equal(NameBrokerStatus.InvalidName, BrokerName.TryEncode(ReadOnlySpan<byte>.Empty, out _));
            Assert.Equal(NameBrokerStatus.InvalidName, BrokerName.TryEncode(new byte[] { 0x41, 0x00 }, out _));
            Assert.Equal(NameBrokerStatus.InvalidName, BrokerName.TryEncode(new byte[] { 0x41, 0x80 }, out _));
            Assert.Equal(NameBrokerStatus.InvalidName, BrokerName.TryEncode(new byte[33], out _));
        }

        [Theory]
        [InlineData(0UL, 0x41UL, 0UL)]                        // empty
        [InlineData(33UL, 0x4141414141414141UL, 0UL)]         // too long
        [InlineData(ulong.MaxValue, 0x41UL, 0UL)]             // absurd length
        [InlineData(1UL, 0x4141UL, 0UL)]                      // a byte past the length
        [InlineData(1UL, 0x41UL, 1UL)]                        // padding in a later word
        [InlineData(2UL, 0x2041UL, 0UL)]                      // a space
        [InlineData(1UL, 0x1FUL, 0UL)]                        // a control character
        [InlineData(1UL, 0xFFUL, 0UL)]                        // above ASCII
        public void DecodingRefusesWordsNoEncoderWrites(ulong length, ulong firstBytes, ulong secondBytes)
        {
            ulong[] words = { length, firstBytes, secondBytes, 0, 0 };
            Assert.Equal(NameBrokerStatus.InvalidName, BrokerName.TryDecode(words, out BrokerName name));
            Assert.Equal(0, name.Length);
        }

        [Fact]
        public void DecodingFewerThanFiveWordsIsAMalformedRequest()
        {
            Assert.Equal(NameBrokerStatus.MalformedRequest, BrokerName.TryDecode(new ulong[] { 1, 0x41, 0, 0 }, out _));
        }

        [Fact]
        public void DecodingReadsOnlyTheFirstFiveWords()
        {
            Assert.Equal(NameBrokerStatus.Ok, BrokerName.TryDecode(new ulong[] { 1, 0x41, 0, 0, 0, 0xFFFF }, out BrokerName name));
            Assert.Equal("A", name.ToString());
        }

        [Fact]
        public void NamesDifferingInOneByteOrInLengthAreDifferent()
        {
            BrokerName.TryEncode("server.a", out BrokerName a);
            BrokerName.TryEncode("server.b", out BrokerName b);
            BrokerName.TryEncode("server.", out BrokerName shorter);
            BrokerName.TryEncode("0123456789abcdefghijklmnopqrstuv", out BrokerName longA);
            BrokerName.TryEncode("0123456789abcdefghijklmnopqrstuV", out BrokerName longB);
            Assert.NotEqual(a, b);
            Assert.NotEqual(a, shorter);
            Assert.NotEqual(longA, longB);
            BrokerName.TryEncode("server.a", out BrokerName again);
            Assert.Equal(a, again);
            Assert.Equal(a.GetHashCode(), again.GetHashCode());
        }

        [Fact]
        public void TheBadgeRuleMarksRegisterRightsByBitZero()
        {
            Assert.Equal(3UL, NameBrokerBadge.ForRegistrant(1));
            Assert.Equal(5UL, NameBrokerBadge.ForRegistrant(2));
            Assert.True(NameBrokerBadge.MayRegister(NameBrokerBadge.ForRegistrant(12345)));
            Assert.False(NameBrokerBadge.MayRegister(0));
            Assert.False(NameBrokerBadge.MayRegister(2));
            Assert.NotEqual(NameBrokerBadge.ForRegistrant(1), NameBrokerBadge.ForRegistrant(2));
        }

        [Fact]
        public void AListReplyFitsTheMessageRegisters()
        {
            Assert.Equal(12, NameBrokerListReply.MaximumNames);
            Assert.Equal(62, NameBrokerListReply.WordCountFor(NameBrokerListReply.MaximumNames));
            Assert.True(NameBrokerListReply.WordCountFor(NameBrokerListReply.MaximumNames + 1) > 64);
        }
    }
}
