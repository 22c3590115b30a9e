using System.Collections.Generic;
using Cosmos.Api.Naming;
using Cosmos.Servers.NameBroker;
using Xunit;

namespace Servers.Tests
{
    public class RegistrationTableTests
    {
        private const uint FirstSlot = 16;
        private const ulong Alice = 3;
        private const ulong Bob = 5;

        /// <summary>Slots that hold a send right, which of them are stale, and which were deleted.</summary>
        private sealed class FakeRights : IRegisteredRights
        {
            public HashSet<uint> Stale { get; } = new HashSet<uint>();

            public List<uint> Discarded { get; } = new List<uint>();

            public bool IsStale(uint slot) => Stale.Contains(slot);

            public void Discard(uint slot)
            {
                Discarded.Add(slot);
                Stale.Remove(slot);
            }
        }

        private static BrokerName Name(string text)
        {
            Assert.Equal(NameBrokerStatus.Ok, BrokerName.TryEncode(text, out BrokerName name));
            return name;
        }

        [Fact]
        public void AnAddedNameIsFoundInTheSlotOfItsEntry()
        {
            var rights = new FakeRights();
            var table = new RegistrationTable(4, FirstSlot, rights);
            Assert.Equal(NameBrokerStatus.Ok, table.Add(Name("a"), Alice, out int a));
            Assert.Equal(NameBrokerStatus.Ok, table.Add(Name("b"), Bob, out int b));
            Assert.Equal(0, a);
            Assert.Equal(1, b);
            Assert.Equal(a, table.Find(Name("a")));
            Assert.Equal(b, table.Find(Name("b")));
            Assert.Equal(FirstSlot + 1, table.SlotOf(b));
            Assert.Equal(-1, table.Find(Name("c")));
            Assert.Equal(2, table.Count);
            Assert.Empty(rights.Discarded);
        }

        [Fact]
        public void ALiveNameCannotBeRegisteredTwiceEvenByAnotherRegistrant()
        {
            var table = new RegistrationTable(4, FirstSlot, new FakeRights());
            table.Add(Name("a"), Alice, out _);
            Assert.Equal(NameBrokerStatus.AlreadyRegistered, table.Add(Name("a"), Alice, out int index));
            Assert.Equal(-1, index);
            Assert.Equal(NameBrokerStatus.AlreadyRegistered, table.Add(Name("a"), Bob, out _));
            Assert.Equal(1, table.Count);
        }

        [Fact]
        public void AStaleNameDoesNotResolveAndItsCapabilityIsDeleted()
        {
            var rights = new FakeRights();
            var table = new RegistrationTable(4, FirstSlot, rights);
            table.Add(Name("a"), Alice, out int a);
            rights.Stale.Add(table.SlotOf(a));
            Assert.Equal(-1, table.Find(Name("a")));
            Assert.Equal(new[] { FirstSlot }, rights.Discarded);
            Assert.Equal(0, table.Count);
            // Dropped once: a second look-up deletes nothing more.
            Assert.Equal(-1, table.Find(Name("a")));
            Assert.Single(rights.Discarded);
        }

        [Fact]
        public void AStaleNameCanBeRegisteredAgain()
        {
            var rights = new FakeRights();
            var table = new RegistrationTable(4, FirstSlot, rights);
            table.Add(Name("server"), Alice, out int first);
            rights.Stale.Add(table.SlotOf(first));
            Assert.Equal(NameBrokerStatus.Ok, table.Add(Name("server"), Bob, out int second));
            Assert.Equal(first, second);
            Assert.Equal(new[] { FirstSlot }, rights.Discarded);
            Assert.Equal(NameBrokerStatus.NotPermitted, table.Unregister(Name("server"), Alice));
            Assert.Equal(NameBrokerStatus.Ok, table.Unregister(Name("server"), Bob));
        }

        [Fact]
        public void AFullTableRefusesUntilAnEntryGoesStale()
        {
            var rights = new FakeRights();
            var table = new RegistrationTable(3, FirstSlot, rights);
            table.Add(Name("a"), Alice, out _);
            table.Add(Name("b"), Alice, out int b);
            table.Add(Name("c"), Alice, out _);
            Assert.Equal(NameBrokerStatus.TableFull, table.Add(Name("d"), Alice, out int refused));
            Assert.Equal(-1, refused);
            Assert.Empty(rights.Discarded);
            rights.Stale.Add(table.SlotOf(b));
            Assert.Equal(NameBrokerStatus.Ok, table.Add(Name("d"), Alice, out int d));
            Assert.Equal(b, d);
            Assert.Equal(new[] { table.SlotOf(b) }, rights.Discarded);
            Assert.Equal(-1, table.Find(Name("b")));
            Assert.Equal(d, table.Find(Name("d")));
        }

        [Fact]
        public void OnlyTheRegistrantUnregisters()
        {
            var rights = new FakeRights();
            var table = new RegistrationTable(4, FirstSlot, rights);
            table.Add(Name("a"), Alice, out int a);
            Assert.Equal(NameBrokerStatus.NotPermitted, table.Unregister(Name("a"), Bob));
            Assert.Equal(a, table.Find(Name("a")));
            Assert.Empty(rights.Discarded);
            Assert.Equal(NameBrokerStatus.Ok, table.Unregister(Name("a"), Alice));
            Assert.Equal(new[] { table.SlotOf(a) }, rights.Discarded);
            Assert.Equal(NameBrokerStatus.NotFound, table.Unregister(Name("a"), Alice));
            Assert.Equal(0, table.Count);
        }

        [Fact]
        public void UnregisteringAStaleNameFindsNothing()
        {
            var rights = new FakeRights();
            var table = new RegistrationTable(4, FirstSlot, rights);
            table.Add(Name("a"), Alice, out int a);
            rights.Stale.Add(table.SlotOf(a));
            Assert.Equal(NameBrokerStatus.NotFound, table.Unregister(Name("a"), Alice));
            Assert.Single(rights.Discarded);
        }

        [Fact]
        public void ListingSkipsFreeAndStaleEntriesAndDropsTheStaleOnes()
        {
            var rights = new FakeRights();
            var table = new RegistrationTable(6, FirstSlot, rights);
            foreach (string text in new[] { "a", "b", "c", "d", "e" })
            {
                table.Add(Name(text), Alice, out _);
            }
            table.Unregister(Name("b"), Alice);
            rights.Discarded.Clear();
            rights.Stale.Add(table.SlotOf(3));

            var listed = new List<string>();
            for (int index = table.NextFrom(0); index >= 0; index = table.NextFrom(index + 1))
            {
                listed.Add(table.NameAt(index).ToString());
            }
            Assert.Equal(new[] { "a", "c", "e" }, listed);
            Assert.Equal(new[] { table.SlotOf(3) }, rights.Discarded);
            Assert.Equal(3, table.Count);
            Assert.Equal(-1, table.NextFrom(6));
            Assert.Equal(-1, table.NextFrom(int.MaxValue));
            Assert.Equal(0, table.NextFrom(-5));
        }

        [Fact]
        public void RemovingAFreeEntryChangesNothing()
        {
            var rights = new FakeRights();
            var table = new RegistrationTable(2, FirstSlot, rights);
            table.Remove(1);
            Assert.Equal(0, table.Count);
            Assert.Empty(rights.Discarded);
        }
    }
}
