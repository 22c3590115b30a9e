using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Drivers.Keyboard.Input;
using Xunit;

namespace Servers.Tests
{
    public class ReadRequestTests
    {
        private static MessageTag Tag(int untyped, int typed = 0)
        {
            Assert.Equal(MessageError.None, MessageTag.TryCreate(CharacterDeviceProtocol.Read, untyped, typed, MessageTagFlags.None, out MessageTag tag));
            return tag;
        }

        [Fact]
        public void AWellFormedReadGivesItsCountAndWaitFlag()
        {
            Assert.Equal(CharacterDeviceStatus.Ok, ReadRequest.TryParse(Tag(2), 480, (ulong)ReadFlags.Wait, out ReadRequest read));
            Assert.Equal(480, read.Wanted);
            Assert.True(read.Wait);
            Assert.Equal(CharacterDeviceStatus.Ok, ReadRequest.TryParse(Tag(2), 1, 0, out read));
            Assert.Equal(1, read.Wanted);
            Assert.False(read.Wait);
            Assert.Equal(CharacterDeviceStatus.Ok, ReadRequest.TryParse(Tag(2), 1, 0xFFFF_FFFE, out read));
            Assert.False(read.Wait);
        }

        [Theory]
        [InlineData(2, 0, 0UL)]
        [InlineData(2, 0, 481UL)]
        [InlineData(2, 0, ulong.MaxValue)]
        [InlineData(1, 0, 10UL)]
        [InlineData(0, 0, 10UL)]
        [InlineData(3, 0, 10UL)]
        [InlineData(2, 1, 10UL)]
        public void WrongWordCountsAndCountsOutOfRangeAreMalformed(int untyped, int typed, ulong wanted)
        {
            Assert.Equal(CharacterDeviceStatus.MalformedRequest, ReadRequest.TryParse(Tag(untyped, typed), wanted, 1, out _));
        }
    }
}
