using Cosmos.Api.Ipc;
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using CosmosKernel.Capabilities;
using Xunit;

namespace CosmosKernel.Tests
{
    /// <summary>
    /// Object generations as a kernel's object tables would keep them, simulated per kind in a host array:
    /// every object starts live at generation 1; freeing or revoking advances the generation.
    /// </summary>
    internal struct SimulatedGenerations : IKernelObjectGenerations
    {
        public const int ObjectsPerKind = 64;

        private readonly uint[] _generations;

        public SimulatedGenerations(uint[] generations)
        {
            _generations = generations;
        }

        public static SimulatedGenerations Create()
        {
            uint[] generations = new uint[256 * ObjectsPerKind];
            Array.Fill(generations, 1u);
            return new SimulatedGenerations(generations);
        }

        public uint CurrentGeneration(CapabilityKind kind, uint index) =>
            index < ObjectsPerKind ? _generations[(int)kind * ObjectsPerKind + (int)index] : 0;

        public uint AdvanceGeneration(CapabilityKind kind, uint index)
        {
            int position = (int)kind * ObjectsPerKind + (int)index;
            _generations[position] = KernelObjectReference.NextGeneration(_generations[position]);
            return _generations[position];
        }

        /// <summary>The object is freed (and its table slot may get a new object): every capability to it goes stale.</summary>
        public void Free(CapabilityKind kind, uint index) => AdvanceGeneration(kind, index);
    }

    /// <summary>Collects what DeleteAll reports, in order.</summary>
    internal struct DeletedCapabilityList : IDeletedCapabilityReceiver
    {
        public List<(uint Slot, Capability Capability)> Reports;

        public void Deleted(CapabilitySlot slot, Capability capability) => Reports.Add((slot.Value, capability));
    }

    /// <summary>
    /// The per-task capability table over host memory: slots, lookup errors in their documented order, copy,
    /// mint, move, delete, delete-all and revocation, and that a refused operation changes nothing.
    /// </summary>
    public sealed unsafe class CapabilityTableTests : IDisposable
    {
        private const CapabilityRights Receive = CapabilityRights.Receive;
        private const CapabilityRights Send = CapabilityRights.Send;
        private const CapabilityRights Grant = CapabilityRights.Grant;
        private const CapabilityRights Control = CapabilityRights.Control;
        private const CapabilityRights PortAll = Receive | Send | Grant;

        private readonly CapabilityTable* _server;
        private readonly CapabilityTable* _client;
        private readonly Capability* _serverSlots;
        private readonly Capability* _clientSlots;
        private SimulatedGenerations _generations = SimulatedGenerations.Create();

        public CapabilityTableTests()
        {
            _server = (CapabilityTable*)NativeMemory.Alloc((nuint)sizeof(CapabilityTable));
            _client = (CapabilityTable*)NativeMemory.Alloc((nuint)sizeof(CapabilityTable));
            // Garbage-filled storage: Initialize must empty every slot itself.
            _serverSlots = (Capability*)NativeMemory.Alloc((nuint)CapabilityTable.StorageBytes);
            _clientSlots = (Capability*)NativeMemory.Alloc((nuint)CapabilityTable.StorageBytes);
            new Span<byte>(_serverSlots, CapabilityTable.StorageBytes).Fill(0xA5);
            new Span<byte>(_clientSlots, CapabilityTable.StorageBytes).Fill(0x5A);
            _server->Initialize(_serverSlots);
            _client->Initialize(_clientSlots);
        }

        public void Dispose()
        {
            NativeMemory.Free(_server);
            NativeMemory.Free(_client);
            NativeMemory.Free(_serverSlots);
            NativeMemory.Free(_clientSlots);
        }

        private static CapabilitySlot Slot(uint value) => new CapabilitySlot(value);

        private static Capability Port(uint index, CapabilityRights rights, ulong badge = 0) =>
            new Capability(CapabilityKind.Port, rights, new KernelObjectReference(index, 1), badge);

        private CapabilitySlot InsertInto(CapabilityTable* table, Capability capability)
        {
            Assert.Equal(CapabilityError.None, table->Insert(capability, out CapabilitySlot slot));
            return slot;
        }

        private CapabilityError Lookup(CapabilityTable* table, uint slot, CapabilityKind kind, CapabilityRights rights, out Capability found) =>
            table->Lookup(Slot(slot), kind, rights, ref _generations, out found);

        private CapabilityError Copy(CapabilityTable* source, uint sourceSlot, CapabilityTable* destination, uint destinationSlot, CapabilityRights rights) =>
            CapabilityTable.Copy(source, Slot(sourceSlot), destination, Slot(destinationSlot), rights, ref _generations);

        private CapabilityError Mint(CapabilityTable* source, uint sourceSlot, CapabilityTable* destination, uint destinationSlot, CapabilityRights rights, ulong badge) =>
            CapabilityTable.Mint(source, Slot(sourceSlot), destination, Slot(destinationSlot), rights, badge, ref _generations);

        private CapabilityError Move(CapabilityTable* source, uint sourceSlot, CapabilityTable* destination, uint destinationSlot) =>
            CapabilityTable.Move(source, Slot(sourceSlot), destination, Slot(destinationSlot), ref _generations);

        private void AssertEmpty(CapabilityTable* table, uint slot) =>
            Assert.Equal(CapabilityError.EmptySlot, table->Read(Slot(slot), out _));

        // ---- Insert and lookup ----

        [Fact]
        public void NewTableIsEmpty()
        {
            Assert.Equal(0, _server->Count);
            for (uint slot = 1; slot < CapabilityTable.Capacity; slot++)
            {
                AssertEmpty(_server, slot);
            }
        }

        [Fact]
        public void InsertTakesTheLowestFreeSlotStartingAtOne()
        {
            Assert.Equal(1u, InsertInto(_server, Port(1, PortAll)).Value);
            Assert.Equal(2u, InsertInto(_server, Port(2, Send)).Value);
            Assert.Equal(3u, InsertInto(_server, Port(3, Send)).Value);
            Assert.Equal(CapabilityError.None, _server->Delete(Slot(2), out _));

            Assert.Equal(2u, InsertInto(_server, Port(4, Send)).Value);
            Assert.Equal(4u, InsertInto(_server, Port(5, Send)).Value);
            Assert.Equal(4, _server->Count);
        }

        [Fact]
        public void LookupReturnsTheInsertedCapability()
        {
            Capability inserted = new Capability(CapabilityKind.Port, Send | Grant, new KernelObjectReference(9, 1), 0xC11E47);
            CapabilitySlot slot = InsertInto(_server, inserted);

            Assert.Equal(CapabilityError.None, Lookup(_server, slot.Value, CapabilityKind.Port, Send, out Capability found));

            Assert.Equal(CapabilityKind.Port, found.Kind);
            Assert.Equal(Send | Grant, found.Rights);
            Assert.Equal(0xC11E47UL, found.Badge);
            Assert.Equal(new KernelObjectReference(9, 1), found.Object);
        }

        [Fact]
        public void LookupWithNoRequiredRightsSucceedsOnAnyLiveCapabilityOfTheKind()
        {
            InsertInto(_server, new Capability(CapabilityKind.Task, Control, new KernelObjectReference(0, 1)));

            Assert.Equal(CapabilityError.None, Lookup(_server, 1, CapabilityKind.Task, CapabilityRights.None, out Capability found));
            Assert.Equal(Control, found.Rights);
        }

        [Theory]
        [InlineData(0u)]
        [InlineData(256u)]
        [InlineData(257u)]
        [InlineData(0x8000_0000u)]
        [InlineData(uint.MaxValue)]
        public void LookupOfTheNullSlotOrBeyondTheTableIsInvalidSlot(uint slot)
        {
            InsertInto(_server, Port(1, PortAll));

            Assert.Equal(CapabilityError.InvalidSlot, Lookup(_server, slot, CapabilityKind.Port, Send, out Capability found));
            Assert.True(found.IsEmpty);
        }

        [Fact]
        public void LookupOfAnEmptySlotIsEmptySlot()
        {
            InsertInto(_server, Port(1, PortAll));

            Assert.Equal(CapabilityError.EmptySlot, Lookup(_server, 2, CapabilityKind.Port, Send, out Capability found));
            Assert.Equal(CapabilityError.EmptySlot, Lookup(_server, 255, CapabilityKind.Port, CapabilityRights.None, out _));
            Assert.True(found.IsEmpty);
        }

        [Fact]
        public void LookupAsAnotherKindIsWrongKind()
        {
            InsertInto(_server, Port(1, PortAll));

            Assert.Equal(CapabilityError.WrongKind, Lookup(_server, 1, CapabilityKind.Notification, Send, out Capability found));
            Assert.Equal(CapabilityError.WrongKind, Lookup(_server, 1, CapabilityKind.Task, CapabilityRights.None, out _));
            Assert.Equal(CapabilityError.WrongKind, Lookup(_server, 1, CapabilityKind.None, CapabilityRights.None, out _));
            Assert.True(found.IsEmpty);
        }

        [Fact]
        public void LookupWithoutARequiredRightIsInsufficientRights()
        {
            InsertInto(_server, Port(1, Send));

            Assert.Equal(CapabilityError.InsufficientRights, Lookup(_server, 1, CapabilityKind.Port, Receive, out Capability found));
            Assert.Equal(CapabilityError.InsufficientRights, Lookup(_server, 1, CapabilityKind.Port, Send | Grant, out _));
            Assert.Equal(CapabilityError.None, Lookup(_server, 1, CapabilityKind.Port, Send, out _));
            Assert.True(found.IsEmpty);
        }

        [Fact]
        public void LookupOfAFreedObjectIsStale()
        {
            InsertInto(_server, new Capability(CapabilityKind.Thread, Control, new KernelObjectReference(12, 1)));
            _generations.Free(CapabilityKind.Thread, 12);

            Assert.Equal(CapabilityError.Stale, Lookup(_server, 1, CapabilityKind.Thread, Control, out Capability found));
            Assert.True(found.IsEmpty);
        }

        [Fact]
        public void AFreedObjectOfOneKindDoesNotMakeTheSameIndexOfAnotherKindStale()
        {
            InsertInto(_server, Port(3, PortAll));
            _generations.Free(CapabilityKind.Notification, 3);

            Assert.Equal(CapabilityError.None, Lookup(_server, 1, CapabilityKind.Port, Receive, out _));
        }

        [Fact]
        public void LookupChecksKindThenStalenessThenRights()
        {
            InsertInto(_server, Port(1, Send));
            _generations.Free(CapabilityKind.Port, 1);

            // Stale and lacking Receive: the kind error wins, then staleness.
            Assert.Equal(CapabilityError.WrongKind, Lookup(_server, 1, CapabilityKind.Thread, Control, out _));
            Assert.Equal(CapabilityError.Stale, Lookup(_server, 1, CapabilityKind.Port, Receive, out _));
        }

        [Fact]
        public void InsertRefusesWhatIsNoCapability()
        {
            KernelObjectReference live = new KernelObjectReference(1, 1);

            Assert.Equal(CapabilityError.InvalidCapability, _server->Insert(Capability.Empty, out CapabilitySlot slot));
            Assert.Equal(0u, slot.Value);
            Assert.Equal(CapabilityError.InvalidCapability, _server->Insert(new Capability(CapabilityKind.None, Send, live), out _));
            Assert.Equal(CapabilityError.InvalidCapability, _server->Insert(new Capability((CapabilityKind)200, Send, live), out _));
            Assert.Equal(CapabilityError.InvalidCapability, _server->Insert(new Capability(CapabilityKind.Port, Send, new KernelObjectReference(1, 0)), out _));
            Assert.Equal(CapabilityError.RightsNotValidForKind, _server->Insert(new Capability(CapabilityKind.Port, Send | Control, live), out _));
            Assert.Equal(CapabilityError.RightsNotValidForKind, _server->Insert(new Capability(CapabilityKind.Task, Send, live), out _));
            Assert.Equal(CapabilityError.RightsNotValidForKind, _server->Insert(new Capability(CapabilityKind.Port, (CapabilityRights)0x80, live), out _));
            Assert.Equal(CapabilityError.NotBadgeable, _server->Insert(new Capability(CapabilityKind.Task, Control, live, 7), out _));
            Assert.Equal(0, _server->Count);
            AssertEmpty(_server, 1);
        }

        [Fact]
        public void InsertAtFillsTheChosenSlotOnly()
        {
            Assert.Equal(CapabilityError.None, _server->InsertAt(Slot(200), Port(1, PortAll)));

            Assert.Equal(CapabilityError.None, _server->Read(Slot(200), out Capability found));
            Assert.Equal(new KernelObjectReference(1, 1), found.Object);
            Assert.Equal(1, _server->Count);
            Assert.Equal(1u, InsertInto(_server, Port(2, Send)).Value);
        }

        [Fact]
        public void InsertAtRefusesTheNullSlotSlotsBeyondAndOccupiedSlots()
        {
            Assert.Equal(CapabilityError.None, _server->InsertAt(Slot(5), Port(1, PortAll)));

            Assert.Equal(CapabilityError.InvalidSlot, _server->InsertAt(Slot(0), Port(2, Send)));
            Assert.Equal(CapabilityError.InvalidSlot, _server->InsertAt(Slot(256), Port(2, Send)));
            Assert.Equal(CapabilityError.SlotOccupied, _server->InsertAt(Slot(5), Port(2, Send)));
            Assert.Equal(CapabilityError.None, _server->Read(Slot(5), out Capability kept));
            Assert.Equal(1u, kept.Object.Index);
            Assert.Equal(1, _server->Count);
        }

        [Fact]
        public void AFullTableRefusesInsertUntilASlotIsFreed()
        {
            for (uint expected = 1; expected < CapabilityTable.Capacity; expected++)
            {
                Assert.Equal(expected, InsertInto(_server, Port(expected % SimulatedGenerations.ObjectsPerKind, Send)).Value);
            }
            Assert.Equal(255, _server->Count);

            Assert.Equal(CapabilityError.TableFull, _server->Insert(Port(1, Send), out CapabilitySlot none));
            Assert.True(none.IsNull);
            Assert.Equal(CapabilityError.SlotOccupied, Copy(_server, 1, _server, 255, Send));
            Assert.Equal(255, _server->Count);

            Assert.Equal(CapabilityError.None, _server->Delete(Slot(130), out _));
            Assert.Equal(130u, InsertInto(_server, Port(7, Send)).Value);
            Assert.Equal(CapabilityError.TableFull, _server->Insert(Port(1, Send), out _));
        }

        // ---- Copy ----

        [Fact]
        public void CopyWithinATableKeepsObjectAndBadgeWithFewerRights()
        {
            InsertInto(_server, Port(4, Send | Grant, badge: 0x77));

            Assert.Equal(CapabilityError.None, Copy(_server, 1, _server, 9, Send));

            Assert.Equal(CapabilityError.None, _server->Read(Slot(9), out Capability copy));
            Assert.Equal(CapabilityKind.Port, copy.Kind);
            Assert.Equal(Send, copy.Rights);
            Assert.Equal(0x77UL, copy.Badge);
            Assert.Equal(new KernelObjectReference(4, 1), copy.Object);
            Assert.Equal(CapabilityError.None, _server->Read(Slot(1), out Capability source));
            Assert.Equal(Send | Grant, source.Rights);
            Assert.Equal(2, _server->Count);
        }

        [Fact]
        public void CopyWithinATableNeedsNoGrant()
        {
            InsertInto(_server, Port(4, Send));

            Assert.Equal(CapabilityError.None, Copy(_server, 1, _server, 2, Send));
            Assert.Equal(CapabilityError.None, Copy(_server, 1, _server, 3, CapabilityRights.None));
            Assert.Equal(CapabilityError.None, _server->Read(Slot(3), out Capability noRights));
            Assert.Equal(CapabilityRights.None, noRights.Rights);
        }

        [Fact]
        public void CopyAskingForMoreRightsIsRefused()
        {
            InsertInto(_server, Port(4, Send | Grant));

            Assert.Equal(CapabilityError.RightsExceedSource, Copy(_server, 1, _server, 2, Send | Receive));
            Assert.Equal(CapabilityError.RightsExceedSource, Copy(_server, 1, _client, 2, CapabilityRights.All));
            AssertEmpty(_server, 2);
            AssertEmpty(_client, 2);
        }

        [Fact]
        public void CopyToAnotherTableNeedsGrant()
        {
            InsertInto(_server, Port(4, Send));
            InsertInto(_server, Port(5, Send | Grant));

            Assert.Equal(CapabilityError.InsufficientRights, Copy(_server, 1, _client, 1, Send));
            AssertEmpty(_client, 1);

            Assert.Equal(CapabilityError.None, Copy(_server, 2, _client, 1, Send));
            Assert.Equal(CapabilityError.None, Lookup(_client, 1, CapabilityKind.Port, Send, out Capability received));
            Assert.Equal(new KernelObjectReference(5, 1), received.Object);
            Assert.Equal(Send, received.Rights);
            Assert.Equal(1, _client->Count);
            Assert.Equal(2, _server->Count);
        }

        [Fact]
        public void ACopyWithoutGrantCannotBePassedOnAgain()
        {
            InsertInto(_server, Port(4, Send | Grant));
            Assert.Equal(CapabilityError.None, Copy(_server, 1, _client, 1, Send));

            Assert.Equal(CapabilityError.InsufficientRights, Copy(_client, 1, _server, 2, Send));
            Assert.Equal(CapabilityError.InsufficientRights, Move(_client, 1, _server, 2));
        }

        [Fact]
        public void CopyRefusesBadSourceSlots()
        {
            InsertInto(_server, Port(4, PortAll));

            Assert.Equal(CapabilityError.InvalidSlot, Copy(_server, 0, _server, 2, Send));
            Assert.Equal(CapabilityError.InvalidSlot, Copy(_server, 300, _server, 2, Send));
            Assert.Equal(CapabilityError.EmptySlot, Copy(_server, 3, _server, 2, Send));
            Assert.Equal(1, _server->Count);
        }

        [Fact]
        public void CopyRefusesBadDestinationSlots()
        {
            InsertInto(_server, Port(4, PortAll));
            InsertInto(_client, Port(8, Send));

            Assert.Equal(CapabilityError.InvalidSlot, Copy(_server, 1, _server, 0, Send));
            Assert.Equal(CapabilityError.InvalidSlot, Copy(_server, 1, _client, 256, Send));
            Assert.Equal(CapabilityError.SlotOccupied, Copy(_server, 1, _server, 1, Send));
            Assert.Equal(CapabilityError.SlotOccupied, Copy(_server, 1, _client, 1, Send));
            Assert.Equal(CapabilityError.None, _client->Read(Slot(1), out Capability kept));
            Assert.Equal(8u, kept.Object.Index);
            Assert.Equal(1, _server->Count);
            Assert.Equal(1, _client->Count);
        }

        [Fact]
        public void CopyOfAStaleCapabilityIsRefused()
        {
            InsertInto(_server, Port(4, PortAll));
            _generations.Free(CapabilityKind.Port, 4);

            Assert.Equal(CapabilityError.Stale, Copy(_server, 1, _server, 2, Send));
            Assert.Equal(CapabilityError.Stale, Mint(_server, 1, _client, 2, Send, 5));
            AssertEmpty(_server, 2);
            AssertEmpty(_client, 2);
        }

        [Fact]
        public void AReplyCapabilityCannotBeDuplicated()
        {
            InsertInto(_server, new Capability(CapabilityKind.Reply, Send | Grant, new KernelObjectReference(2, 1)));

            Assert.Equal(CapabilityError.NotCopyable, Copy(_server, 1, _server, 2, Send));
            Assert.Equal(CapabilityError.NotCopyable, Mint(_server, 1, _client, 2, Send, 0));
            AssertEmpty(_server, 2);
            AssertEmpty(_client, 2);
        }

        // ---- Mint ----

        [Fact]
        public void MintSetsTheBadgeAndTheReducedRights()
        {
            InsertInto(_server, Port(6, PortAll));

            Assert.Equal(CapabilityError.None, Mint(_server, 1, _client, 4, Send, 0xC0FFEE));

            Assert.Equal(CapabilityError.None, Lookup(_client, 4, CapabilityKind.Port, Send, out Capability minted));
            Assert.Equal(Send, minted.Rights);
            Assert.Equal(0xC0FFEEUL, minted.Badge);
            Assert.Equal(new KernelObjectReference(6, 1), minted.Object);
            Assert.Equal(CapabilityError.None, _server->Read(Slot(1), out Capability source));
            Assert.False(source.IsBadged);
            Assert.Equal(PortAll, source.Rights);
        }

        [Fact]
        public void MintOfABadgeOnABadgedCapabilityIsRefused()
        {
            InsertInto(_server, Port(6, Send | Grant, badge: 1));

            Assert.Equal(CapabilityError.AlreadyBadged, Mint(_server, 1, _server, 2, Send, 2));
            Assert.Equal(CapabilityError.AlreadyBadged, Mint(_server, 1, _server, 2, Send, 1));
            AssertEmpty(_server, 2);
        }

        [Fact]
        public void MintWithBadgeZeroKeepsTheSourceBadge()
        {
            InsertInto(_server, Port(6, Send | Grant, badge: 0x42));

            Assert.Equal(CapabilityError.None, Mint(_server, 1, _server, 2, Send, 0));

            Assert.Equal(CapabilityError.None, _server->Read(Slot(2), out Capability copy));
            Assert.Equal(0x42UL, copy.Badge);
            Assert.Equal(Send, copy.Rights);
        }

        [Fact]
        public void MintAskingForMoreRightsIsRefused()
        {
            InsertInto(_server, Port(6, Send | Grant));

            Assert.Equal(CapabilityError.RightsExceedSource, Mint(_server, 1, _client, 1, Receive | Send, 9));
            Assert.Equal(CapabilityError.RightsExceedSource, Mint(_server, 1, _server, 2, Send | Control, 9));
            AssertEmpty(_client, 1);
            AssertEmpty(_server, 2);
        }

        [Fact]
        public void MintOfABadgeOnAKindWithoutBadgesIsRefused()
        {
            InsertInto(_server, new Capability(CapabilityKind.Task, Control | Grant, new KernelObjectReference(3, 1)));

            Assert.Equal(CapabilityError.NotBadgeable, Mint(_server, 1, _client, 1, Control, 5));
            Assert.Equal(CapabilityError.None, Mint(_server, 1, _client, 1, Control, 0));
            Assert.Equal(CapabilityError.None, Lookup(_client, 1, CapabilityKind.Task, Control, out Capability task));
            Assert.False(task.IsBadged);
        }

        [Fact]
        public void MintToAnotherTableNeedsGrant()
        {
            InsertInto(_server, Port(6, Receive | Send));

            Assert.Equal(CapabilityError.InsufficientRights, Mint(_server, 1, _client, 1, Send, 3));
            AssertEmpty(_client, 1);
            Assert.Equal(CapabilityError.None, Mint(_server, 1, _server, 2, Send, 3));
        }

        [Fact]
        public void MintChecksRightsThenBadgeThenGrantThenDestination()
        {
            InsertInto(_server, Port(6, Send, badge: 8));
            InsertInto(_client, Port(1, Send));

            Assert.Equal(CapabilityError.RightsExceedSource, Mint(_server, 1, _client, 1, Send | Grant, 9));
            Assert.Equal(CapabilityError.AlreadyBadged, Mint(_server, 1, _client, 1, Send, 9));
            Assert.Equal(CapabilityError.InsufficientRights, Mint(_server, 1, _client, 1, Send, 0));
            Assert.Equal(CapabilityError.SlotOccupied, Mint(_server, 1, _server, 1, Send, 0));
        }

        // ---- Move ----

        [Fact]
        public void MoveWithinATableEmptiesTheSourceAndKeepsEverything()
        {
            InsertInto(_server, Port(7, Receive | Send, badge: 0x99));

            Assert.Equal(CapabilityError.None, Move(_server, 1, _server, 40));

            AssertEmpty(_server, 1);
            Assert.Equal(CapabilityError.None, Lookup(_server, 40, CapabilityKind.Port, Receive | Send, out Capability moved));
            Assert.Equal(0x99UL, moved.Badge);
            Assert.Equal(new KernelObjectReference(7, 1), moved.Object);
            Assert.Equal(1, _server->Count);
            Assert.Equal(1u, InsertInto(_server, Port(8, Send)).Value);
        }

        [Fact]
        public void MoveToAnotherTableNeedsGrant()
        {
            InsertInto(_server, Port(7, Receive | Send));
            InsertInto(_server, Port(8, Send | Grant));

            Assert.Equal(CapabilityError.InsufficientRights, Move(_server, 1, _client, 1));
            Assert.Equal(CapabilityError.None, _server->Read(Slot(1), out _));
            AssertEmpty(_client, 1);

            Assert.Equal(CapabilityError.None, Move(_server, 2, _client, 1));
            AssertEmpty(_server, 2);
            Assert.Equal(CapabilityError.None, Lookup(_client, 1, CapabilityKind.Port, Send | Grant, out Capability moved));
            Assert.Equal(8u, moved.Object.Index);
            Assert.Equal(1, _server->Count);
            Assert.Equal(1, _client->Count);
        }

        [Fact]
        public void AReplyCapabilityMoves()
        {
            InsertInto(_server, new Capability(CapabilityKind.Reply, Send | Grant, new KernelObjectReference(2, 1)));

            Assert.Equal(CapabilityError.None, Move(_server, 1, _client, 3));

            AssertEmpty(_server, 1);
            Assert.Equal(CapabilityError.None, Lookup(_client, 3, CapabilityKind.Reply, Send, out Capability reply));
            Assert.Equal(2u, reply.Object.Index);
        }

        [Fact]
        public void MoveToAnOccupiedOrInvalidSlotChangesNothing()
        {
            InsertInto(_server, Port(7, PortAll));
            InsertInto(_server, Port(8, Send));

            Assert.Equal(CapabilityError.SlotOccupied, Move(_server, 1, _server, 2));
            Assert.Equal(CapabilityError.SlotOccupied, Move(_server, 1, _server, 1));
            Assert.Equal(CapabilityError.InvalidSlot, Move(_server, 1, _client, 0));
            Assert.Equal(CapabilityError.None, _server->Read(Slot(1), out Capability first));
            Assert.Equal(7u, first.Object.Index);
            Assert.Equal(CapabilityError.None, _server->Read(Slot(2), out Capability second));
            Assert.Equal(8u, second.Object.Index);
            Assert.Equal(2, _server->Count);
            Assert.Equal(0, _client->Count);
        }

        [Fact]
        public void MoveOfAStaleOrMissingCapabilityIsRefused()
        {
            InsertInto(_server, Port(7, PortAll));
            _generations.Free(CapabilityKind.Port, 7);

            Assert.Equal(CapabilityError.Stale, Move(_server, 1, _server, 2));
            Assert.Equal(CapabilityError.EmptySlot, Move(_server, 3, _server, 2));
            Assert.Equal(CapabilityError.InvalidSlot, Move(_server, 0, _server, 2));
            Assert.Equal(CapabilityError.None, _server->Read(Slot(1), out _));
            AssertEmpty(_server, 2);
        }

        // ---- Delete ----

        [Fact]
        public void DeleteEmptiesTheSlotAndReturnsWhatItHeld()
        {
            InsertInto(_server, Port(7, Send, badge: 3));
            InsertInto(_server, Port(8, Send));

            Assert.Equal(CapabilityError.None, _server->Delete(Slot(1), out Capability deleted));

            Assert.Equal(new KernelObjectReference(7, 1), deleted.Object);
            Assert.Equal(3UL, deleted.Badge);
            AssertEmpty(_server, 1);
            Assert.Equal(CapabilityError.EmptySlot, Lookup(_server, 1, CapabilityKind.Port, Send, out _));
            Assert.Equal(1, _server->Count);
            Assert.Equal(CapabilityError.EmptySlot, _server->Delete(Slot(1), out Capability nothing));
            Assert.True(nothing.IsEmpty);
            Assert.Equal(CapabilityError.InvalidSlot, _server->Delete(Slot(0), out _));
            Assert.Equal(CapabilityError.InvalidSlot, _server->Delete(Slot(256), out _));
            Assert.Equal(1, _server->Count);
        }

        [Fact]
        public void DeleteRemovesAStaleCapability()
        {
            InsertInto(_server, Port(7, Send));
            _generations.Free(CapabilityKind.Port, 7);

            Assert.Equal(CapabilityError.None, _server->Delete(Slot(1), out Capability deleted));
            Assert.Equal(7u, deleted.Object.Index);
            Assert.Equal(0, _server->Count);
        }

        [Fact]
        public void DeleteOfACopyLeavesTheOriginal()
        {
            InsertInto(_server, Port(7, PortAll));
            Assert.Equal(CapabilityError.None, Copy(_server, 1, _client, 1, Send));

            Assert.Equal(CapabilityError.None, _client->Delete(Slot(1), out _));

            Assert.Equal(CapabilityError.None, Lookup(_server, 1, CapabilityKind.Port, Receive, out _));
        }

        [Fact]
        public void DeleteAllReportsEachCapabilityLowestSlotFirstAndEmptiesTheTable()
        {
            InsertInto(_server, Port(1, PortAll));
            Assert.Equal(CapabilityError.None, _server->InsertAt(Slot(255), new Capability(CapabilityKind.Task, Control, new KernelObjectReference(2, 1))));
            Assert.Equal(CapabilityError.None, _server->InsertAt(Slot(64), Port(3, Send, badge: 11)));
            _generations.Free(CapabilityKind.Port, 3);
            DeletedCapabilityList receiver = new DeletedCapabilityList { Reports = new List<(uint, Capability)>() };

            Assert.Equal(3, _server->DeleteAll(ref receiver));

            Assert.Equal(3, receiver.Reports.Count);
            Assert.Equal(1u, receiver.Reports[0].Slot);
            Assert.Equal(new KernelObjectReference(1, 1), receiver.Reports[0].Capability.Object);
            Assert.Equal(64u, receiver.Reports[1].Slot);
            Assert.Equal(11UL, receiver.Reports[1].Capability.Badge);
            Assert.Equal(255u, receiver.Reports[2].Slot);
            Assert.Equal(CapabilityKind.Task, receiver.Reports[2].Capability.Kind);
            Assert.Equal(0, _server->Count);
            AssertEmpty(_server, 1);
            AssertEmpty(_server, 64);
            AssertEmpty(_server, 255);
            Assert.Equal(1u, InsertInto(_server, Port(4, Send)).Value);
        }

        [Fact]
        public void DeleteAllOfAnEmptyTableReportsNothing()
        {
            DeletedCapabilityList receiver = new DeletedCapabilityList { Reports = new List<(uint, Capability)>() };

            Assert.Equal(0, _server->DeleteAll(ref receiver));
            Assert.Empty(receiver.Reports);
        }

        [Fact]
        public void DeleteAllOfAFullTableFreesEverySlot()
        {
            for (uint index = 1; index < CapabilityTable.Capacity; index++)
            {
                InsertInto(_server, Port(index % SimulatedGenerations.ObjectsPerKind, Send));
            }
            DeletedCapabilityList receiver = new DeletedCapabilityList { Reports = new List<(uint, Capability)>() };

            Assert.Equal(255, _server->DeleteAll(ref receiver));

            Assert.Equal(0, _server->Count);
            for (uint expected = 1; expected < CapabilityTable.Capacity; expected++)
            {
                Assert.Equal(expected, receiver.Reports[(int)expected - 1].Slot);
                Assert.Equal(expected, InsertInto(_server, Port(1, Send)).Value);
            }
        }

        // ---- Slot reuse ----

        [Fact]
        public void AReusedSlotDoesNotResurrectTheDeletedCapability()
        {
            InsertInto(_server, Port(7, PortAll, badge: 5));
            Assert.Equal(CapabilityError.None, _server->Delete(Slot(1), out _));

            Assert.Equal(1u, InsertInto(_server, new Capability(CapabilityKind.Notification, Send, new KernelObjectReference(9, 1))).Value);

            Assert.Equal(CapabilityError.WrongKind, Lookup(_server, 1, CapabilityKind.Port, Send, out _));
            Assert.Equal(CapabilityError.None, Lookup(_server, 1, CapabilityKind.Notification, Send, out Capability now));
            Assert.Equal(new KernelObjectReference(9, 1), now.Object);
            Assert.Equal(Send, now.Rights);
            Assert.False(now.IsBadged);
        }

        [Fact]
        public void ACapabilityToAFreedObjectStaysStaleWhenItsIndexGetsANewObject()
        {
            InsertInto(_server, Port(7, Send));
            _generations.Free(CapabilityKind.Port, 7);
            // The port table reuses index 7 for a new port at generation 2; its creator gets a fresh capability.
            CapabilitySlot fresh = InsertInto(_client, new Capability(CapabilityKind.Port, PortAll, new KernelObjectReference(7, 2)));

            Assert.Equal(CapabilityError.Stale, Lookup(_server, 1, CapabilityKind.Port, Send, out _));
            Assert.Equal(CapabilityError.None, Lookup(_client, fresh.Value, CapabilityKind.Port, Send, out _));
        }

        // ---- Revocation ----

        [Fact]
        public void RevokeMakesEverySendCapabilityStaleAndReissuesTheReceiveCapability()
        {
            CapabilitySlot receive = InsertInto(_server, Port(5, PortAll));
            Assert.Equal(CapabilityError.None, Mint(_server, receive.Value, _client, 1, Send | Grant, 0xA));
            Assert.Equal(CapabilityError.None, Mint(_server, receive.Value, _client, 2, Send, 0xB));
            Assert.Equal(CapabilityError.None, Copy(_client, 1, _client, 3, Send));
            Assert.Equal(CapabilityError.None, Copy(_server, receive.Value, _server, 2, Send));

            Assert.Equal(CapabilityError.None, _server->Revoke(receive, ref _generations, out Capability reissued));

            Assert.Equal(new KernelObjectReference(5, 2), reissued.Object);
            Assert.Equal(PortAll, reissued.Rights);
            Assert.Equal(2u, _generations.CurrentGeneration(CapabilityKind.Port, 5));
            Assert.Equal(CapabilityError.Stale, Lookup(_client, 1, CapabilityKind.Port, Send, out _));
            Assert.Equal(CapabilityError.Stale, Lookup(_client, 2, CapabilityKind.Port, Send, out _));
            Assert.Equal(CapabilityError.Stale, Lookup(_client, 3, CapabilityKind.Port, Send, out _));
            Assert.Equal(CapabilityError.Stale, Lookup(_server, 2, CapabilityKind.Port, Send, out _));
            Assert.Equal(CapabilityError.None, Lookup(_server, receive.Value, CapabilityKind.Port, Receive, out Capability stillThere));
            Assert.Equal(new KernelObjectReference(5, 2), stillThere.Object);
            // The slots still hold the stale capabilities until their owners delete them.
            Assert.Equal(3, _client->Count);
            Assert.Equal(2, _server->Count);
        }

        [Fact]
        public void AfterRevocationNewSendCapabilitiesWork()
        {
            CapabilitySlot receive = InsertInto(_server, Port(5, PortAll));
            Assert.Equal(CapabilityError.None, Mint(_server, receive.Value, _client, 1, Send, 0xA));
            Assert.Equal(CapabilityError.None, _server->Revoke(receive, ref _generations, out _));

            Assert.Equal(CapabilityError.None, Mint(_server, receive.Value, _client, 2, Send, 0xC));

            Assert.Equal(CapabilityError.None, Lookup(_client, 2, CapabilityKind.Port, Send, out Capability fresh));
            Assert.Equal(0xCUL, fresh.Badge);
            Assert.Equal(2u, fresh.Object.Generation);
            Assert.Equal(CapabilityError.Stale, Lookup(_client, 1, CapabilityKind.Port, Send, out _));
        }

        [Fact]
        public void RevokingAgainAdvancesTheGenerationAgain()
        {
            CapabilitySlot receive = InsertInto(_server, new Capability(CapabilityKind.Notification, Receive | Send, new KernelObjectReference(1, 1)));
            Assert.Equal(CapabilityError.None, Copy(_server, receive.Value, _server, 2, Send));
            Assert.Equal(CapabilityError.None, _server->Revoke(receive, ref _generations, out _));
            Assert.Equal(CapabilityError.None, Copy(_server, receive.Value, _server, 3, Send));

            Assert.Equal(CapabilityError.None, _server->Revoke(receive, ref _generations, out Capability reissued));

            Assert.Equal(3u, reissued.Object.Generation);
            Assert.Equal(CapabilityError.Stale, Lookup(_server, 2, CapabilityKind.Notification, Send, out _));
            Assert.Equal(CapabilityError.Stale, Lookup(_server, 3, CapabilityKind.Notification, Send, out _));
            Assert.Equal(CapabilityError.None, Lookup(_server, receive.Value, CapabilityKind.Notification, Receive, out _));
        }

        [Fact]
        public void RevokeNeedsTheReceiveRight()
        {
            InsertInto(_server, Port(5, PortAll));
            Assert.Equal(CapabilityError.None, Copy(_server, 1, _client, 1, Send | Grant));

            Assert.Equal(CapabilityError.InsufficientRights, _client->Revoke(Slot(1), ref _generations, out Capability none));

            Assert.True(none.IsEmpty);
            Assert.Equal(1u, _generations.CurrentGeneration(CapabilityKind.Port, 5));
            Assert.Equal(CapabilityError.None, Lookup(_client, 1, CapabilityKind.Port, Send, out _));
        }

        [Fact]
        public void RevokeRefusesKindsWithoutRevocation()
        {
            InsertInto(_server, new Capability(CapabilityKind.Task, Control | Grant, new KernelObjectReference(2, 1)));
            InsertInto(_server, new Capability(CapabilityKind.Reply, Send, new KernelObjectReference(2, 1)));

            Assert.Equal(CapabilityError.NotRevocable, _server->Revoke(Slot(1), ref _generations, out _));
            Assert.Equal(CapabilityError.NotRevocable, _server->Revoke(Slot(2), ref _generations, out _));
            Assert.Equal(1u, _generations.CurrentGeneration(CapabilityKind.Task, 2));
            Assert.Equal(1u, _generations.CurrentGeneration(CapabilityKind.Reply, 2));
        }

        [Fact]
        public void RevokeRefusesStaleEmptyAndInvalidSlots()
        {
            InsertInto(_server, Port(5, PortAll));
            _generations.Free(CapabilityKind.Port, 5);

            Assert.Equal(CapabilityError.Stale, _server->Revoke(Slot(1), ref _generations, out _));
            Assert.Equal(CapabilityError.EmptySlot, _server->Revoke(Slot(2), ref _generations, out _));
            Assert.Equal(CapabilityError.InvalidSlot, _server->Revoke(Slot(0), ref _generations, out _));
            Assert.Equal(2u, _generations.CurrentGeneration(CapabilityKind.Port, 5));
        }

        [Fact]
        public void AnotherReceiveCopyIsRevokedToo()
        {
            // Revocation leaves exactly one live capability to the object: the revoker's.
            InsertInto(_server, Port(5, PortAll));
            Assert.Equal(CapabilityError.None, Copy(_server, 1, _client, 1, PortAll));

            Assert.Equal(CapabilityError.None, _client->Revoke(Slot(1), ref _generations, out _));

            Assert.Equal(CapabilityError.Stale, Lookup(_server, 1, CapabilityKind.Port, Receive, out _));
            Assert.Equal(CapabilityError.None, Lookup(_client, 1, CapabilityKind.Port, Receive, out _));
        }
    }
}
