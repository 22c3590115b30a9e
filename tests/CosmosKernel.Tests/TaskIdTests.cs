using CosmosKernel.Tasks;
using Xunit;

namespace CosmosKernel.Tests
{
    /// <summary>Task ids: slot in bits 0-15, version in bits 16-47, nothing above; version 0 never names a live task.</summary>
    public sealed class TaskIdTests
    {
        [Fact]
        public void CreateKeepsSlotAndVersionInTheirBits()
        {
            TaskId id = TaskId.Create(1234, 77);

            Assert.Equal(1234, id.Slot);
            Assert.Equal(77u, id.Version);
            Assert.Equal((77UL << 16) | 1234, id.Value);
            Assert.False(id.IsNone);
            Assert.False(id.IsMalformed);
        }

        [Fact]
        public void LargestSlotAndVersionDoNotOverlap()
        {
            TaskId id = TaskId.Create((1 << TaskId.SlotBits) - 1, uint.MaxValue);

            Assert.Equal(0xFFFF, id.Slot);
            Assert.Equal(uint.MaxValue, id.Version);
            Assert.Equal(0x0000_FFFF_FFFF_FFFFUL, id.Value);
            Assert.False(id.IsMalformed);
        }

        [Fact]
        public void SlotBeyondSixteenBitsDoesNotSpillIntoTheVersion()
        {
            // Version 4 has bit 0 clear: a slot bit 16 that leaked would turn it into 5.
            TaskId id = TaskId.Create(0x1_0005, 4);

            Assert.Equal(5, id.Slot);
            Assert.Equal(4u, id.Version);
        }

        [Fact]
        public void SlotZeroWithAVersionIsARealTask()
        {
            // The root task is task 0.1: slot 0 must not make an id "none".
            TaskId root = TaskId.Create(0, 1);

            Assert.False(root.IsNone);
            Assert.NotEqual(TaskId.None, root);
            Assert.Equal(0, root.Slot);
            Assert.Equal(1u, root.Version);
        }

        [Fact]
        public void NoneIsZero()
        {
            Assert.Equal(0UL, TaskId.None.Value);
            Assert.True(TaskId.None.IsNone);
            Assert.True(new TaskId(0).IsNone);
            Assert.Equal(TaskId.None, TaskId.Create(0, 0));
            Assert.False(TaskId.None.IsMalformed);
        }

        [Theory]
        [InlineData(1UL << 48)]
        [InlineData((1UL << 48) | (1UL << 16) | 1)]
        [InlineData(0x8000_0000_0000_0000UL)]
        [InlineData(ulong.MaxValue)]
        public void BitsAboveTheVersionMakeAnIdMalformed(ulong value)
        {
            Assert.True(new TaskId(value).IsMalformed);
        }

        [Theory]
        [InlineData(0UL)]
        [InlineData(0x10000UL)]
        [InlineData(0xDEAD_0000_BEEFUL)]
        [InlineData(0xFFFF_FFFF_FFFFUL)]
        public void ValuesWithinFortyEightBitsAreWellFormed(ulong value)
        {
            Assert.False(new TaskId(value).IsMalformed);
        }

        [Fact]
        public void NextVersionCountsUp()
        {
            Assert.Equal(2u, TaskId.NextVersion(1));
            Assert.Equal(42u, TaskId.NextVersion(41));
            Assert.Equal(uint.MaxValue, TaskId.NextVersion(uint.MaxValue - 1));
        }

        [Fact]
        public void NextVersionWrapsToOneSkippingZero()
        {
            Assert.Equal(1u, TaskId.NextVersion(uint.MaxValue));

            uint version = uint.MaxValue - 3;
            for (int i = 0; i < 8; i++)
            {
                version = TaskId.NextVersion(version);
                Assert.NotEqual(0u, version);
            }

            Assert.Equal(5u, version);
        }

        [Fact]
        public void AReusedSlotGetsADifferentId()
        {
            TaskId first = TaskId.Create(5, uint.MaxValue);
            TaskId reused = TaskId.Create(5, TaskId.NextVersion(first.Version));

            Assert.Equal(first.Slot, reused.Slot);
            Assert.NotEqual(first, reused);
            Assert.True(first != reused);
            Assert.False(reused.IsNone);
        }

        [Fact]
        public void EqualityFollowsTheValue()
        {
            TaskId a = TaskId.Create(9, 4);
            TaskId same = new TaskId(a.Value);
            TaskId otherVersion = TaskId.Create(9, 5);
            TaskId otherSlot = TaskId.Create(8, 4);

            Assert.True(a == same);
            Assert.False(a != same);
            Assert.True(a.Equals((object)same));
            Assert.Equal(a.GetHashCode(), same.GetHashCode());
            Assert.True(a != otherVersion);
            Assert.True(a != otherSlot);
            Assert.False(a.Equals((object)otherVersion));
            Assert.False(a.Equals((object)a.Value));
        }

        [Fact]
        public void PrintsAsSlotDotVersion()
        {
            // As the kernel log and the root task print ids: "task 3.1".
            Assert.Equal("3.1", TaskId.Create(3, 1).ToString());
            Assert.Equal("65535.4294967295", TaskId.Create(0xFFFF, uint.MaxValue).ToString());
        }
    }
}
