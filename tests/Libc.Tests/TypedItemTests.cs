using Cosmos.Api.Ipc;
using Xunit;

namespace Libc.Tests
{
    public class TypedItemTests
    {
        private const ulong UserLimit = 1UL << 47;

        [Fact]
        public void CapabilityTransferRoundTripsWithExactWords()
        {
            CapabilityTransferItem move = CapabilityTransferItem.Create(uint.MaxValue, move: true);
            Assert.Equal(0x11UL, move.FirstWord);
            Assert.Equal(0xFFFFFFFFUL, move.SecondWord);
            Assert.Equal(MessageError.None, CapabilityTransferItem.TryDecode(move.FirstWord, move.SecondWord, out CapabilityTransferItem decoded));
            Assert.Equal(uint.MaxValue, decoded.SenderSlot);
            Assert.True(decoded.Move);

            CapabilityTransferItem copy = CapabilityTransferItem.Create(0, move: false);
            Assert.Equal(0x1UL, copy.FirstWord);
            Assert.Equal(0UL, copy.SecondWord);
            Assert.Equal(MessageError.None, CapabilityTransferItem.TryDecode(copy.FirstWord, copy.SecondWord, out decoded));
            Assert.Equal(0u, decoded.SenderSlot);
            Assert.False(decoded.Move);
        }

        [Theory]
        [InlineData(0x21UL, 0UL)]
        [InlineData(0x8000000000000001UL, 0UL)]
        [InlineData(0x1UL, 0x100000000UL)]
        public void CapabilityTransferWithReservedBitsIsRefused(ulong firstWord, ulong secondWord)
        {
            Assert.Equal(MessageError.ReservedItemBitsSet, CapabilityTransferItem.TryDecode(firstWord, secondWord, out CapabilityTransferItem item));
            Assert.Equal(0u, item.SenderSlot);
            Assert.False(item.Move);
        }

        [Fact]
        public void FlexpageRoundTripsAtItsLimits()
        {
            Assert.Equal(MessageError.None, Flexpage.TryCreate(0, 47, FlexpageRights.All, out Flexpage whole));
            Assert.Equal(0x2F7UL, whole.Word);
            Assert.Equal(MessageError.None, Flexpage.TryDecode(whole.Word, out Flexpage decoded));
            Assert.Equal(0UL, decoded.BaseAddress);
            Assert.Equal(47, decoded.SizeLog2);
            Assert.Equal(UserLimit, decoded.Size);
            Assert.Equal(FlexpageRights.All, decoded.Rights);

            Assert.Equal(MessageError.None, Flexpage.TryCreate(UserLimit - 0x1000, 12, FlexpageRights.Read, out Flexpage lastPage));
            Assert.Equal(0x7FFFFFFFF0C1UL, lastPage.Word);
            Assert.Equal(MessageError.None, Flexpage.TryDecode(lastPage.Word, out decoded));
            Assert.Equal(UserLimit - 0x1000, decoded.BaseAddress);
            Assert.Equal(12, decoded.SizeLog2);
            Assert.Equal(FlexpageRights.Read, decoded.Rights);

            Assert.Equal(MessageError.None, Flexpage.TryCreate(1UL << 46, 46, FlexpageRights.Write | FlexpageRights.Execute, out Flexpage upperHalf));
            Assert.Equal(MessageError.None, Flexpage.TryDecode(upperHalf.Word, out decoded));
            Assert.Equal(1UL << 46, decoded.BaseAddress);
            Assert.Equal(FlexpageRights.Write | FlexpageRights.Execute, decoded.Rights);
        }

        [Theory]
        [InlineData(0x1000UL, 13)]
        [InlineData(0x1001UL, 12)]
        [InlineData(0x200000UL - 0x1000, 21)]
        [InlineData(1UL << 45, 46)]
        public void MisalignedFlexpageIsRefused(ulong baseAddress, int sizeLog2)
        {
            Assert.Equal(MessageError.FlexpageMisaligned, Flexpage.TryCreate(baseAddress, sizeLog2, FlexpageRights.Read, out Flexpage flexpage));
            Assert.Equal(0UL, flexpage.Word);
            ulong word = (baseAddress & ~0xFFFUL) | ((ulong)sizeLog2 << 4) | 1;
            if ((baseAddress & 0xFFF) == 0)
            {
                Assert.Equal(MessageError.FlexpageMisaligned, Flexpage.TryDecode(word, out _));
            }
        }

        [Theory]
        [InlineData(0)]
        [InlineData(11)]
        [InlineData(48)]
        [InlineData(63)]
        public void FlexpageSizeOutOfRangeIsRefused(int sizeLog2)
        {
            Assert.Equal(MessageError.FlexpageSizeOutOfRange, Flexpage.TryDecode(((ulong)sizeLog2 << 4) | 1, out Flexpage flexpage));
            Assert.Equal(0UL, flexpage.Word);
            Assert.Equal(MessageError.FlexpageSizeOutOfRange, Flexpage.TryCreate(0, sizeLog2, FlexpageRights.Read, out _));
            Assert.Equal(MessageError.FlexpageSizeOutOfRange, Flexpage.TryCreate(0, -1, FlexpageRights.Read, out _));
        }

        [Theory]
        [InlineData(1UL << 47, 12)]
        [InlineData(1UL << 47, 47)]
        [InlineData(0xFFFFFFFFFFFFF000UL, 12)]
        public void FlexpageOutsideTheUserHalfIsRefused(ulong baseAddress, int sizeLog2)
        {
            Assert.Equal(MessageError.FlexpageOutsideUserSpace, Flexpage.TryCreate(baseAddress, sizeLog2, FlexpageRights.Read, out _));
            Assert.Equal(MessageError.FlexpageOutsideUserSpace, Flexpage.TryDecode(baseAddress | ((ulong)sizeLog2 << 4) | 1, out _));
        }

        [Theory]
        [InlineData(3)]
        [InlineData(10)]
        [InlineData(11)]
        public void FlexpageWithAReservedBitIsRefused(int bit)
        {
            ulong word = (12UL << 4) | 1 | (1UL << bit);
            Assert.Equal(MessageError.ReservedItemBitsSet, Flexpage.TryDecode(word, out _));
            Assert.Equal(MessageError.ReservedItemBitsSet, Flexpage.TryCreate(0, 12, (FlexpageRights)8, out _));
        }

        [Fact]
        public void MapAndGrantItemsRoundTripWithExactWords()
        {
            Assert.Equal(MessageError.None, Flexpage.TryCreate(0x200000, 21, FlexpageRights.Read | FlexpageRights.Write, out Flexpage flexpage));
            Assert.Equal(MessageError.None, FlexpageItem.TryCreate(flexpage, UserLimit - 0x1000, grant: false, out FlexpageItem map));
            Assert.Equal(0x7FFFFFFFF002UL, map.FirstWord);
            Assert.Equal(0x200153UL, map.SecondWord);
            Assert.Equal(MessageError.None, FlexpageItem.TryDecode(map.FirstWord, map.SecondWord, out FlexpageItem decoded));
            Assert.False(decoded.Grant);
            Assert.Equal(UserLimit - 0x1000, decoded.HotSpot);
            Assert.Equal(flexpage.Word, decoded.Flexpage.Word);

            Assert.Equal(MessageError.None, FlexpageItem.TryCreate(flexpage, 0, grant: true, out FlexpageItem grant));
            Assert.Equal(0x3UL, grant.FirstWord);
            Assert.Equal(MessageError.None, FlexpageItem.TryDecode(grant.FirstWord, grant.SecondWord, out decoded));
            Assert.True(decoded.Grant);
            Assert.Equal(0UL, decoded.HotSpot);
        }

        [Fact]
        public void MalformedMapItemsGiveTheirExactErrors()
        {
            ulong goodFlexpage = 0x200153;
            Assert.Equal(MessageError.FlexpageNoRights, FlexpageItem.TryDecode(0x2, 0x200150, out FlexpageItem item));
            Assert.Equal(0UL, item.SecondWord);
            Assert.Equal(MessageError.HotSpotOutOfRange, FlexpageItem.TryDecode(UserLimit | 0x2, goodFlexpage, out _));
            Assert.Equal(MessageError.HotSpotOutOfRange, FlexpageItem.TryDecode(0xFFFFFFFFFFFFF002UL, goodFlexpage, out _));
            Assert.Equal(MessageError.ReservedItemBitsSet, FlexpageItem.TryDecode(0x12, goodFlexpage, out _));
            Assert.Equal(MessageError.ReservedItemBitsSet, FlexpageItem.TryDecode(0x802, goodFlexpage, out _));
            Assert.Equal(MessageError.FlexpageMisaligned, FlexpageItem.TryDecode(0x2, 0x201153, out _));
            Assert.Equal(MessageError.FlexpageSizeOutOfRange, FlexpageItem.TryDecode(0x3, 0x1, out _));

            Assert.Equal(MessageError.None, Flexpage.TryCreate(0, 12, FlexpageRights.None, out Flexpage noRights));
            Assert.Equal(MessageError.FlexpageNoRights, FlexpageItem.TryCreate(noRights, 0, grant: false, out _));
            Assert.Equal(MessageError.None, Flexpage.TryCreate(0, 12, FlexpageRights.Read, out Flexpage readable));
            Assert.Equal(MessageError.HotSpotOutOfRange, FlexpageItem.TryCreate(readable, 0x123, grant: false, out _));
            Assert.Equal(MessageError.HotSpotOutOfRange, FlexpageItem.TryCreate(readable, UserLimit, grant: true, out _));
        }

        [Fact]
        public void StringItemRoundTripsAtItsLimits()
        {
            ulong lastStart = UserLimit - 65536;
            Assert.Equal(MessageError.None, StringItem.TryCreate(lastStart, 65536, out StringItem longest));
            Assert.Equal(0x0001000000000004UL, longest.FirstWord);
            Assert.Equal(lastStart, longest.SecondWord);
            Assert.Equal(MessageError.None, StringItem.TryDecode(longest.FirstWord, longest.SecondWord, out StringItem decoded));
            Assert.Equal(lastStart, decoded.Address);
            Assert.Equal(65536u, decoded.Length);

            Assert.Equal(MessageError.None, StringItem.TryCreate(0, 0, out StringItem empty));
            Assert.Equal(0x4UL, empty.FirstWord);
            Assert.Equal(MessageError.None, StringItem.TryDecode(0x4, UserLimit, out decoded));
            Assert.Equal(0u, decoded.Length);
            Assert.Equal(UserLimit, decoded.Address);
        }

        [Theory]
        [InlineData(0x1000UL, 65537UL, MessageError.StringTooLong)]
        [InlineData(0x1000UL, 0xFFFFFFFFUL, MessageError.StringTooLong)]
        [InlineData(0xFFFFFFFFFFFFF000UL, 0x2000UL, MessageError.StringWrapsAddressSpace)]
        [InlineData(ulong.MaxValue, 1UL, MessageError.StringWrapsAddressSpace)]
        [InlineData(ulong.MaxValue, 0UL, MessageError.StringOutsideUserSpace)]
        [InlineData((1UL << 47) - 65535, 65536UL, MessageError.StringOutsideUserSpace)]
        [InlineData((1UL << 47) + 1, 0UL, MessageError.StringOutsideUserSpace)]
        public void MalformedStringsGiveTheirExactErrors(ulong address, ulong length, MessageError expected)
        {
            Assert.Equal(expected, StringItem.TryCreate(address, length, out StringItem item));
            Assert.Equal(0UL, item.SecondWord);
            Assert.Equal(expected, StringItem.TryDecode((length << 32) | 4, address, out _));
            Assert.Equal(expected, StringReceiveBuffer.TryCreate(address, length, out StringReceiveBuffer buffer));
            Assert.Equal(0UL, buffer.SecondWord);
            Assert.Equal(expected, StringReceiveBuffer.TryDecode(length, address, out _));
        }

        [Theory]
        [InlineData(0x14UL)]
        [InlineData(0x80000004UL)]
        public void StringItemWithReservedBitsIsRefused(ulong firstWord)
        {
            Assert.Equal(MessageError.ReservedItemBitsSet, StringItem.TryDecode(firstWord, 0x1000, out _));
        }

        [Fact]
        public void StringReceiveBufferRoundTripsAndRefusesReservedBits()
        {
            Assert.Equal(MessageError.None, StringReceiveBuffer.TryCreate(0x10000, 65536, out StringReceiveBuffer buffer));
            Assert.Equal(0x10000UL, buffer.FirstWord);
            Assert.Equal(0x10000UL, buffer.SecondWord);
            Assert.Equal(MessageError.None, StringReceiveBuffer.TryDecode(buffer.FirstWord, buffer.SecondWord, out StringReceiveBuffer decoded));
            Assert.Equal(0x10000UL, decoded.Address);
            Assert.Equal(65536u, decoded.Length);
            Assert.Equal(MessageError.ReservedItemBitsSet, StringReceiveBuffer.TryDecode(0x100000010UL, 0x10000, out _));
        }

        [Fact]
        public void CapabilityReceiveWindowRoundTripsAndStopsAtTheLastSlot()
        {
            Assert.Equal(MessageError.None, CapabilityReceiveWindow.TryCreate(uint.MaxValue, 1, out CapabilityReceiveWindow last));
            Assert.Equal(0x1FFFFFFFFUL, last.Word);
            Assert.Equal(MessageError.None, CapabilityReceiveWindow.TryDecode(last.Word, out CapabilityReceiveWindow decoded));
            Assert.Equal(uint.MaxValue, decoded.FirstSlot);
            Assert.Equal(1u, decoded.SlotCount);

            Assert.Equal(MessageError.None, CapabilityReceiveWindow.TryDecode(0, out decoded));
            Assert.Equal(0u, decoded.SlotCount);
            Assert.Equal(MessageError.None, CapabilityReceiveWindow.TryCreate(0, uint.MaxValue, out _));

            Assert.Equal(MessageError.CapabilityWindowOutOfRange, CapabilityReceiveWindow.TryCreate(uint.MaxValue, 2, out CapabilityReceiveWindow refused));
            Assert.Equal(0UL, refused.Word);
            Assert.Equal(MessageError.CapabilityWindowOutOfRange, CapabilityReceiveWindow.TryDecode(0xFFFFFFFF00000002UL, out _));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(5)]
        [InlineData(9)]
        [InlineData(15)]
        public void UnknownItemKindIsRefused(int kind)
        {
            Assert.Equal(MessageError.UnknownItemKind, TypedItem.Validate((ulong)kind, 0));
        }

        [Fact]
        public void EachItemRefusesAnotherKindsWords()
        {
            Assert.Equal(MessageError.UnknownItemKind, CapabilityTransferItem.TryDecode(0x4, 0, out _));
            Assert.Equal(MessageError.UnknownItemKind, FlexpageItem.TryDecode(0x1, 0x200153, out _));
            Assert.Equal(MessageError.UnknownItemKind, FlexpageItem.TryDecode(0x4, 0x200153, out _));
            Assert.Equal(MessageError.UnknownItemKind, StringItem.TryDecode(0x2, 0, out _));
        }

        [Fact]
        public void ValidateDispatchesOnTheKind()
        {
            Assert.Equal(MessageError.None, TypedItem.Validate(0x1, 7));
            Assert.Equal(MessageError.ReservedItemBitsSet, TypedItem.Validate(0x1, 1UL << 40));
            Assert.Equal(MessageError.None, TypedItem.Validate(0x2, 0x200153));
            Assert.Equal(MessageError.FlexpageMisaligned, TypedItem.Validate(0x3, 0x201153));
            Assert.Equal(MessageError.None, TypedItem.Validate(0x0000001000000004UL, 0x1000));
            Assert.Equal(MessageError.StringTooLong, TypedItem.Validate(0x0001000100000004UL, 0x1000));
        }
    }
}
