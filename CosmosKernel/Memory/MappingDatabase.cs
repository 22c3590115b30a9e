namespace CosmosKernel.Memory
{
    /// <summary>
    /// The mapping database of L4's recursive address spaces: for every mapped page, who mapped it from whom.
    /// Each physical frame has a tree (or several) of <see cref="MappingNode"/>s; a root is sigma0's idempotent
    /// "physical" mapping (space 0, page = frame) and every other node was derived from its parent by a map, with
    /// rights that are a subset of the parent's. Unmapping a node revokes, recursively, everything derived from it.
    ///
    /// Storage is one block the caller provides (frames, at boot): an array of nodes (index 0 unused, so 0 can mean
    /// "none") followed by the heads of the hash buckets that find a node by (space, page) in O(1) on average.
    /// Free nodes are kept on a list linked through <see cref="MappingNode.HashNext"/>. Nothing here allocates,
    /// throws or recurses (trees can be thousands of levels deep and the kernel stack is small).
    /// Not thread-safe: callers serialise. Pure logic: compiled into the host tests too.
    /// </summary>
    internal unsafe struct MappingDatabase
    {
        /// <summary>Bytes per page: the database records 4 KiB pages.</summary>
        public const ulong PageSize = 4096;

        private const ulong HashMultiplier = 0x9E3779B97F4A7C15;    // 2^64 divided by the golden ratio: spreads keys over the buckets

        private MappingNode* _nodes;
        private uint* _buckets;
        private uint _bucketMask;
        private uint _capacity;
        private uint _usedNodes;
        private uint _firstFree;

        /// <summary>Bytes of storage <see cref="Initialize"/> needs: nodes 0..<paramref name="nodeCapacity"/>, then the bucket heads.</summary>
        public static ulong StorageBytes(uint nodeCapacity, uint bucketCount)
            => ((ulong)nodeCapacity + 1) * (ulong)sizeof(MappingNode) + (ulong)bucketCount * sizeof(uint);

        /// <summary>
        /// Lays the database over <paramref name="storage"/> (<see cref="StorageBytes"/> bytes, 8-byte aligned; its old
        /// contents do not matter: it is zeroed here). Nodes 1..<paramref name="nodeCapacity"/> are usable.
        /// Precondition: <paramref name="bucketCount"/> is a power of two (another count is rounded down to one),
        /// at least 1, and <paramref name="nodeCapacity"/> is below uint.MaxValue.
        /// </summary>
        public void Initialize(void* storage, uint nodeCapacity, uint bucketCount)
        {
            _nodes = (MappingNode*)storage;
            _buckets = (uint*)(_nodes + (ulong)nodeCapacity + 1);
            uint usedBuckets = 1;
            while (usedBuckets <= bucketCount / 2)
            {
                usedBuckets *= 2;
            }
            _bucketMask = usedBuckets - 1;
            _capacity = nodeCapacity;
            _usedNodes = 0;

            ulong length = StorageBytes(nodeCapacity, bucketCount);
            ulong* words = (ulong*)storage;
            for (ulong word = 0; word < length / 8; word++)
            {
                words[word] = 0;
            }
            if (length % 8 != 0)
            {
                *(uint*)(words + length / 8) = 0;     // the last bucket head of an odd bucket count
            }

            // The free list runs 1, 2, 3, ... so a fresh database hands out nodes in order (easy to follow in a dump).
            for (uint index = 1; index < nodeCapacity; index++)
            {
                _nodes[index].HashNext = index + 1;
            }
            _firstFree = nodeCapacity == 0 ? 0u : 1u;
        }

        /// <summary>How many nodes the database can hold (indices 1..Capacity).</summary>
        public readonly uint Capacity => _capacity;

        /// <summary>Nodes that record a mapping.</summary>
        public readonly uint UsedNodes => _usedNodes;

        /// <summary>Nodes still available to <see cref="InsertRoot"/> and <see cref="Map"/>.</summary>
        public readonly uint FreeNodes => _capacity - _usedNodes;

        /// <summary>The node of the mapping of <paramref name="page"/> (page-aligned) in <paramref name="space"/>, or 0 when there is none.</summary>
        public readonly uint Lookup(uint space, ulong page)
        {
            uint index = _buckets[BucketOf(space, page)];
            while (index != 0)
            {
                MappingNode* node = _nodes + index;
                if (node->Page == page && node->Space == space)
                {
                    return index;
                }
                index = node->HashNext;
            }
            return 0;
        }

        /// <summary>
        /// Records a mapping with no parent (sigma0's physical mapping of <paramref name="frame"/>).
        /// Returns None with the new node, AlreadyMapped when (space, page) holds a mapping, or OutOfNodes.
        /// </summary>
        public MappingDatabaseError InsertRoot(uint space, ulong page, ulong frame, MappingRights rights, out uint node)
        {
            node = 0;
            if (Lookup(space, page) != 0)
            {
                return MappingDatabaseError.AlreadyMapped;
            }
            if (_firstFree == 0)
            {
                return MappingDatabaseError.OutOfNodes;
            }
            node = Allocate(space, page, frame, rights & MappingRights.All, 0);
            return MappingDatabaseError.None;
        }

        /// <summary>
        /// Records that <paramref name="parent"/> was mapped to (space, page) with <paramref name="rights"/> (cut down
        /// to the parent's): a new child of the parent showing the same frame.
        /// Returns None with the new node, InvalidNode when the parent is not live, AlreadyMapped when (space, page)
        /// holds a mapping (the parent's own key included), or OutOfNodes.
        /// </summary>
        public MappingDatabaseError Map(uint parent, uint space, ulong page, MappingRights rights, out uint node)
        {
            node = 0;
            if (!IsLive(parent))
            {
                return MappingDatabaseError.InvalidNode;
            }
            if (Lookup(space, page) != 0)
            {
                return MappingDatabaseError.AlreadyMapped;
            }
            if (_firstFree == 0)
            {
                return MappingDatabaseError.OutOfNodes;
            }
            MappingNode* parentNode = _nodes + parent;
            node = Allocate(space, page, parentNode->Frame, rights & parentNode->Rights, parent);

            // New children go first: O(1), and the order of siblings means nothing.
            MappingNode* child = _nodes + node;
            child->NextSibling = parentNode->FirstChild;
            if (parentNode->FirstChild != 0)
            {
                _nodes[parentNode->FirstChild].PreviousSibling = node;
            }
            parentNode->FirstChild = node;
            return MappingDatabaseError.None;
        }

        /// <summary>
        /// Moves the mapping <paramref name="node"/> to (space, page): it keeps its place in the tree (parent and
        /// children) and its rights, and its old key is free afterwards. <paramref name="rights"/> must cover the
        /// node's rights: a grant that takes rights away is refused (RightsWouldShrink), since the caller has to
        /// take them from the derived mappings with <see cref="Unmap{TEffects}"/> first, which reports each change.
        /// Returns None with <paramref name="moved"/> = <paramref name="node"/>, InvalidNode, RightsWouldShrink, or
        /// AlreadyMapped when (space, page) holds another mapping.
        /// </summary>
        public MappingDatabaseError Grant(uint node, uint space, ulong page, MappingRights rights, out uint moved)
        {
            moved = 0;
            if (!IsLive(node))
            {
                return MappingDatabaseError.InvalidNode;
            }
            MappingNode* granted = _nodes + node;
            if ((granted->Rights & rights) != granted->Rights)
            {
                return MappingDatabaseError.RightsWouldShrink;
            }
            uint existing = Lookup(space, page);
            if (existing != 0 && existing != node)
            {
                return MappingDatabaseError.AlreadyMapped;
            }
            moved = node;
            if (existing == node)
            {
                return MappingDatabaseError.None;
            }
            RemoveFromBucket(node);
            granted->Space = space;
            granted->Page = page;
            AddToBucket(node);
            return MappingDatabaseError.None;
        }

        /// <summary>
        /// Revokes what was derived from <paramref name="node"/> (and the node itself when
        /// <paramref name="includeSelf"/>). When <paramref name="rightsToRemove"/> includes Read, every descendant
        /// (and the node itself when asked) is removed, children before parents, each reported through
        /// <see cref="IMappingEffects.Removed"/>. Otherwise nothing is removed: they lose the Write and Execute bits
        /// of <paramref name="rightsToRemove"/>, and each whose rights changed is reported through
        /// <see cref="IMappingEffects.RightsReduced"/>. A node that is not live is ignored. Iterative, O(subtree).
        /// </summary>
        public void Unmap<TEffects>(uint node, bool includeSelf, MappingRights rightsToRemove, ref TEffects effects)
            where TEffects : struct, IMappingEffects
        {
            if (!IsLive(node))
            {
                return;
            }
            if ((rightsToRemove & MappingRights.Read) != 0)
            {
                RemoveDescendants(node, ref effects);
                if (includeSelf)
                {
                    Remove(node, ref effects);
                }
            }
            else if ((rightsToRemove & MappingRights.All) != 0)
            {
                ReduceRights(node, includeSelf, rightsToRemove & MappingRights.All, ref effects);
            }
        }

        /// <summary>
        /// Sets the rights of <paramref name="node"/> itself (derived mappings are not touched). Raising is capped
        /// at the parent's rights (a root may have any). Lowering keeps every bit some child still holds, so a child
        /// never has more than its parent: to take rights from a whole subtree, use <see cref="Unmap{TEffects}"/>.
        /// A node that is not live is ignored.
        /// </summary>
        public void SetRights(uint node, MappingRights rights)
        {
            if (!IsLive(node))
            {
                return;
            }
            MappingNode* target = _nodes + node;
            MappingRights allowed = target->Parent == 0 ? MappingRights.All : _nodes[target->Parent].Rights;
            MappingRights result = rights & allowed;
            for (uint child = target->FirstChild; child != 0; child = _nodes[child].NextSibling)
            {
                result |= _nodes[child].Rights;
            }
            target->Rights = result;
        }

        /// <summary>The address space of <paramref name="node"/> (0 when not live, as for every accessor below).</summary>
        public readonly uint SpaceOf(uint node) => IsLive(node) ? _nodes[node].Space : 0;

        /// <summary>The page-aligned virtual address of <paramref name="node"/>'s mapping.</summary>
        public readonly ulong PageOf(uint node) => IsLive(node) ? _nodes[node].Page : 0;

        /// <summary>The physical frame <paramref name="node"/> maps.</summary>
        public readonly ulong FrameOf(uint node) => IsLive(node) ? _nodes[node].Frame : 0;

        public readonly MappingRights RightsOf(uint node) => IsLive(node) ? _nodes[node].Rights : MappingRights.None;

        /// <summary>The node <paramref name="node"/> was derived from; 0 for a root.</summary>
        public readonly uint ParentOf(uint node) => IsLive(node) ? _nodes[node].Parent : 0;

        /// <summary>The first node derived from <paramref name="node"/>; with <see cref="NextSiblingOf"/>, walks its children.</summary>
        public readonly uint FirstChildOf(uint node) => IsLive(node) ? _nodes[node].FirstChild : 0;

        public readonly uint NextSiblingOf(uint node) => IsLive(node) ? _nodes[node].NextSibling : 0;

        /// <summary>True when <paramref name="node"/> is in range (1..Capacity) and records a mapping.</summary>
        public readonly bool IsLive(uint node) => node - 1 < _capacity && _nodes[node].IsLive;

        // Bucket of a key: the page number and space mixed, multiplied by the golden-ratio constant, high bits kept.
        private readonly uint BucketOf(uint space, ulong page)
        {
            ulong key = (page / PageSize) ^ ((ulong)space << 36);
            return (uint)((key * HashMultiplier) >> 32) & _bucketMask;
        }

        // Takes the first free node (precondition: there is one), fills it in and hashes it; tree links are the caller's.
        private uint Allocate(uint space, ulong page, ulong frame, MappingRights rights, uint parent)
        {
            uint index = _firstFree;
            MappingNode* node = _nodes + index;
            _firstFree = node->HashNext;
            node->Page = page;
            node->Frame = frame;
            node->Space = space;
            node->Parent = parent;
            node->FirstChild = 0;
            node->NextSibling = 0;
            node->PreviousSibling = 0;
            node->Rights = rights;
            node->IsLive = true;
            AddToBucket(index);
            _usedNodes++;
            return index;
        }

        private void AddToBucket(uint index)
        {
            MappingNode* node = _nodes + index;
            uint* head = _buckets + BucketOf(node->Space, node->Page);
            node->HashNext = *head;
            *head = index;
        }

        // Unlinks a node from its bucket's chain (precondition: it is in it, under its current key).
        private void RemoveFromBucket(uint index)
        {
            MappingNode* node = _nodes + index;
            uint* link = _buckets + BucketOf(node->Space, node->Page);
            while (*link != index)
            {
                link = &_nodes[*link].HashNext;
            }
            *link = node->HashNext;
            node->HashNext = 0;
        }

        // Removes every descendant of top, always taking a leaf: go down first children to one, remove it, go back
        // to its parent, repeat. Each node is passed going down once and going up once, so O(subtree), no stack.
        private void RemoveDescendants<TEffects>(uint top, ref TEffects effects)
            where TEffects : struct, IMappingEffects
        {
            uint current = top;
            while (true)
            {
                while (_nodes[current].FirstChild != 0)
                {
                    current = _nodes[current].FirstChild;
                }
                if (current == top)
                {
                    return;
                }
                uint parent = _nodes[current].Parent;
                Remove(current, ref effects);
                current = parent;
            }
        }

        // Removes one node (precondition: it has no children): out of its parent's child list and its bucket, reported,
        // then cleared onto the free list.
        private void Remove<TEffects>(uint index, ref TEffects effects)
            where TEffects : struct, IMappingEffects
        {
            MappingNode* node = _nodes + index;
            if (node->PreviousSibling != 0)
            {
                _nodes[node->PreviousSibling].NextSibling = node->NextSibling;
            }
            else if (node->Parent != 0)
            {
                _nodes[node->Parent].FirstChild = node->NextSibling;
            }
            if (node->NextSibling != 0)
            {
                _nodes[node->NextSibling].PreviousSibling = node->PreviousSibling;
            }
            RemoveFromBucket(index);
            node->IsLive = false;
            _usedNodes--;

            effects.Removed(node->Space, node->Page, node->Frame);

            *node = default;
            node->HashNext = _firstFree;
            _firstFree = index;
        }

        // Takes rightsToRemove (no Read) from top's descendants, and top itself when includeSelf, in a pre-order walk.
        // A node without any of those rights is skipped with its whole subtree: its children cannot have them either.
        private void ReduceRights<TEffects>(uint top, bool includeSelf, MappingRights rightsToRemove, ref TEffects effects)
            where TEffects : struct, IMappingEffects
        {
            MappingNode* topNode = _nodes + top;
            if (includeSelf && (topNode->Rights & rightsToRemove) != 0)
            {
                topNode->Rights &= ~rightsToRemove;
                effects.RightsReduced(topNode->Space, topNode->Page, topNode->Frame, topNode->Rights);
            }
            uint current = topNode->FirstChild;
            while (current != 0)
            {
                MappingNode* node = _nodes + current;
                bool descend = false;
                if ((node->Rights & rightsToRemove) != 0)
                {
                    node->Rights &= ~rightsToRemove;
                    effects.RightsReduced(node->Space, node->Page, node->Frame, node->Rights);
                    descend = node->FirstChild != 0;
                }
                if (descend)
                {
                    current = node->FirstChild;
                    continue;
                }
                // Next in pre-order: the next sibling of this node or of the nearest ancestor below top that has one.
                while (current != top && _nodes[current].NextSibling == 0)
                {
                    current = _nodes[current].Parent;
                }
                current = current == top ? 0 : _nodes[current].NextSibling;
            }
        }
    }
}
