using Cosmos.Api.Ipc;
using Xunit;

namespace Libc.Tests
{
    public class MessageTagTests
    {
        [Fact]
        public void LimitsHaveTheDocumentedValues()
        {
            Assert.Equal(64, MessageLimits.MessageRegisterCount);
            Assert.Equal(2, MessageLimits.TypedItemWordCount);
            Assert.Equal(32, MessageLimits.MaximumTypedItemCount);
            Assert.Equal(4, MessageLimits.FastPathWordCount);
            Assert.Equal(65536u, MessageLimits.MaximumStringLength);
            Assert.Equal(0x0000800000000000UL, MessageLimits.UserAddressLimit);
        }

        [Fact]
        public void FieldsAreEncodedInTheirDocumentedBits()
        {
            Assert.Equal(MessageError.None, MessageTag.TryCreate(0xDEADBEEF, 3, 2, MessageTagFlags.Error, out MessageTag tag));
            Assert.Equal(0xDEADBEEF00002103UL, tag.Word);
            Assert.Equal(MessageError.None, MessageTag.TryCreate(0, 0, 0, MessageTagFlags.Propagated, out tag));
            Assert.Equal(0x4000UL, tag.Word);
        }

        [Theory]
        [InlineData(0u, 0, 0, MessageTagFlags.None)]
        [InlineData(uint.MaxValue, 64, 0, MessageTagFlags.All)]
        [InlineData(uint.MaxValue, 0, 32, MessageTagFlags.Error)]
        [InlineData(1u, 62, 1, MessageTagFlags.Propagated)]
        [InlineData(0x80000000u, 2, 31, MessageTagFlags.None)]
        public void EveryFieldRoundTripsAtItsLimits(uint label, int untypedCount, int typedCount, MessageTagFlags flags)
        {
            Assert.Equal(MessageError.None, MessageTag.TryCreate(label, untypedCount, typedCount, flags, out MessageTag created));
            Assert.Equal(MessageError.None, MessageTag.TryDecode(created.Word, out MessageTag decoded));
            Assert.Equal(created.Word, decoded.Word);
            Assert.Equal(label, decoded.Label);
            Assert.Equal(untypedCount, decoded.UntypedCount);
            Assert.Equal(typedCount, decoded.TypedCount);
            Assert.Equal(flags, decoded.Flags);
            Assert.Equal(untypedCount + 2 * typedCount, decoded.RegisterCount);
        }

        [Theory]
        [InlineData(65UL)]
        [InlineData(0x7FUL)]
        public void UntypedCountOverSixtyFourIsRefused(ulong word)
        {
            Assert.Equal(MessageError.UntypedCountOutOfRange, MessageTag.TryDecode(word, out MessageTag tag));
            Assert.Equal(0UL, tag.Word);
        }

        [Theory]
        [InlineData(65)]
        [InlineData(-1)]
        [InlineData(int.MaxValue)]
        public void CreatingWithAnUntypedCountOutOfRangeIsRefused(int untypedCount)
        {
            Assert.Equal(MessageError.UntypedCountOutOfRange, MessageTag.TryCreate(1, untypedCount, 0, MessageTagFlags.None, out MessageTag tag));
            Assert.Equal(0UL, tag.Word);
        }

        [Theory]
        [InlineData(33)]
        [InlineData(63)]
        public void TypedCountOverThirtyTwoIsRefused(int typedCount)
        {
            Assert.Equal(MessageError.TypedCountOutOfRange, MessageTag.TryDecode((ulong)typedCount << 7, out MessageTag tag));
            Assert.Equal(0UL, tag.Word);
            Assert.Equal(MessageError.TypedCountOutOfRange, MessageTag.TryCreate(1, 0, typedCount, MessageTagFlags.None, out _));
            Assert.Equal(MessageError.TypedCountOutOfRange, MessageTag.TryCreate(1, 0, -1, MessageTagFlags.None, out _));
        }

        [Theory]
        [InlineData(63, 1)]
        [InlineData(1, 32)]
        [InlineData(64, 1)]
        [InlineData(40, 13)]
        public void UntypedPlusTypedWordsOverSixtyFourIsTooLong(int untypedCount, int typedCount)
        {
            ulong word = ((ulong)(uint)typedCount << 7) | (uint)untypedCount;
            Assert.Equal(MessageError.MessageTooLong, MessageTag.TryDecode(word, out MessageTag tag));
            Assert.Equal(0UL, tag.Word);
            Assert.Equal(MessageError.MessageTooLong, MessageTag.TryCreate(1, untypedCount, typedCount, MessageTagFlags.None, out _));
        }

        [Fact]
        public void EveryReservedBitIsRefused()
        {
            for (int bit = 15; bit < 32; bit++)
            {
                Assert.Equal(MessageError.ReservedTagBitsSet, MessageTag.TryDecode(1UL << bit, out MessageTag tag));
                Assert.Equal(0UL, tag.Word);
            }
            // Reserved bits are reported before counts that are also wrong.
            Assert.Equal(MessageError.ReservedTagBitsSet, MessageTag.TryDecode((1UL << 20) | 0x7F, out _));
        }

        [Fact]
        public void UnknownFlagsAreRefused()
        {
            Assert.Equal(MessageError.ReservedTagBitsSet, MessageTag.TryCreate(1, 0, 0, (MessageTagFlags)4, out MessageTag tag));
            Assert.Equal(0UL, tag.Word);
        }
    }
}
