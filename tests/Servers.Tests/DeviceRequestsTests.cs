using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;
using Cosmos.Servers.Sigma0;
using Xunit;
using static Servers.Tests.Sigma0TestMemory;

namespace Servers.Tests
{
    public class DeviceRequestsTests
    {
        private const ulong RootTask = 0;
        private const ulong Framebuffer = 0xFD00_0000;
        private const ulong FramebufferDriver = Framebuffer | (24 << 4);

        private readonly DeviceGrants _grants = new DeviceGrants();
        private readonly RecordingUnmap _unmap = new RecordingUnmap();
        private readonly DeviceRequests _requests;
        private readonly Sigma0Requester _client;

        public DeviceRequestsTests()
        {
            _requests = new DeviceRequests(Ranges((1 * MiB, 255 * MiB)), _grants, _unmap);
            _client = new Sigma0Requester(_requests);
        }

        [Fact]
        public void ABadgedDriverMapsInsideItsRegionOnly()
        {
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.MapDevice, FramebufferDriver, Framebuffer, 22));
            FlexpageItem item = _client.MapItem(1);
            Assert.Equal(Framebuffer, _client.Registers[0]);
            Assert.Equal(Framebuffer, item.Flexpage.BaseAddress);
            Assert.Equal(FlexpageRights.Read | FlexpageRights.Write, item.Flexpage.Rights);
            Assert.Equal(0UL, item.HotSpot);
            Assert.Equal(Sigma0Status.NotAuthorized, _client.Request(Sigma0Protocol.MapDevice, FramebufferDriver, 0xFEC0_0000, 12));
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.MapDevice, RootTask, 0xFEC0_0000, 12));
            Assert.Equal(2, _grants.Count);
        }

        [Fact]
        public void RamIsNotDeviceMemory()
        {
            Assert.Equal(Sigma0Status.NotDeviceMemory, _client.Request(Sigma0Protocol.MapDevice, RootTask, 2 * MiB, 21));
            Assert.Equal(Sigma0Status.NotDeviceMemory, _client.Request(Sigma0Protocol.MapDevice, RootTask, 0, 22));
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.MapDevice, RootTask, 0, 20)); // below the RAM: legacy video and BIOS
        }

        [Fact]
        public void ADeviceBlockIsGivenOnceUntilReleased()
        {
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.MapDevice, FramebufferDriver, Framebuffer, 22));
            Assert.Equal(Sigma0Status.AlreadyGiven, _client.Request(Sigma0Protocol.MapDevice, RootTask, Framebuffer + 0x1000, 12));
            Assert.Equal(Sigma0Status.NotOwned, _client.Request(Sigma0Protocol.Release, RootTask, Framebuffer, 22));
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.Release, FramebufferDriver, Framebuffer, 22));
            Assert.Equal(new[] { Framebuffer }, _unmap.Unmapped);
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.MapDevice, RootTask, Framebuffer + 0x1000, 12));
        }

        [Fact]
        public void TheSameBadgeAskingForTheSameBlockAgainGetsItAnewAfterAnUnmap()
        {
            // A restarted driver holds a capability with its predecessor's badge: the block is unmapped and given again.
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.MapDevice, FramebufferDriver, Framebuffer, 22));
            Assert.Empty(_unmap.Unmapped);
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.MapDevice, FramebufferDriver, Framebuffer, 22));
            Assert.Equal(new[] { Framebuffer }, _unmap.Unmapped);
            Assert.Equal(1, _grants.Count);
            // Another badge, or a different block of the same range, still finds it given.
            Assert.Equal(Sigma0Status.AlreadyGiven, _client.Request(Sigma0Protocol.MapDevice, RootTask, Framebuffer, 22));
            Assert.Equal(Sigma0Status.AlreadyGiven, _client.Request(Sigma0Protocol.MapDevice, FramebufferDriver, Framebuffer, 21));
        }

        [Fact]
        public void AFailedMapReplyIsTakenBack()
        {
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.MapDevice, FramebufferDriver, Framebuffer, 22));
            _requests.CancelMapping(_client.Pending);
            Assert.Equal(0, _grants.Count);
            Assert.Equal(Sigma0Status.Success, _client.Request(Sigma0Protocol.MapDevice, FramebufferDriver, Framebuffer, 22));
        }

        [Fact]
        public void MalformedAndUnknownRequestsAreBadRequests()
        {
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.MapDevice, RootTask, Framebuffer));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.MapDevice, RootTask, Framebuffer + 0x1000, 13));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.MapDevice, RootTask, Framebuffer, 23));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.MapDevice, RootTask, 1UL << 47, 12));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.AllocateAny, RootTask, 12));
            Assert.Equal(Sigma0Status.BadRequest, _client.Request(Sigma0Protocol.Statistics, RootTask));
            Assert.Equal((uint)Sigma0Status.BadRequest, _client.Send(Sigma0Protocol.MapDevice, RootTask, new ulong[] { Framebuffer, 12 }, typedCount: 1));
            Assert.Equal((uint)Sigma0Status.BadRequest, _client.Send(PageFaultMessage.Label, RootTask, new ulong[] { 0x1000, 2, 0, 0 }));
            Assert.Equal(0, _grants.Count);
        }
    }
}
