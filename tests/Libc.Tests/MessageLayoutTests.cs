using System;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Xunit;

namespace Libc.Tests
{
    public class MessageLayoutTests
    {
        private const ulong ReadWriteTwoMegabytePage = 0x200153;

        private static ulong Tag(int untypedCount, int typedCount)
        {
            Assert.Equal(MessageError.None, MessageTag.TryCreate(0x1234, untypedCount, typedCount, MessageTagFlags.None, out MessageTag tag));
            return tag.Word;
        }

        [Fact]
        public void WellFormedMessageIsCountedByKind()
        {
            ulong[] registers = new ulong[64];
            registers[0] = ulong.MaxValue; // untyped words are the protocol's: any value
            registers[1] = 0xFFFFFFFFFFFFFFF0;
            registers[2] = CapabilityTransferItem.Create(9, move: true).FirstWord;
            registers[3] = 9;
            registers[4] = 0x2; // map, hot spot 0
            registers[5] = ReadWriteTwoMegabytePage;
            registers[6] = 0x0000002000000004; // string, 32 bytes
            registers[7] = 0x10000;
            registers[8] = 0x3; // grant
            registers[9] = ReadWriteTwoMegabytePage;

            MessageCheck check = MessageLayout.Validate(Tag(2, 4), registers);
            Assert.Equal(MessageError.None, check.Error);
            Assert.True(check.IsValid);
            Assert.Equal(MessageCheck.NoIndex, check.ItemIndex);
            Assert.Equal(MessageCheck.NoIndex, check.RegisterIndex);
            Assert.Equal(0x1234u, check.Tag.Label);
            Assert.Equal(1, check.CapabilityCount);
            Assert.Equal(2, check.MemoryCount);
            Assert.Equal(1, check.StringCount);
        }

        [Fact]
        public void AllSixtyFourRegistersCanBeUsed()
        {
            ulong[] registers = new ulong[64];
            Array.Fill(registers, ulong.MaxValue);
            Assert.Equal(MessageError.None, MessageLayout.Validate(Tag(64, 0), registers).Error);

            for (int i = 0; i < 64; i += 2)
            {
                registers[i] = 0x1;
                registers[i + 1] = (ulong)i;
            }
            MessageCheck check = MessageLayout.Validate(Tag(0, 32), registers);
            Assert.Equal(MessageError.None, check.Error);
            Assert.Equal(32, check.CapabilityCount);
        }

        [Theory]
        [InlineData(63UL | (1UL << 7), MessageError.MessageTooLong)]
        [InlineData(65UL, MessageError.UntypedCountOutOfRange)]
        [InlineData(33UL << 7, MessageError.TypedCountOutOfRange)]
        [InlineData(1UL << 31, MessageError.ReservedTagBitsSet)]
        public void MalformedTagIsReportedWithoutAnIndex(ulong tagWord, MessageError expected)
        {
            MessageCheck check = MessageLayout.Validate(tagWord, new ulong[64]);
            Assert.Equal(expected, check.Error);
            Assert.False(check.IsValid);
            Assert.Equal(MessageCheck.NoIndex, check.ItemIndex);
            Assert.Equal(MessageCheck.NoIndex, check.RegisterIndex);
            Assert.Equal(0UL, check.Tag.Word);
        }

        [Fact]
        public void FirstMalformedItemIsReportedWithItsIndexAndRegister()
        {
            ulong[] registers = new ulong[64];
            registers[3] = 0x1; // item 0: capability transfer, fine
            registers[4] = 5;
            registers[5] = 0x2; // item 1: map of a misaligned flexpage
            registers[6] = 0x201153;
            registers[7] = 0x7; // item 2: unknown kind (reported only once item 1 is fixed)

            MessageCheck check = MessageLayout.Validate(Tag(3, 3), registers);
            Assert.Equal(MessageError.FlexpageMisaligned, check.Error);
            Assert.Equal(1, check.ItemIndex);
            Assert.Equal(5, check.RegisterIndex);
            Assert.Equal(0, check.CapabilityCount);

            registers[6] = ReadWriteTwoMegabytePage;
            check = MessageLayout.Validate(Tag(3, 3), registers);
            Assert.Equal(MessageError.UnknownItemKind, check.Error);
            Assert.Equal(2, check.ItemIndex);
            Assert.Equal(7, check.RegisterIndex);
        }

        [Fact]
        public void UnwrittenItemIsAnUnknownKind()
        {
            MessageCheck check = MessageLayout.Validate(Tag(0, 1), new ulong[64]);
            Assert.Equal(MessageError.UnknownItemKind, check.Error);
            Assert.Equal(0, check.ItemIndex);
            Assert.Equal(0, check.RegisterIndex);
        }

        [Fact]
        public void LastItemInTheLastRegistersIsChecked()
        {
            ulong[] registers = new ulong[64];
            registers[62] = 0x0001000100000004; // string item of 65537 bytes
            registers[63] = 0x1000;
            MessageCheck check = MessageLayout.Validate(Tag(62, 1), registers);
            Assert.Equal(MessageError.StringTooLong, check.Error);
            Assert.Equal(0, check.ItemIndex);
            Assert.Equal(62, check.RegisterIndex);
        }

        [Fact]
        public void RegistersShorterThanTheTagIsTooLong()
        {
            ulong[] registers = { 0x1, 0 };
            Assert.Equal(MessageError.None, MessageLayout.Validate(Tag(0, 1), registers).Error);
            MessageCheck check = MessageLayout.Validate(Tag(1, 1), registers);
            Assert.Equal(MessageError.MessageTooLong, check.Error);
            Assert.Equal(MessageCheck.NoIndex, check.ItemIndex);
        }

        [Fact]
        public unsafe void ValidatesTheUtcbMessageRegistersInPlace()
        {
            Utcb utcb = default;
            utcb.MessageRegisters[0] = 42;
            utcb.MessageRegisters[1] = 0x0000000800000004; // string, 8 bytes
            utcb.MessageRegisters[2] = 0x20000;
            MessageCheck check = MessageLayout.Validate(Tag(1, 1), new ReadOnlySpan<ulong>(utcb.MessageRegisters, Utcb.MessageRegisterCount));
            Assert.Equal(MessageError.None, check.Error);
            Assert.Equal(1, check.StringCount);

            utcb.MessageRegisters[2] = (1UL << 47) - 4;
            check = MessageLayout.Validate(Tag(1, 1), new ReadOnlySpan<ulong>(utcb.MessageRegisters, Utcb.MessageRegisterCount));
            Assert.Equal(MessageError.StringOutsideUserSpace, check.Error);
            Assert.Equal(1, check.RegisterIndex);
        }
    }
}
