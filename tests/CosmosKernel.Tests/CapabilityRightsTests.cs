using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using Xunit;

namespace CosmosKernel.Tests
{
    /// <summary>Rights arithmetic, per-kind rules and the value types a capability is made of.</summary>
    public sealed unsafe class CapabilityRightsTests
    {
        private const CapabilityRights Receive = CapabilityRights.Receive;
        private const CapabilityRights Send = CapabilityRights.Send;
        private const CapabilityRights Grant = CapabilityRights.Grant;
        private const CapabilityRights Control = CapabilityRights.Control;

        [Fact]
        public void RightsHaveFixedBits()
        {
            // User code passes rights as a word: the bits are ABI.
            Assert.Equal(1, (int)Receive);
            Assert.Equal(2, (int)Send);
            Assert.Equal(4, (int)Grant);
            Assert.Equal(8, (int)Control);
            Assert.Equal(15, (int)CapabilityRights.All);
            Assert.Equal(0, (int)CapabilityRights.None);
        }

        [Theory]
        [InlineData(Receive | Send | Grant, Send, true)]
        [InlineData(Receive | Send | Grant, Send | Grant, true)]
        [InlineData(Receive | Send | Grant, Receive | Send | Grant, true)]
        [InlineData(Send, Send | Grant, false)]
        [InlineData(Send, Receive, false)]
        [InlineData(CapabilityRights.None, Send, false)]
        [InlineData(Send, CapabilityRights.None, true)]
        [InlineData(CapabilityRights.None, CapabilityRights.None, true)]
        [InlineData(CapabilityRights.All, Control | Receive, true)]
        public void ContainsNeedsEveryRequiredRight(CapabilityRights held, CapabilityRights required, bool expected)
        {
            Assert.Equal(expected, CapabilityRightsArithmetic.Contains(held, required));
        }

        [Theory]
        [InlineData(Send, Receive | Send, true)]
        [InlineData(CapabilityRights.None, Send, true)]
        [InlineData(Send | Grant, Send | Grant, true)]
        [InlineData(Send | Grant, Send, false)]
        [InlineData(Control, Receive | Send | Grant, false)]
        [InlineData(CapabilityRights.All, Receive | Send | Grant, false)]
        public void IsSubsetOfRefusesAnyExtraRight(CapabilityRights subset, CapabilityRights superset, bool expected)
        {
            Assert.Equal(expected, CapabilityRightsArithmetic.IsSubsetOf(subset, superset));
        }

        [Fact]
        public void ReduceKeepsOnlyRightsInBoth()
        {
            Assert.Equal(Send, CapabilityRightsArithmetic.Reduce(Receive | Send | Grant, Send | Control));
            Assert.Equal(CapabilityRights.None, CapabilityRightsArithmetic.Reduce(Send, Receive));
            Assert.Equal(Receive | Grant, CapabilityRightsArithmetic.Reduce(CapabilityRights.All, Receive | Grant));
            Assert.Equal(Send, CapabilityRightsArithmetic.Reduce(Send, CapabilityRights.All));
        }

        [Fact]
        public void IsDefinedRefusesBitsThatAreNoRight()
        {
            Assert.True(CapabilityRightsArithmetic.IsDefined(CapabilityRights.All));
            Assert.True(CapabilityRightsArithmetic.IsDefined(CapabilityRights.None));
            Assert.False(CapabilityRightsArithmetic.IsDefined((CapabilityRights)0x10));
            Assert.False(CapabilityRightsArithmetic.IsDefined((CapabilityRights)0x81));
        }

        [Theory]
        [InlineData(CapabilityKind.Port, Receive | Send | Grant)]
        [InlineData(CapabilityKind.Notification, Receive | Send | Grant)]
        [InlineData(CapabilityKind.Reply, Send | Grant)]
        [InlineData(CapabilityKind.Task, Control | Grant)]
        [InlineData(CapabilityKind.Thread, Control | Grant)]
        [InlineData(CapabilityKind.InterruptLine, Control | Grant)]
        [InlineData(CapabilityKind.IoPortRange, Control | Grant)]
        [InlineData(CapabilityKind.DebugConsole, Send | Grant)]
        [InlineData(CapabilityKind.None, CapabilityRights.None)]
        [InlineData((CapabilityKind)200, CapabilityRights.None)]
        public void EachKindAllowsItsRights(CapabilityKind kind, CapabilityRights expected)
        {
            Assert.Equal(expected, CapabilityKinds.AllowedRights(kind));
        }

        [Theory]
        [InlineData(CapabilityKind.Port, true, true, true)]
        [InlineData(CapabilityKind.Notification, true, true, true)]
        [InlineData(CapabilityKind.Reply, false, false, false)]
        [InlineData(CapabilityKind.Task, false, true, false)]
        [InlineData(CapabilityKind.Thread, false, true, false)]
        [InlineData(CapabilityKind.InterruptLine, false, true, false)]
        [InlineData(CapabilityKind.IoPortRange, false, true, false)]
        [InlineData(CapabilityKind.DebugConsole, false, true, false)]
        public void KindRules(CapabilityKind kind, bool badgeable, bool copyable, bool revocable)
        {
            Assert.Equal(badgeable, CapabilityKinds.IsBadgeable(kind));
            Assert.Equal(copyable, CapabilityKinds.IsCopyable(kind));
            Assert.Equal(revocable, CapabilityKinds.IsRevocable(kind));
        }

        [Fact]
        public void NextGenerationCountsUpAndSkipsZero()
        {
            Assert.Equal(2u, KernelObjectReference.NextGeneration(1));
            Assert.Equal(uint.MaxValue, KernelObjectReference.NextGeneration(uint.MaxValue - 1));
            Assert.Equal(1u, KernelObjectReference.NextGeneration(uint.MaxValue));
        }

        [Fact]
        public void ReferenceEqualityNeedsIndexAndGeneration()
        {
            KernelObjectReference a = new KernelObjectReference(7, 3);

            Assert.True(a == new KernelObjectReference(7, 3));
            Assert.True(a != new KernelObjectReference(7, 4));
            Assert.True(a != new KernelObjectReference(6, 3));
            Assert.Equal(new KernelObjectReference(7, 9), a.WithGeneration(9));
            Assert.True(KernelObjectReference.None.IsNone);
            Assert.True(new KernelObjectReference(5, 0).IsNone);
            Assert.False(a.IsNone);
            Assert.Equal("7.3", a.ToString());
        }

        [Fact]
        public void CapabilityIsTwentyFourBytesAndDefaultIsEmpty()
        {
            // 256 slots = 6 KiB per task: the size is part of the memory budget of a task.
            Assert.Equal(24, sizeof(Capability));
            Assert.Equal(256 * 24, CapabilityTable.StorageBytes);
            Assert.True(Capability.Empty.IsEmpty);
            Assert.False(Capability.Empty.IsBadged);
            Assert.Equal(CapabilityRights.None, Capability.Empty.Rights);
        }

        [Fact]
        public void WithMethodsChangeOnlyTheirField()
        {
            Capability original = new Capability(CapabilityKind.Port, Receive | Send, new KernelObjectReference(4, 2), 0);

            Capability reduced = original.WithRights(Send);
            Capability badged = original.WithBadge(0xB0B);
            Capability moved = original.WithGeneration(5);

            Assert.Equal(Send, reduced.Rights);
            Assert.Equal(original.Object, reduced.Object);
            Assert.Equal(0xB0BUL, badged.Badge);
            Assert.True(badged.IsBadged);
            Assert.Equal(Receive | Send, badged.Rights);
            Assert.Equal(new KernelObjectReference(4, 5), moved.Object);
            Assert.Equal(CapabilityKind.Port, moved.Kind);
        }

        [Fact]
        public void SlotZeroIsNull()
        {
            Assert.True(CapabilitySlot.Null.IsNull);
            Assert.Equal(0u, CapabilitySlot.Null.Value);
            Assert.False(new CapabilitySlot(1).IsNull);
            Assert.False(CapabilityTable.IsUsable(new CapabilitySlot(0)));
            Assert.True(CapabilityTable.IsUsable(new CapabilitySlot(1)));
            Assert.True(CapabilityTable.IsUsable(new CapabilitySlot(255)));
            Assert.False(CapabilityTable.IsUsable(new CapabilitySlot(256)));
        }
    }
}
