using System.Collections.Generic;
using CosmosKernel.Memory;

namespace CosmosKernel.Tests
{
    /// <summary>A mapping's key: the page of an address space.</summary>
    internal readonly record struct MappingKey(uint Space, ulong Page);

    /// <summary>
    /// What the <see cref="MappingDatabase"/> should hold, written the obvious way (a dictionary keyed by (space, page),
    /// parents named by key, walks done with lists) so the randomized tests can compare the two after every step.
    /// </summary>
    internal sealed class MappingReferenceModel
    {
        public sealed class Entry
        {
            public MappingKey? Parent;
            public ulong Frame;
            public MappingRights Rights;
        }

        public readonly Dictionary<MappingKey, Entry> Entries = new Dictionary<MappingKey, Entry>();
        private readonly int _capacity;

        public MappingReferenceModel(int capacity) => _capacity = capacity;

        public MappingDatabaseError InsertRoot(MappingKey key, ulong frame, MappingRights rights)
        {
            if (Entries.ContainsKey(key))
            {
                return MappingDatabaseError.AlreadyMapped;
            }
            if (Entries.Count == _capacity)
            {
                return MappingDatabaseError.OutOfNodes;
            }
            Entries.Add(key, new Entry { Parent = null, Frame = frame, Rights = rights & MappingRights.All });
            return MappingDatabaseError.None;
        }

        public MappingDatabaseError Map(MappingKey parent, MappingKey target, MappingRights rights)
        {
            if (Entries.ContainsKey(target))
            {
                return MappingDatabaseError.AlreadyMapped;
            }
            if (Entries.Count == _capacity)
            {
                return MappingDatabaseError.OutOfNodes;
            }
            Entry parentEntry = Entries[parent];
            Entries.Add(target, new Entry { Parent = parent, Frame = parentEntry.Frame, Rights = rights & parentEntry.Rights });
            return MappingDatabaseError.None;
        }

        public MappingDatabaseError Grant(MappingKey node, MappingKey target, MappingRights rights)
        {
            Entry entry = Entries[node];
            if ((entry.Rights & rights) != entry.Rights)
            {
                return MappingDatabaseError.RightsWouldShrink;
            }
            if (target == node)
            {
                return MappingDatabaseError.None;
            }
            if (Entries.ContainsKey(target))
            {
                return MappingDatabaseError.AlreadyMapped;
            }
            Entries.Remove(node);
            Entries.Add(target, entry);
            foreach (Entry other in Entries.Values)
            {
                if (other.Parent == node)
                {
                    other.Parent = target;
                }
            }
            return MappingDatabaseError.None;
        }

        /// <summary>Applies an unmap; returns the keys removed (any order) or the keys whose rights shrank, with their new rights.</summary>
        public List<(MappingKey Key, ulong Frame, MappingRights Rights)> Unmap(MappingKey node, bool includeSelf, MappingRights rightsToRemove)
        {
            var changed = new List<(MappingKey Key, ulong Frame, MappingRights Rights)>();
            List<MappingKey> affected = Subtree(node);
            if (!includeSelf)
            {
                affected.Remove(node);
            }
            if ((rightsToRemove & MappingRights.Read) != 0)
            {
                foreach (MappingKey key in affected)
                {
                    changed.Add((key, Entries[key].Frame, MappingRights.None));
                    Entries.Remove(key);
                }
            }
            else
            {
                MappingRights removed = rightsToRemove & MappingRights.All;
                foreach (MappingKey key in affected)
                {
                    Entry entry = Entries[key];
                    if ((entry.Rights & removed) != 0)
                    {
                        entry.Rights &= ~removed;
                        changed.Add((key, entry.Frame, entry.Rights));
                    }
                }
            }
            return changed;
        }

        public void SetRights(MappingKey node, MappingRights rights)
        {
            Entry entry = Entries[node];
            MappingRights result = entry.Parent is MappingKey parent ? rights & Entries[parent].Rights : rights & MappingRights.All;
            foreach (MappingKey child in ChildrenOf(node))
            {
                result |= Entries[child].Rights;
            }
            entry.Rights = result;
        }

        public List<MappingKey> ChildrenOf(MappingKey node)
        {
            var children = new List<MappingKey>();
            foreach (KeyValuePair<MappingKey, Entry> pair in Entries)
            {
                if (pair.Value.Parent == node)
                {
                    children.Add(pair.Key);
                }
            }
            return children;
        }

        /// <summary>The node and everything derived from it.</summary>
        public List<MappingKey> Subtree(MappingKey node)
        {
            var result = new List<MappingKey> { node };
            for (int index = 0; index < result.Count; index++)
            {
                result.AddRange(ChildrenOf(result[index]));
            }
            return result;
        }
    }
}
