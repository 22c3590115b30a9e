using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;
using Cosmos.Servers.Sigma0;
using Xunit;
using static Servers.Tests.Sigma0TestMemory;

namespace Servers.Tests
{
    public class Sigma0RepliesTests
    {
        [Fact]
        public void ABlockGivenCarriesItsBaseAndAMapItemAtTheWindowBase()
        {
            ulong[] registers = new ulong[MessageLimits.MessageRegisterCount];
            MessageTag tag = Sigma0Replies.BlockGiven(registers, Block(0x40_0000, 21), FlexpageRights.All);
            Assert.Equal((uint)Sigma0Status.Success, tag.Label);
            Assert.Equal(1, tag.UntypedCount);
            Assert.Equal(1, tag.TypedCount);
            Assert.Equal(0x40_0000UL, registers[0]);
            Assert.Equal(MessageError.None, FlexpageItem.TryDecode(registers[1], registers[2], out FlexpageItem item));
            Assert.False(item.Grant);
            Assert.Equal(0UL, item.HotSpot);
            Assert.Equal(0x40_0000UL, item.Flexpage.BaseAddress);
            Assert.Equal(21, item.Flexpage.SizeLog2);
            Assert.Equal(FlexpageRights.All, item.Flexpage.Rights);
        }

        [Fact]
        public void AResolvedPageFaultMapsOneFrameAtTheFaultingPage()
        {
            ulong[] registers = new ulong[MessageLimits.MessageRegisterCount];
            MessageTag tag = Sigma0Replies.PageResolved(registers, Block(0x12_3000, 12), 0x7000_1234, FlexpageRights.Read | FlexpageRights.Write);
            Assert.Equal(PageFaultMessage.ResolvedLabel, tag.Label);
            Assert.Equal(0, tag.UntypedCount);
            Assert.Equal(1, tag.TypedCount);
            Assert.Equal(MessageError.None, FlexpageItem.TryDecode(registers[0], registers[1], out FlexpageItem item));
            Assert.Equal(0x7000_1000UL, item.HotSpot);
            Assert.Equal(0x12_3000UL, item.Flexpage.BaseAddress);
            Assert.Equal(12, item.Flexpage.SizeLog2);
            Assert.Equal(FlexpageRights.Read | FlexpageRights.Write, item.Flexpage.Rights);
        }

        [Fact]
        public void StatisticsAndStatusesAreLabelsWithWords()
        {
            ulong[] registers = new ulong[MessageLimits.MessageRegisterCount];
            MessageTag tag = Sigma0Replies.Statistics(registers, 100, 60, 40, 3);
            Assert.Equal(4, tag.UntypedCount);
            Assert.Equal(new ulong[] { 100, 60, 40, 3 }, registers[..4]);
            MessageTag status = Sigma0Replies.Status(Sigma0Status.NotOwned);
            Assert.Equal((uint)Sigma0Status.NotOwned, status.Label);
            Assert.Equal(0, status.RegisterCount);
        }
    }
}
