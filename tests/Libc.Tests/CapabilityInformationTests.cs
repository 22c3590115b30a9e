using Cosmos.Api.Ipc;
using Xunit;

namespace Libc.Tests
{
    public class CapabilityInformationTests
    {
        [Fact]
        public void TheWordsFieldsAreDecoded()
        {
            ulong word = (ulong)CapabilityKind.Port | ((ulong)(CapabilityRights.Send | CapabilityRights.Grant) << 8) | (1UL << 16);
            CapabilityInformation information = CapabilityInformation.FromWords(word, 42);
            Assert.Equal(CapabilityKind.Port, information.Kind);
            Assert.Equal(CapabilityRights.Send | CapabilityRights.Grant, information.Rights);
            Assert.True(information.IsStale);
            Assert.Equal(42UL, information.Badge);
        }

        [Fact]
        public void ALiveCapabilityIsNotStale()
        {
            ulong word = (ulong)CapabilityKind.Notification | ((ulong)CapabilityRights.Receive << 8);
            CapabilityInformation information = CapabilityInformation.FromWords(word, 0);
            Assert.Equal(CapabilityKind.Notification, information.Kind);
            Assert.Equal(CapabilityRights.Receive, information.Rights);
            Assert.False(information.IsStale);
        }
    }
}
