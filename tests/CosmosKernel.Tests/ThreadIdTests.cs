using CosmosKernel.Scheduling;
using Xunit;

namespace CosmosKernel.Tests
{
    public class ThreadIdTests
    {
        [Fact]
        public void SlotAndVersionRoundTrip()
        {
            ThreadId id = ThreadId.Create(1234, 77);
            Assert.Equal(1234, id.Slot);
            Assert.Equal(77u, id.Version);
            Assert.False(id.IsNone);
        }

        [Fact]
        public void AReusedSlotGetsADifferentId()
        {
            ThreadId first = ThreadId.Create(5, 1);
            ThreadId reused = ThreadId.Create(5, ThreadId.NextVersion(first.Version));
            Assert.Equal(first.Slot, reused.Slot);
            Assert.NotEqual(first, reused);
        }

        [Fact]
        public void VersionWrapsAroundWithoutReachingNone()
        {
            Assert.Equal(1u, ThreadId.NextVersion(uint.MaxValue));
            Assert.True(ThreadId.None.IsNone);
            Assert.True(ThreadId.Create(3, 0).IsNone);
        }

        [Fact]
        public void LargestSlotDoesNotSpillIntoVersion()
        {
            ThreadId id = ThreadId.Create(ThreadId.MaximumSlots - 1, 9);
            Assert.Equal(ThreadId.MaximumSlots - 1, id.Slot);
            Assert.Equal(9u, id.Version);
        }
    }
}
