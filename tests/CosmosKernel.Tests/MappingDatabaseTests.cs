using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using CosmosKernel.Memory;
using Xunit;

namespace CosmosKernel.Tests
{
    /// <summary>
    /// The mapping database of recursive address spaces: each operation and error on small trees, randomized runs
    /// checked against <see cref="MappingReferenceModel"/> after every step, and a deep chain unmapped on a small stack.
    /// </summary>
    public sealed unsafe class MappingDatabaseTests : IDisposable
    {
        private const ulong Page = MappingDatabase.PageSize;
        private const ulong FirstFrame = 0x100000;

        private byte* _storage;
        private MappingDatabase _database;

        private struct EffectCall
        {
            public bool IsRemoval;
            public MappingKey Key;
            public ulong Frame;
            public MappingRights Rights;
        }

        private struct RecordingEffects : IMappingEffects
        {
            public List<EffectCall> Calls;

            public void Removed(uint space, ulong page, ulong frame)
                => Calls.Add(new EffectCall { IsRemoval = true, Key = new MappingKey(space, page), Frame = frame });

            public void RightsReduced(uint space, ulong page, ulong frame, MappingRights rights)
                => Calls.Add(new EffectCall { IsRemoval = false, Key = new MappingKey(space, page), Frame = frame, Rights = rights });
        }

        // Counts only, and remembers the first and last removal: for the deep chain, where a list would dominate the test.
        private struct CountingEffects : IMappingEffects
        {
            public int RemovedCount;
            public int ReducedCount;
            public ulong FirstRemovedPage;
            public ulong LastRemovedPage;

            public void Removed(uint space, ulong page, ulong frame)
            {
                if (RemovedCount == 0)
                {
                    FirstRemovedPage = page;
                }
                LastRemovedPage = page;
                RemovedCount++;
            }

            public void RightsReduced(uint space, ulong page, ulong frame, MappingRights rights) => ReducedCount++;
        }

        public void Dispose() => Release();

        private void Create(uint capacity, uint buckets)
        {
            Release();
            nuint bytes = (nuint)MappingDatabase.StorageBytes(capacity, buckets);
            _storage = (byte*)NativeMemory.AlignedAlloc(bytes, 16);
            NativeMemory.Fill(_storage, bytes, 0xA5); // garbage: Initialize must clear it itself
            _database.Initialize(_storage, capacity, buckets);
        }

        private void Release()
        {
            if (_storage != null)
            {
                NativeMemory.AlignedFree(_storage);
                _storage = null;
            }
        }

        private static RecordingEffects NewRecorder() => new RecordingEffects { Calls = new List<EffectCall>() };

        private uint Root(ulong frame, MappingRights rights = MappingRights.All)
        {
            Assert.Equal(MappingDatabaseError.None, _database.InsertRoot(0, frame, frame, rights, out uint node));
            return node;
        }

        private uint MapTo(uint parent, uint space, ulong page, MappingRights rights = MappingRights.All)
        {
            Assert.Equal(MappingDatabaseError.None, _database.Map(parent, space, page, rights, out uint node));
            return node;
        }

        private List<uint> ChildrenOf(uint node)
        {
            var children = new List<uint>();
            for (uint child = _database.FirstChildOf(node); child != 0; child = _database.NextSiblingOf(child))
            {
                children.Add(child);
                Assert.True(children.Count <= (int)_database.Capacity, "child list loops");
            }
            return children;
        }

        [Fact]
        public void NodesAreFortyEightBytesAndStorageCountsNodeZeroAndTheBuckets()
        {
            Assert.Equal(48, sizeof(MappingNode));
            Assert.Equal(11UL * 48 + 8 * 4, MappingDatabase.StorageBytes(10, 8));
        }

        [Fact]
        public void InitializeClearsGarbageStorage()
        {
            Create(10, 8);

            Assert.Equal(10u, _database.Capacity);
            Assert.Equal(0u, _database.UsedNodes);
            Assert.Equal(10u, _database.FreeNodes);
            Assert.Equal(0u, _database.Lookup(0, 0));
            Assert.Equal(0u, _database.Lookup(0xA5A5A5A5, 0xA5A5A5A5A5A5A000));
            for (uint node = 0; node <= 11; node++)
            {
                Assert.False(_database.IsLive(node));
            }
        }

        [Fact]
        public void InsertRootRecordsAMappingWithoutParentAndRefusesItsKeyTwice()
        {
            Create(4, 4);

            Assert.Equal(MappingDatabaseError.None, _database.InsertRoot(0, FirstFrame, FirstFrame, MappingRights.All, out uint root));

            Assert.NotEqual(0u, root);
            Assert.True(_database.IsLive(root));
            Assert.Equal(root, _database.Lookup(0, FirstFrame));
            Assert.Equal(0u, _database.SpaceOf(root));
            Assert.Equal(FirstFrame, _database.PageOf(root));
            Assert.Equal(FirstFrame, _database.FrameOf(root));
            Assert.Equal(MappingRights.All, _database.RightsOf(root));
            Assert.Equal(0u, _database.ParentOf(root));
            Assert.Equal(0u, _database.FirstChildOf(root));
            Assert.Equal(1u, _database.UsedNodes);
            Assert.Equal(MappingDatabaseError.AlreadyMapped, _database.InsertRoot(0, FirstFrame, FirstFrame + Page, MappingRights.Read, out uint again));
            Assert.Equal(0u, again);
            Assert.Equal(1u, _database.UsedNodes);
        }

        [Fact]
        public void MapDerivesTheParentsFrameAndCutsRightsToTheParents()
        {
            Create(4, 4);
            uint root = Root(FirstFrame, MappingRights.Read | MappingRights.Write);

            Assert.Equal(MappingDatabaseError.None, _database.Map(root, 3, 0x400000, MappingRights.All, out uint child));

            Assert.Equal(child, _database.Lookup(3, 0x400000));
            Assert.Equal(FirstFrame, _database.FrameOf(child));
            Assert.Equal(MappingRights.Read | MappingRights.Write, _database.RightsOf(child));
            Assert.Equal(root, _database.ParentOf(child));
            Assert.Equal(new List<uint> { child }, ChildrenOf(root));
            uint grandchild = MapTo(child, 4, 0x800000, MappingRights.Read | MappingRights.Execute);
            Assert.Equal(MappingRights.Read, _database.RightsOf(grandchild));
            Assert.Equal(FirstFrame, _database.FrameOf(grandchild));
            Assert.Equal(3u, _database.UsedNodes);
        }

        [Fact]
        public void MapRefusesAnOccupiedKeyTheParentsOwnKeyAndDeadParents()
        {
            Create(6, 4);
            uint root = Root(FirstFrame);
            uint child = MapTo(root, 1, 0x1000);
            var effects = NewRecorder();

            Assert.Equal(MappingDatabaseError.AlreadyMapped, _database.Map(root, 1, 0x1000, MappingRights.Read, out uint node));
            Assert.Equal(0u, node);
            Assert.Equal(MappingDatabaseError.AlreadyMapped, _database.Map(child, 1, 0x1000, MappingRights.Read, out _));
            Assert.Equal(MappingDatabaseError.InvalidNode, _database.Map(0, 1, 0x2000, MappingRights.Read, out _));
            Assert.Equal(MappingDatabaseError.InvalidNode, _database.Map(7, 1, 0x2000, MappingRights.Read, out _));
            Assert.Equal(MappingDatabaseError.InvalidNode, _database.Map(uint.MaxValue, 1, 0x2000, MappingRights.Read, out _));
            _database.Unmap(child, true, MappingRights.All, ref effects);
            Assert.Equal(MappingDatabaseError.InvalidNode, _database.Map(child, 1, 0x2000, MappingRights.Read, out _));
            Assert.Equal(1u, _database.UsedNodes);
        }

        [Fact]
        public void AFullDatabaseRefusesNewNodesAndChangesNothing()
        {
            Create(2, 2);
            uint root = Root(FirstFrame);
            uint child = MapTo(root, 1, 0x1000);

            Assert.Equal(0u, _database.FreeNodes);
            Assert.Equal(MappingDatabaseError.OutOfNodes, _database.Map(child, 2, 0x1000, MappingRights.Read, out uint node));
            Assert.Equal(0u, node);
            Assert.Equal(MappingDatabaseError.OutOfNodes, _database.InsertRoot(0, FirstFrame + Page, FirstFrame + Page, MappingRights.All, out _));
            Assert.Equal(MappingDatabaseError.AlreadyMapped, _database.Map(child, 1, 0x1000, MappingRights.Read, out _));
            Assert.Equal(0u, _database.Lookup(2, 0x1000));
            Assert.Equal(2u, _database.UsedNodes);
            Assert.Equal(new List<uint> { child }, ChildrenOf(root));
            Assert.Equal(0u, _database.FirstChildOf(child));
        }

        [Fact]
        public void RemovedNodesAreReused()
        {
            Create(2, 2);
            uint root = Root(FirstFrame);
            var effects = NewRecorder();
            MapTo(root, 1, 0x1000);
            _database.Unmap(root, false, MappingRights.All, ref effects);

            Assert.Equal(1u, _database.FreeNodes);
            uint again = MapTo(root, 2, 0x2000);
            Assert.Equal(MappingRights.All, _database.RightsOf(again));
            Assert.Equal(0u, _database.FirstChildOf(again));
            Assert.Equal(0u, _database.Lookup(1, 0x1000));
        }

        [Fact]
        public void GrantMovesTheKeyAndKeepsParentChildrenAndRights()
        {
            Create(8, 4);
            uint root = Root(FirstFrame);
            uint sender = MapTo(root, 1, 0x1000, MappingRights.Read | MappingRights.Write);
            uint sibling = MapTo(root, 3, 0x3000);
            uint derived = MapTo(sender, 4, 0x4000, MappingRights.Read);

            Assert.Equal(MappingDatabaseError.None, _database.Grant(sender, 2, 0x2000, MappingRights.All, out uint moved));

            Assert.Equal(sender, moved);
            Assert.Equal(0u, _database.Lookup(1, 0x1000));
            Assert.Equal(sender, _database.Lookup(2, 0x2000));
            Assert.Equal(2u, _database.SpaceOf(sender));
            Assert.Equal(0x2000UL, _database.PageOf(sender));
            Assert.Equal(FirstFrame, _database.FrameOf(sender));
            Assert.Equal(MappingRights.Read | MappingRights.Write, _database.RightsOf(sender));
            Assert.Equal(root, _database.ParentOf(sender));
            Assert.Equal(sender, _database.ParentOf(derived));
            Assert.Equal(new List<uint> { derived }, ChildrenOf(sender));
            Assert.Equal(new HashSet<uint> { sender, sibling }, new HashSet<uint>(ChildrenOf(root)));
            Assert.Equal(4u, _database.UsedNodes);
        }

        [Fact]
        public void GrantRefusesOccupiedKeysShrinkingRightsAndDeadNodes()
        {
            Create(8, 4);
            uint root = Root(FirstFrame);
            uint sender = MapTo(root, 1, 0x1000, MappingRights.Read | MappingRights.Write);
            MapTo(root, 2, 0x2000);

            Assert.Equal(MappingDatabaseError.AlreadyMapped, _database.Grant(sender, 2, 0x2000, MappingRights.All, out uint moved));
            Assert.Equal(0u, moved);
            Assert.Equal(MappingDatabaseError.RightsWouldShrink, _database.Grant(sender, 3, 0x3000, MappingRights.Read, out _));
            Assert.Equal(MappingDatabaseError.InvalidNode, _database.Grant(0, 3, 0x3000, MappingRights.All, out _));
            Assert.Equal(MappingDatabaseError.InvalidNode, _database.Grant(6, 3, 0x3000, MappingRights.All, out _));
            Assert.Equal(sender, _database.Lookup(1, 0x1000));
            Assert.Equal(0u, _database.Lookup(3, 0x3000));
            Assert.Equal(MappingRights.Read | MappingRights.Write, _database.RightsOf(sender));

            // Granting to its own key, with exactly its rights, is allowed and changes nothing.
            Assert.Equal(MappingDatabaseError.None, _database.Grant(sender, 1, 0x1000, MappingRights.Read | MappingRights.Write, out moved));
            Assert.Equal(sender, moved);
            Assert.Equal(sender, _database.Lookup(1, 0x1000));
        }

        [Fact]
        public void UnmapRemovesEveryDescendantChildrenFirstAndKeepsTheNodeUnlessAsked()
        {
            Create(16, 4);
            uint root = Root(FirstFrame);
            uint a = MapTo(root, 1, 0x1000);
            uint b = MapTo(a, 2, 0x2000);
            uint c = MapTo(b, 3, 0x3000);
            uint d = MapTo(a, 4, 0x4000);
            uint other = MapTo(root, 5, 0x5000);
            var effects = NewRecorder();

            _database.Unmap(a, false, MappingRights.Read, ref effects);

            Assert.True(_database.IsLive(a));
            Assert.False(_database.IsLive(b) || _database.IsLive(c) || _database.IsLive(d));
            Assert.Equal(0u, _database.FirstChildOf(a));
            Assert.Equal(3, effects.Calls.Count);
            Assert.All(effects.Calls, call => Assert.True(call.IsRemoval && call.Frame == FirstFrame));
            var order = effects.Calls.ConvertAll(call => call.Key);
            Assert.True(order.IndexOf(new MappingKey(3, 0x3000)) < order.IndexOf(new MappingKey(2, 0x2000)));
            Assert.Equal(0u, _database.Lookup(2, 0x2000));
            Assert.Equal(3u, _database.UsedNodes);

            effects.Calls.Clear();
            _database.Unmap(a, true, MappingRights.Read, ref effects);
            Assert.False(_database.IsLive(a));
            Assert.Single(effects.Calls);
            Assert.Equal(new List<uint> { other }, ChildrenOf(root));
            Assert.Equal(0u, _database.Lookup(1, 0x1000));
        }

        [Fact]
        public void UnmapOfAMiddleSiblingKeepsTheOthersLinked()
        {
            Create(8, 1);
            uint root = Root(FirstFrame);
            uint first = MapTo(root, 1, 0x1000);
            uint middle = MapTo(root, 2, 0x2000);
            uint last = MapTo(root, 3, 0x3000);
            var effects = NewRecorder();

            _database.Unmap(middle, true, MappingRights.All, ref effects);

            Assert.Equal(new HashSet<uint> { first, last }, new HashSet<uint>(ChildrenOf(root)));
            Assert.Equal(first, _database.Lookup(1, 0x1000));
            Assert.Equal(last, _database.Lookup(3, 0x3000));
            Assert.Equal(root, _database.Lookup(0, FirstFrame));
        }

        [Fact]
        public void UnmapWithoutReadOnlyTakesWriteAndExecuteAndReportsRealChanges()
        {
            Create(8, 4);
            uint root = Root(FirstFrame);
            uint writable = MapTo(root, 1, 0x1000, MappingRights.Read | MappingRights.Write);
            uint readOnly = MapTo(writable, 2, 0x2000, MappingRights.Read);
            uint deepWritable = MapTo(writable, 3, 0x3000, MappingRights.All);
            var effects = NewRecorder();

            _database.Unmap(root, false, MappingRights.Write, ref effects);

            Assert.Equal(MappingRights.All, _database.RightsOf(root));
            Assert.Equal(MappingRights.Read, _database.RightsOf(writable));
            Assert.Equal(MappingRights.Read, _database.RightsOf(readOnly));
            Assert.Equal(MappingRights.Read, _database.RightsOf(deepWritable));
            Assert.Equal(4u, _database.UsedNodes);
            Assert.Equal(2, effects.Calls.Count);
            Assert.All(effects.Calls, call => Assert.True(!call.IsRemoval && call.Rights == MappingRights.Read));

            effects.Calls.Clear();
            _database.Unmap(root, true, MappingRights.Write | MappingRights.Execute, ref effects);
            Assert.Equal(MappingRights.Read, _database.RightsOf(root));
            Assert.Single(effects.Calls);
            Assert.Equal(new MappingKey(0, FirstFrame), effects.Calls[0].Key);
        }

        [Fact]
        public void UnmapOfADeadNodeOrOfNoRightsDoesNothing()
        {
            Create(4, 4);
            uint root = Root(FirstFrame);
            MapTo(root, 1, 0x1000);
            var effects = NewRecorder();

            _database.Unmap(0, true, MappingRights.All, ref effects);
            _database.Unmap(3, true, MappingRights.All, ref effects);
            _database.Unmap(99, true, MappingRights.All, ref effects);
            _database.Unmap(root, true, MappingRights.None, ref effects);

            Assert.Empty(effects.Calls);
            Assert.Equal(2u, _database.UsedNodes);
        }

        [Fact]
        public void SetRightsRaisesUpToTheParentAndLowersOnlyBitsNoChildHolds()
        {
            Create(8, 4);
            uint root = Root(FirstFrame, MappingRights.Read);
            uint child = MapTo(root, 1, 0x1000, MappingRights.Read);
            uint grandchild = MapTo(child, 2, 0x2000, MappingRights.Read);

            _database.SetRights(child, MappingRights.All);
            Assert.Equal(MappingRights.Read, _database.RightsOf(child));

            _database.SetRights(root, MappingRights.All);
            _database.SetRights(child, MappingRights.Read | MappingRights.Write);
            _database.SetRights(grandchild, MappingRights.All);
            Assert.Equal(MappingRights.All, _database.RightsOf(root));
            Assert.Equal(MappingRights.Read | MappingRights.Write, _database.RightsOf(child));
            Assert.Equal(MappingRights.Read | MappingRights.Write, _database.RightsOf(grandchild));

            _database.SetRights(child, MappingRights.None);
            Assert.Equal(MappingRights.Read | MappingRights.Write, _database.RightsOf(child));
            _database.SetRights(grandchild, MappingRights.Read);
            _database.SetRights(child, MappingRights.Read);
            Assert.Equal(MappingRights.Read, _database.RightsOf(child));

            _database.SetRights(0, MappingRights.All);
            _database.SetRights(7, MappingRights.All);
            Assert.False(_database.IsLive(7));
        }

        [Fact]
        public void ManyKeysInOneBucketAreFoundAndRemovedFromAnyPlaceInTheChain()
        {
            Create(64, 1);
            uint root = Root(FirstFrame);
            var nodes = new List<uint>();
            for (uint space = 1; space <= 60; space++)
            {
                nodes.Add(MapTo(root, space, space * Page));
            }
            var effects = NewRecorder();
            for (int index = 0; index < nodes.Count; index += 3)
            {
                _database.Unmap(nodes[index], true, MappingRights.All, ref effects);
            }

            for (int index = 0; index < nodes.Count; index++)
            {
                uint space = (uint)index + 1;
                Assert.Equal(index % 3 == 0 ? 0u : nodes[index], _database.Lookup(space, space * Page));
            }
            Assert.Equal(root, _database.Lookup(0, FirstFrame));
            Assert.Equal(41u, _database.UsedNodes);
        }

        [Fact]
        public void ADeepChainIsDowngradedAndUnmappedWithoutRecursion()
        {
            const uint Depth = 10000;
            Create(Depth + 1, 1024);
            uint root = Root(FirstFrame);
            uint current = root;
            for (uint level = 1; level <= Depth; level++)
            {
                current = MapTo(current, level % 5, level * Page);
            }
            CountingEffects downgrade = default;
            CountingEffects removal = default;

            // A small stack: a recursive walk 10000 levels deep would overflow it and end the test run.
            var worker = new Thread(() =>
            {
                _database.Unmap(root, false, MappingRights.Write, ref downgrade);
                _database.Unmap(root, true, MappingRights.Read, ref removal);
            }, 128 * 1024);
            worker.Start();
            worker.Join();

            Assert.Equal((int)Depth, downgrade.ReducedCount);
            Assert.Equal(0, downgrade.RemovedCount);
            Assert.Equal((int)Depth + 1, removal.RemovedCount);
            Assert.Equal(Depth * Page, removal.FirstRemovedPage);
            Assert.Equal(FirstFrame, removal.LastRemovedPage);
            Assert.Equal(0u, _database.UsedNodes);
            Assert.Equal(Depth + 1, _database.FreeNodes);
        }

        [Theory]
        [InlineData(1, 16u)]
        [InlineData(2, 16u)]
        [InlineData(3, 16u)]
        [InlineData(4, 1u)]
        [InlineData(5, 64u)]
        [InlineData(6, 4u)]
        [InlineData(7, 16u)]
        [InlineData(8, 16u)]
        public void RandomOperationsMatchTheReferenceModel(int seed, uint buckets)
        {
            const int Capacity = 32;
            const int Steps = 4000;
            const uint Spaces = 5;
            const uint Pages = 12;
            const int Frames = 4;
            Create(Capacity, buckets);
            var model = new MappingReferenceModel(Capacity);
            var random = new Random(seed);
            var seenErrors = new HashSet<MappingDatabaseError>();
            var effects = NewRecorder();

            MappingKey RandomKey() => new MappingKey((uint)random.Next((int)Spaces), (ulong)random.Next((int)Pages) * Page);
            MappingRights RandomRights() => (MappingRights)random.Next(1, 8);
            uint NodeOf(MappingKey key) => _database.Lookup(key.Space, key.Page);
            uint DeadNode()
            {
                while (true)
                {
                    uint candidate = (uint)random.Next(Capacity + 3);
                    if (!_database.IsLive(candidate))
                    {
                        return candidate;
                    }
                }
            }

            for (int frame = 0; frame < Frames; frame++)
            {
                ulong address = FirstFrame + (ulong)frame * Page;
                Assert.Equal(model.InsertRoot(new MappingKey(0, address), address, MappingRights.All),
                    _database.InsertRoot(0, address, address, MappingRights.All, out _));
            }
            Verify(model);

            for (int step = 0; step < Steps; step++)
            {
                var rightsBefore = new Dictionary<MappingKey, MappingRights>();
                foreach (var pair in model.Entries)
                {
                    rightsBefore[pair.Key] = pair.Value.Rights;
                }
                var keys = new List<MappingKey>(model.Entries.Keys);
                keys.Sort((left, right) => left.Space != right.Space ? left.Space.CompareTo(right.Space) : left.Page.CompareTo(right.Page));
                MappingKey? chosen = keys.Count == 0 ? null : keys[random.Next(keys.Count)];
                int operation = random.Next(100);
                effects.Calls.Clear();
                MappingKey? raised = null;
                MappingKey? grantedFrom = null, grantedTo = null;
                MappingDatabaseError expected, actual;

                if (operation < 8 || chosen == null)
                {
                    ulong address = FirstFrame + (ulong)random.Next(Frames) * Page;
                    MappingRights rights = RandomRights();
                    expected = model.InsertRoot(new MappingKey(0, address), address, rights);
                    actual = _database.InsertRoot(0, address, address, rights, out uint node);
                    Assert.Equal(actual == MappingDatabaseError.None, node != 0);
                }
                else if (operation < 48)
                {
                    MappingKey target = RandomKey();
                    MappingRights rights = RandomRights();
                    expected = model.Map(chosen.Value, target, rights);
                    actual = _database.Map(NodeOf(chosen.Value), target.Space, target.Page, rights, out uint node);
                    Assert.Equal(actual == MappingDatabaseError.None ? NodeOf(target) : 0u, node);
                }
                else if (operation < 62)
                {
                    MappingKey target = random.Next(10) == 0 ? chosen.Value : RandomKey();
                    MappingRights rights = random.Next(3) == 0 ? RandomRights() : MappingRights.All;
                    uint node = NodeOf(chosen.Value);
                    expected = model.Grant(chosen.Value, target, rights);
                    actual = _database.Grant(node, target.Space, target.Page, rights, out uint moved);
                    Assert.Equal(actual == MappingDatabaseError.None ? node : 0u, moved);
                    if (actual == MappingDatabaseError.None)
                    {
                        grantedFrom = chosen;
                        grantedTo = target;
                    }
                }
                else if (operation < 86)
                {
                    bool includeSelf = random.Next(2) == 0;
                    MappingRights rights = operation < 74 ? RandomRights() | MappingRights.Read : (MappingRights)(random.Next(1, 4) * 2);
                    var before = new Dictionary<MappingKey, MappingKey?>();
                    foreach (var pair in model.Entries)
                    {
                        before[pair.Key] = pair.Value.Parent;
                    }
                    var expectedChanges = model.Unmap(chosen.Value, includeSelf, rights);
                    _database.Unmap(NodeOf(chosen.Value), includeSelf, rights, ref effects);
                    expected = actual = MappingDatabaseError.None;
                    CheckEffects(expectedChanges, effects.Calls, (rights & MappingRights.Read) != 0, before);
                }
                else if (operation < 96)
                {
                    MappingRights rights = (MappingRights)random.Next(8);
                    model.SetRights(chosen.Value, rights);
                    _database.SetRights(NodeOf(chosen.Value), rights);
                    expected = actual = MappingDatabaseError.None;
                    raised = chosen;
                }
                else
                {
                    // Operations on nodes that are not live: refused or ignored, nothing changes.
                    uint dead = DeadNode();
                    MappingKey target = RandomKey();
                    Assert.Equal(MappingDatabaseError.InvalidNode, _database.Map(dead, target.Space, target.Page, MappingRights.All, out uint node));
                    Assert.Equal(0u, node);
                    Assert.Equal(MappingDatabaseError.InvalidNode, _database.Grant(dead, target.Space, target.Page, MappingRights.All, out node));
                    Assert.Equal(0u, node);
                    _database.Unmap(dead, true, MappingRights.All, ref effects);
                    _database.SetRights(dead, MappingRights.All);
                    expected = actual = MappingDatabaseError.InvalidNode;
                }

                Assert.Equal(expected, actual);
                seenErrors.Add(actual);
                if (actual != MappingDatabaseError.None || raised != null || grantedFrom != null || operation < 62)
                {
                    Assert.Empty(effects.Calls); // only unmap reports effects
                }
                if (grantedFrom != null && grantedFrom != grantedTo)
                {
                    Assert.Equal(0u, NodeOf(grantedFrom.Value));
                    Assert.Equal(rightsBefore[grantedFrom.Value], model.Entries[grantedTo.Value].Rights);
                }
                foreach (var pair in model.Entries)
                {
                    if (pair.Key != raised && rightsBefore.TryGetValue(pair.Key, out MappingRights previous) && pair.Key != grantedTo)
                    {
                        Assert.True((pair.Value.Rights & ~previous) == 0, "rights grew outside SetRights");
                    }
                }
                Verify(model);
            }

            Assert.Contains(MappingDatabaseError.AlreadyMapped, seenErrors);
            Assert.Contains(MappingDatabaseError.OutOfNodes, seenErrors);
            Assert.Contains(MappingDatabaseError.InvalidNode, seenErrors);
            Assert.Contains(MappingDatabaseError.RightsWouldShrink, seenErrors);
        }

        // The effects an unmap reported must be exactly the model's changes; removals must come children first.
        private static void CheckEffects(List<(MappingKey Key, ulong Frame, MappingRights Rights)> expected, List<EffectCall> calls, bool removal,
            Dictionary<MappingKey, MappingKey?> parentsBefore)
        {
            Assert.Equal(expected.Count, calls.Count);
            var expectedSet = new HashSet<(MappingKey, ulong, MappingRights)>(expected);
            var reported = new HashSet<MappingKey>();
            foreach (EffectCall call in calls)
            {
                Assert.Equal(removal, call.IsRemoval);
                Assert.Contains((call.Key, call.Frame, removal ? MappingRights.None : call.Rights), expectedSet);
                Assert.True(reported.Add(call.Key), "a node was reported twice");
            }
            if (removal)
            {
                // When a node is reported, none of its ancestors may have been reported before it.
                var position = new Dictionary<MappingKey, int>();
                for (int index = 0; index < calls.Count; index++)
                {
                    position[calls[index].Key] = index;
                }
                foreach (EffectCall call in calls)
                {
                    MappingKey? parent = parentsBefore[call.Key];
                    if (parent is MappingKey parentKey && position.TryGetValue(parentKey, out int parentPosition))
                    {
                        Assert.True(parentPosition > position[call.Key], "a parent was removed before its child");
                    }
                }
            }
        }

        // The database must hold exactly the model's mappings, with the same frames, rights, parents and children.
        private void Verify(MappingReferenceModel model)
        {
            Assert.Equal((uint)model.Entries.Count, _database.UsedNodes);
            Assert.Equal(_database.Capacity - _database.UsedNodes, _database.FreeNodes);
            Assert.False(_database.IsLive(0));
            Assert.False(_database.IsLive(_database.Capacity + 1));

            foreach (var pair in model.Entries)
            {
                uint node = _database.Lookup(pair.Key.Space, pair.Key.Page);
                Assert.NotEqual(0u, node);
                Assert.True(_database.IsLive(node));
                Assert.Equal(pair.Key.Space, _database.SpaceOf(node));
                Assert.Equal(pair.Key.Page, _database.PageOf(node));
                Assert.Equal(pair.Value.Frame, _database.FrameOf(node));
                Assert.Equal(pair.Value.Rights, _database.RightsOf(node));
                uint parent = _database.ParentOf(node);
                if (pair.Value.Parent is MappingKey parentKey)
                {
                    Assert.True(_database.IsLive(parent), "a mapping outlived its parent");
                    Assert.Equal(_database.Lookup(parentKey.Space, parentKey.Page), parent);
                    Assert.True((_database.RightsOf(node) & ~_database.RightsOf(parent)) == 0, "a child has more rights than its parent");
                    Assert.Equal(_database.FrameOf(parent), _database.FrameOf(node));
                }
                else
                {
                    Assert.Equal(0u, parent);
                }

                var children = new HashSet<uint>();
                foreach (uint child in ChildrenOf(node))
                {
                    Assert.True(children.Add(child));
                    Assert.Equal(node, _database.ParentOf(child));
                }
                var expectedChildren = new HashSet<uint>();
                foreach (MappingKey childKey in model.ChildrenOf(pair.Key))
                {
                    expectedChildren.Add(_database.Lookup(childKey.Space, childKey.Page));
                }
                Assert.Equal(expectedChildren, children);
            }

            uint live = 0;
            for (uint node = 1; node <= _database.Capacity; node++)
            {
                if (_database.IsLive(node))
                {
                    live++;
                    var key = new MappingKey(_database.SpaceOf(node), _database.PageOf(node));
                    Assert.True(model.Entries.ContainsKey(key), "the database holds a mapping the model does not");
                    Assert.Equal(node, _database.Lookup(key.Space, key.Page));
                }
                else
                {
                    Assert.Equal(0u, _database.ParentOf(node));
                    Assert.Equal(MappingRights.None, _database.RightsOf(node));
                }
            }
            Assert.Equal((uint)model.Entries.Count, live);
        }
    }
}
