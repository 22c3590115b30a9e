using System;
using Cosmos.Api.Ipc;
using Xunit;

namespace Libc.Tests
{
    public class MessageBuilderTests
    {
        [Fact]
        public void WordsThenItemsMakeAValidMessage()
        {
            ulong[] registers = new ulong[64];
            MessageBuilder builder = MessageBuilder.Start(registers, 0x1234, 3);
            builder.SetWord(0, 10);
            builder.SetWord(1, 11);
            builder.SetWord(2, 12);
            builder.AddCapability(7, move: true);
            builder.AddString(0x500000, 4096);
            Assert.Equal(MessageError.None, builder.TryGetTag(out MessageTag tag));
            Assert.Equal(0x1234u, tag.Label);
            Assert.Equal(3, tag.UntypedCount);
            Assert.Equal(2, tag.TypedCount);
            Assert.Equal(new ulong[] { 10, 11, 12 }, registers[..3]);
            Assert.Equal((ulong)TypedItemKind.CapabilityTransfer | CapabilityTransferItem.MoveBit, registers[3]);
            Assert.Equal(7UL, registers[4]);
            Assert.Equal((4096UL << 32) | (ulong)TypedItemKind.String, registers[5]);
            Assert.Equal(0x500000UL, registers[6]);
            MessageCheck check = MessageLayout.Validate(tag.Word, registers);
            Assert.True(check.IsValid);
            Assert.Equal(1, check.CapabilityCount);
            Assert.Equal(1, check.StringCount);
        }

        [Fact]
        public void ACopyTransferHasNoMoveBit()
        {
            ulong[] registers = new ulong[64];
            MessageBuilder builder = MessageBuilder.Start(registers, 0, 0);
            builder.AddCapability(9, move: false);
            Assert.Equal(MessageError.None, builder.TryGetTag(out MessageTag tag));
            Assert.Equal((ulong)TypedItemKind.CapabilityTransfer, registers[0]);
            Assert.Equal(9UL, registers[1]);
            Assert.Equal(1, tag.TypedCount);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(65)]
        public void AnUntypedCountOutsideTheRegistersIsRefused(int untypedCount)
        {
            MessageBuilder builder = MessageBuilder.Start(new ulong[64], 0, untypedCount);
            Assert.Equal(MessageError.UntypedCountOutOfRange, builder.TryGetTag(out MessageTag tag));
            Assert.Equal(0UL, tag.Word);
        }

        [Fact]
        public void AWordBeyondTheUntypedCountIsRefusedAndWritesNothing()
        {
            ulong[] registers = new ulong[64];
            MessageBuilder builder = MessageBuilder.Start(registers, 0, 2);
            builder.SetWord(2, 99);
            Assert.Equal(MessageError.UntypedCountOutOfRange, builder.Error);
            Assert.Equal(0UL, registers[2]);
        }

        [Fact]
        public void AnItemThatDoesNotFitIsMessageTooLong()
        {
            ulong[] registers = new ulong[64];
            MessageBuilder builder = MessageBuilder.Start(registers, 0, 63);
            builder.AddCapability(1, move: false);
            Assert.Equal(MessageError.MessageTooLong, builder.TryGetTag(out _));
            Assert.Equal(0UL, registers[63]);
        }

        [Fact]
        public void ThirtyTwoItemsFillTheRegistersExactly()
        {
            ulong[] registers = new ulong[64];
            MessageBuilder builder = MessageBuilder.Start(registers, 0, 0);
            for (uint i = 0; i < 32; i++)
            {
                builder.AddCapability(i + 1, move: false);
            }
            Assert.Equal(MessageError.None, builder.TryGetTag(out MessageTag tag));
            Assert.Equal(32, tag.TypedCount);
            builder.AddCapability(1, move: false);
            Assert.Equal(MessageError.MessageTooLong, builder.Error);
        }

        [Fact]
        public void ABadStringKeepsTheFirstErrorAndLaterStepsAreIgnored()
        {
            ulong[] registers = new ulong[64];
            MessageBuilder builder = MessageBuilder.Start(registers, 0, 1);
            builder.AddString(0x1000, MessageLimits.MaximumStringLength + 1);
            builder.AddString(ulong.MaxValue, 2);
            builder.SetWord(0, 5);
            Assert.Equal(MessageError.StringTooLong, builder.TryGetTag(out _));
            Assert.Equal(0UL, registers[0]);
            Assert.Equal(0, builder.TypedCount);
        }

        [Fact]
        public void AShortSpanLimitsTheMessage()
        {
            Span<ulong> registers = new ulong[4];
            MessageBuilder builder = MessageBuilder.Start(registers, 0, 2);
            builder.AddString(0x1000, 1);
            Assert.Equal(MessageError.None, builder.Error);
            builder.AddString(0x1000, 1);
            Assert.Equal(MessageError.MessageTooLong, builder.Error);
        }
    }
}
