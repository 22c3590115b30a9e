using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;
using Cosmos.Servers.Sigma0;
using Xunit;
using static Servers.Tests.Sigma0TestMemory;

namespace Servers.Tests
{
    public class MemoryRequestsTests
    {
        private const ulong RootTask = 0;
        private const ulong Alice = 2;
        private const ulong Bob = 4;

        private readonly FrameTable _frames = new FrameTable(Ranges((1 * MiB, 3 * MiB)));
        private readonly DeviceGrants _devices = new DeviceGrants();
        private readonly RecordingUnmap _unmap = new RecordingUnmap();
        private readonly Sigma0Requester _client;

        public MemoryRequestsTests()
        {
            _client = new Sigma0Requester(new MemoryRequests(_frames, _devices, _unmap));
        }

        [Fact]
        public void AllocateAnyAnswersTheBaseAndAMapItemOfTheBlock()
        {
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.AllocateAny, Alice, 16));
            FlexpageItem item = _client.MapItem(1);
            ulong physical = _client.Registers[0];
            Assert.Equal(1 * MiB, physical);
            Assert.Equal(physical, item.Flexpage.BaseAddress);
            Assert.Equal(16, item.Flexpage.SizeLog2);
            Assert.Equal(FlexpageRights.All, item.Flexpage.Rights);
            Assert.Equal(0UL, item.HotSpot);
            Assert.True(_client.Pending.IsSet);
            Assert.Equal((uint)Sigma0Status.MapFailed, _client.Pending.FailureLabel);
            Assert.Equal(16, _frames.GivenFrames);
        }

        [Fact]
        public void AllocatePhysicalThenReleaseByTheOwnerOnly()
        {
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.AllocatePhysical, Alice, 2 * MiB, 20));
            Assert.Equal(2 * MiB, _client.MapItem(1).Flexpage.BaseAddress);
            Assert.Equal(Sigma0Status.AlreadyGiven, _client.Request(Sigma0Protocol.AllocatePhysical, Bob, 2 * MiB + 0x1000, 12));
            Assert.False(_client.Pending.IsSet);
            Assert.Equal(Sigma0Status.NotOwned, _client.Request(Sigma0Protocol.Release, Bob, 2 * MiB, 20));
            Assert.Empty(_unmap.Unmapped);
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.Release, Alice, 2 * MiB, 20));
            Assert.Equal(new[] { 2 * MiB }, _unmap.Unmapped);
            Assert.Equal(0, _client.Reply.RegisterCount);
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.AllocatePhysical, Bob, 2 * MiB + 0x1000, 12));
        }

        [Fact]
        public void AReleaseTheKernelRefusesLeavesTheBlockGiven()
        {
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.AllocateAny, Alice, 12));
            ulong physical = _client.Registers[0];
            _unmap.Refuse = true;
            Assert.Equal(Sigma0Status.MapFailed, _client.Request(Sigma0Protocol.Release, Alice, physical, 12));
            Assert.Equal(1, _frames.GivenFrames);
            _unmap.Refuse = false;
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.Release, Alice, physical, 12));
            Assert.Equal(0, _frames.GivenFrames);
        }

        [Fact]
        public void AFailedMapReplyIsTakenBack()
        {
            var requests = new MemoryRequests(_frames, _devices, _unmap);
            var client = new Sigma0Requester(requests);
            Assert.Equal(Sigma0Status.Success, client.Request(Sigma0Protocol.AllocateAny, Alice, 21));
            requests.CancelMapping(client.Pending);
            Assert.Equal(0, _frames.GivenFrames);
            Assert.Equal(Sigma0Status.NotOwned, client.Request(Sigma0Protocol.Release, Alice, 2 * MiB, 21));
        }

        [Fact]
        public void StatisticsCountFramesAndDeviceBlocks()
        {
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.AllocateAny, Alice, 13));
            Assert.Equal(Sigma0Status.Success, _devices.Add(Block(0xFD00_0000, 12), 0, out _));
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.Statistics, Bob));
            Assert.Equal(4, _client.Reply.UntypedCount);
            Assert.Equal(new ulong[] { 768, 766, 2, 1 }, _client.Registers[..4]);
        }

        [Fact]
        public void APageFaultGetsOneFrameAtTheFaultingPage()
        {
            Assert.Equal(PageFaultMessage.ResolvedLabel, _client.Send(PageFaultMessage.Label, RootTask, new ulong[] { 0x7F00_1234, 2, 0x40_1000, 0x10001 }));
            FlexpageItem item = _client.MapItem(0);
            Assert.Equal(0x7F00_1000UL, item.HotSpot);
            Assert.Equal(12, item.Flexpage.SizeLog2);
            Assert.Equal(FlexpageRights.Read | FlexpageRights.Write, item.Flexpage.Rights);
            Assert.True(_frames.TryGetOwner(item.Flexpage.BaseAddress, out ulong owner));
            Assert.Equal(RootTask, owner);
            Assert.Equal(PageFaultMessage.UnresolvedLabel, _client.Pending.FailureLabel);

            Assert.Equal(PageFaultMessage.ResolvedLabel, _client.Send(PageFaultMessage.Label, RootTask, new ulong[] { 0x40_2000, 4 | 1, 0x40_2000, 0x10001 }));
            Assert.Equal(FlexpageRights.All, _client.MapItem(0).Flexpage.Rights);
        }

        [Theory]
        [InlineData(0x0UL, 2UL)] // page 0: null pointers stay faults
        [InlineData(0x800UL, 2UL)]
        [InlineData(1UL << 47, 2UL)] // outside the user half
        [InlineData(0x40_0000UL, 2UL | (1UL << 8))] // mapped, a right missing
        public void PageFaultsSigma0DoesNotMendAreUnresolved(ulong address, ulong access)
        {
            Assert.Equal(PageFaultMessage.UnresolvedLabel, _client.Send(PageFaultMessage.Label, RootTask, new ulong[] { address, access, 0, 0 }));
            Assert.Equal(0, _client.Reply.RegisterCount);
            Assert.False(_client.Pending.IsSet);
            Assert.Equal(0, _frames.GivenFrames);
        }

        [Fact]
        public void APageFaultWithoutMemoryIsUnresolved()
        {
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.AllocatePhysical, Alice, 1 * MiB, 20));
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.AllocatePhysical, Alice, 2 * MiB, 21));
            Assert.Equal(PageFaultMessage.UnresolvedLabel, _client.Send(PageFaultMessage.Label, RootTask, new ulong[] { 0x40_0000, 2, 0, 0 }));
            Assert.Equal(PageFaultMessage.UnresolvedLabel, _client.Send(PageFaultMessage.Label, RootTask, new ulong[] { 0x40_0000, 2, 0 }));
        }

        [Fact]
        public void MalformedAndUnknownRequestsAreBadRequestsAndChangeNothing()
        {
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.AllocateAny, Alice));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.AllocateAny, Alice, 16, 0));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.AllocateAny, Alice, 11));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.AllocateAny, Alice, 23));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.AllocateAny, Alice, ulong.MaxValue));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.AllocatePhysical, Alice, 2 * MiB + 0x1000, 13));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.AllocatePhysical, Alice, 2 * MiB));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.Release, Alice, 2 * MiB, 40));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.Statistics, Alice, 0));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.MapDevice, Alice, 0xFD00_0000, 12));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(0, Alice));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(99, Alice, 1, 2, 3));
            Assert.Equal((uint)Sigma0Status.BadRequest, _client.Send(Sigma0Protocol.AllocateAny, Alice, new ulong[] { 12 }, typedCount: 1));
            Assert.Equal(Sigma0Status.NotRam, _client.Request(Sigma0Protocol.AllocatePhysical, Alice, 0, 12));
            Assert.Equal(0, _frames.GivenFrames);
            Assert.False(_client.Pending.IsSet);
        }
    }
}
