using Cosmos.Api;
using CosmosKernel.Platform;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;

namespace CosmosKernel.Memory
{
    /// <summary>
    /// Recursive address spaces: map, grant and unmap over the one <see cref="MappingDatabase"/> and the tasks' page tables.
    /// Every page a task receives from another is a node whose parent is the sender's mapping of the same frame; the roots
    /// are sigma0's idempotent mappings (space 0, page = physical address), created when sigma0 first maps a frame (a RAM
    /// frame is zeroed then). Unmapping a node removes its whole subtree from every address space; a task's end removes
    /// everything it held. Page-table entries follow the database (<see cref="PageTableEffects"/>), with the TLB entry of
    /// the loaded address space invalidated. Each task pays for its own mapping nodes and page tables within its quota.
    /// Pages the kernel placed itself (the images of sigma0 and the root task, boot modules, UTCBs, the kernel
    /// information page) are not in the database and cannot be mapped on.
    /// </summary>
    internal static unsafe class Mappings
    {
        public const uint PhysicalSpace = 0;
        public const ulong PageSize = 4096;
        public const ulong Unlimited = ulong.MaxValue;
        public const ulong DefaultMappingLimit = 65536;
        public const ulong DefaultPageTableLimit = 1024;

        /// <summary>The largest region sigma0 may map or unmap in one operation (its physical view has no page table to walk).</summary>
        public const int LargestPhysicalSizeLog2 = 30;

        private static MappingDatabase s_database;
        private static TaskId s_sigma0;

        /// <summary>Records sigma0's task: its map items name physical memory.</summary>
        public static void SetSigma0(TaskId task) => s_sigma0 = task;

        public static bool IsSigma0(TaskControlBlock* task) => !s_sigma0.IsNone && task->Id == s_sigma0;

        /// <summary>Reserves the database's storage from the kernel's frames: two nodes per frame of RAM.</summary>
        public static bool Initialize()
        {
            ulong frames = KernelMemory.Frames.AllocatableFrames;
            ulong capacity = frames * 2;
            capacity = capacity < 16384 ? 16384 : capacity > (1UL << 21) ? 1UL << 21 : capacity;
            uint buckets = 1;
            while (buckets < capacity)
            {
                buckets <<= 1;
            }
            ulong bytes = MappingDatabase.StorageBytes((uint)capacity, buckets);
            FrameResult storage = KernelMemory.Frames.AllocateContiguous((bytes + PageSize - 1) / PageSize);
            if (!storage.Succeeded)
            {
                return false;
            }
            s_database.Initialize(KernelMemory.Window.ToPointer(storage.Address), (uint)capacity, buckets);
            return true;
        }

        public static uint SpaceOf(TaskControlBlock* task) => IsSigma0(task) ? PhysicalSpace : (uint)task->Id.Slot + 1;

        /// <summary>The rights of a flexpage as mapping rights; reading is always allowed (x86 pages cannot be write- or execute-only).</summary>
        public static MappingRights RightsOf(Cosmos.Api.Ipc.FlexpageRights rights) => (MappingRights)((int)rights & 7) | MappingRights.Read;

        /// <summary>The page-table flags of a mapping with <paramref name="rights"/> of <paramref name="frame"/> (device memory uncached).</summary>
        public static PageFlags PageFlagsOf(MappingRights rights, ulong frame)
        {
            PageFlags flags = PageFlags.User | PageFlags.Derived;
            if ((rights & MappingRights.Write) != 0)
            {
                flags |= PageFlags.Writable;
            }
            if ((rights & MappingRights.Execute) == 0)
            {
                flags |= PageFlags.NoExecute;
            }
            if (!Sigma0Memory.IsRam(frame))
            {
                flags |= PageFlags.CacheDisable | PageFlags.WriteThrough;
            }
            return flags;
        }

        /// <summary>
        /// Checks, changing nothing, that <paramref name="sender"/>'s pages [sourceBase, sourceBase + 2^sizeLog2) can be mapped
        /// (or granted) into <paramref name="receiver"/> at <paramref name="destinationBase"/>: alignment, ranges, sigma0's
        /// frames, pages the kernel placed in the way, the receiver's quota and the kernel's free nodes and frames.
        /// </summary>
        public static SystemCallError Check(TaskControlBlock* sender, ulong sourceBase, int sizeLog2, TaskControlBlock* receiver, ulong destinationBase)
        {
            if (sizeLog2 < 12 || sizeLog2 > 47)
            {
                return SystemCallError.InvalidArgument;
            }
            ulong size = 1UL << sizeLog2;
            if ((sourceBase & (size - 1)) != 0 || (destinationBase & (size - 1)) != 0)
            {
                return SystemCallError.InvalidArgument;
            }
            if (!UserLayout.IsMappableRange(destinationBase, size) || receiver->Life != TaskLife.Alive)
            {
                return receiver->Life != TaskLife.Alive ? SystemCallError.WrongState : SystemCallError.BadAddress;
            }
            bool physical = IsSigma0(sender);
            if (physical ? sizeLog2 > LargestPhysicalSizeLog2 : !UserLayout.IsMappableRange(sourceBase, size))
            {
                return physical ? SystemCallError.InvalidArgument : SystemCallError.BadAddress;
            }
            uint senderSpace = SpaceOf(sender);
            uint receiverSpace = SpaceOf(receiver);
            ulong nodes = 0;
            ulong roots = 0;
            ulong tables = 0;
            for (ulong offset = 0; offset < size; offset += PageSize)
            {
                ulong source = sourceBase + offset;
                if (physical)
                {
                    if (!Sigma0Memory.MayMap(source))
                    {
                        return SystemCallError.PermissionDenied;
                    }
                    if (s_database.Lookup(PhysicalSpace, source) == 0)
                    {
                        roots++;
                    }
                }
                else if (NextSenderNode(sender, senderSpace, sourceBase, size, ref offset) == 0)
                {
                    break;
                }
                ulong destination = destinationBase + offset;
                if (s_database.Lookup(receiverSpace, destination) == 0)
                {
                    if (receiver->Space.Translate(new VirtualAddress(destination)).IsMapped)
                    {
                        return SystemCallError.AlreadyExists; // a page the kernel placed (UTCB, image, module)
                    }
                    nodes++;
                    if (offset == 0 || (destination & (PageTable.LargePageSize - 1)) == 0)
                    {
                        tables += (ulong)receiver->Space.MissingTables(new VirtualAddress(destination));
                    }
                }
            }
            if (nodes > receiver->MappingLimit - receiver->MappingsUsed || receiver->MappingsUsed > receiver->MappingLimit
                || tables > receiver->PageTableLimit - receiver->Space.TableCount || receiver->Space.TableCount > receiver->PageTableLimit)
            {
                return SystemCallError.QuotaExceeded;
            }
            if (nodes + roots > s_database.FreeNodes || tables > KernelMemory.Frames.FreeFrames)
            {
                return SystemCallError.OutOfMemory;
            }
            return SystemCallError.None;
        }

        /// <summary>
        /// Maps (or grants) after <see cref="Check"/>: every mapped page of the sender's region goes to the receiver's region
        /// with rights cut to <paramref name="rights"/> and the sender's own; a destination page mapped before is replaced.
        /// Grants from sigma0 are maps (its physical view never loses a frame). Counts the pages in <paramref name="pages"/>.
        /// </summary>
        public static SystemCallError Map(TaskControlBlock* sender, ulong sourceBase, int sizeLog2, MappingRights rights, TaskControlBlock* receiver, ulong destinationBase, bool grant, out ulong pages)
        {
            pages = 0;
            SystemCallError error = Check(sender, sourceBase, sizeLog2, receiver, destinationBase);
            if (error != SystemCallError.None)
            {
                return error;
            }
            bool physical = IsSigma0(sender);
            grant &= !physical;
            uint senderSpace = SpaceOf(sender);
            uint receiverSpace = SpaceOf(receiver);
            ulong size = 1UL << sizeLog2;
            rights |= MappingRights.Read;
            PageTableEffects effects = default;
            for (ulong offset = 0; offset < size; offset += PageSize)
            {
                ulong source = sourceBase + offset;
                uint sourceNode;
                if (physical)
                {
                    sourceNode = RootOf(source);
                    if (sourceNode == 0)
                    {
                        return SystemCallError.OutOfMemory;
                    }
                }
                else
                {
                    sourceNode = NextSenderNode(sender, senderSpace, sourceBase, size, ref offset);
                    if (sourceNode == 0)
                    {
                        break;
                    }
                    source = sourceBase + offset;
                }
                ulong destination = destinationBase + offset;
                uint existing = s_database.Lookup(receiverSpace, destination);
                if (existing == sourceNode || (existing != 0 && IsInSubtree(sourceNode, existing)))
                {
                    continue; // the page is already there, or replacing it would remove the source itself
                }
                if (existing != 0)
                {
                    s_database.Unmap(existing, true, MappingRights.All, ref effects);
                }
                MappingRights granted = rights & s_database.RightsOf(sourceNode);
                uint node;
                if (grant)
                {
                    MappingRights lost = s_database.RightsOf(sourceNode) & ~granted;
                    if (lost != MappingRights.None)
                    {
                        s_database.Unmap(sourceNode, true, lost, ref effects);
                    }
                    RemoveEntry(sender, source);
                    sender->MappingsUsed--;
                    s_database.Grant(sourceNode, receiverSpace, destination, granted, out node);
                }
                else if (s_database.Map(sourceNode, receiverSpace, destination, granted, out node) != MappingDatabaseError.None)
                {
                    return SystemCallError.OutOfMemory;
                }
                ulong frame = s_database.FrameOf(node);
                PageTableError tableError = receiver->Space.Map(new VirtualAddress(destination), new PhysicalAddress(frame), PageFlagsOf(s_database.RightsOf(node), frame), ref KernelMemory.Frames);
                receiver->MappingsUsed++;
                if (tableError != PageTableError.None)
                {
                    s_database.Unmap(node, true, MappingRights.All, ref effects);
                    return SystemCallError.OutOfMemory;
                }
                pages++;
            }
            return SystemCallError.None;
        }

        /// <summary>
        /// Takes back, recursively, what was derived from <paramref name="task"/>'s pages in [baseAddress, baseAddress +
        /// 2^sizeLog2): removes every derived mapping (or only its write rights), and the task's own too with <paramref name="includeOwn"/>.
        /// </summary>
        public static SystemCallError Unmap(TaskControlBlock* task, ulong baseAddress, int sizeLog2, bool includeOwn, bool writeOnly)
        {
            bool physical = IsSigma0(task);
            if (sizeLog2 < 12 || sizeLog2 > (physical ? LargestPhysicalSizeLog2 : 47))
            {
                return SystemCallError.InvalidArgument;
            }
            ulong size = 1UL << sizeLog2;
            if ((baseAddress & (size - 1)) != 0 || (!physical && baseAddress + size > UserLayout.UserSpaceEnd))
            {
                return SystemCallError.InvalidArgument;
            }
            uint space = SpaceOf(task);
            MappingRights removed = writeOnly ? MappingRights.Write : MappingRights.All;
            PageTableEffects effects = default;
            ulong end = baseAddress + size;
            for (ulong page = baseAddress; page < end; page += PageSize)
            {
                if (!physical && !task->Space.NextMappedPage(ref page, end))
                {
                    break;
                }
                uint node = s_database.Lookup(space, page);
                if (node != 0)
                {
                    s_database.Unmap(node, includeOwn, removed, ref effects);
                }
            }
            return SystemCallError.None;
        }

        /// <summary>Removes every mapping <paramref name="task"/> holds, and everything derived from them (its end).</summary>
        public static void RemoveAll(TaskControlBlock* task)
        {
            PageTableEffects effects = default;
            uint space = SpaceOf(task);
            if (space == PhysicalSpace)
            {
                return; // sigma0's physical view ends with the machine
            }
            ulong page = 0;
            while (task->Space.NextMappedPage(ref page, UserLayout.UserSpaceEnd))
            {
                uint node = s_database.Lookup(space, page);
                if (node != 0)
                {
                    s_database.Unmap(node, true, MappingRights.All, ref effects);
                }
                page += PageSize;
            }
        }

        /// <summary>How <paramref name="task"/>'s page at <paramref name="address"/> is mapped: rights (0: not by a mapping), bit 8 if others derive from it; the frame in <paramref name="frame"/>.</summary>
        public static long Information(TaskControlBlock* task, ulong address, out ulong frame)
        {
            frame = 0;
            uint node = s_database.Lookup(SpaceOf(task), address & ~(PageSize - 1));
            if (node == 0)
            {
                return 0;
            }
            frame = s_database.FrameOf(node);
            return (long)s_database.RightsOf(node) | (s_database.FirstChildOf(node) != 0 ? 1L << 8 : 0);
        }

        // The next page at or after `offset` in the sender's region that the sender holds through the database: its node,
        // with `offset` moved to it; 0 when there is none. Empty parts of the page tables are skipped whole.
        private static uint NextSenderNode(TaskControlBlock* sender, uint senderSpace, ulong sourceBase, ulong size, ref ulong offset)
        {
            while (true)
            {
                ulong page = sourceBase + offset;
                if (!sender->Space.NextMappedPage(ref page, sourceBase + size))
                {
                    return 0;
                }
                offset = page - sourceBase;
                uint node = s_database.Lookup(senderSpace, page);
                if (node != 0)
                {
                    return node;
                }
                offset += PageSize;
            }
        }

        // Sigma0's root node of a physical frame, made (and a RAM frame zeroed) on its first mapping. 0: no node left.
        private static uint RootOf(ulong frame)
        {
            uint node = s_database.Lookup(PhysicalSpace, frame);
            if (node != 0)
            {
                return node;
            }
            if (s_database.InsertRoot(PhysicalSpace, frame, frame, MappingRights.All, out node) != MappingDatabaseError.None)
            {
                return 0;
            }
            if (Sigma0Memory.Owns(frame))
            {
                Native.ZeroPage(KernelMemory.Window.ToPointer(new PhysicalAddress(frame)));
            }
            return node;
        }

        // True when `node` lies in the subtree of `ancestor` (or is it).
        private static bool IsInSubtree(uint node, uint ancestor)
        {
            while (node != 0)
            {
                if (node == ancestor)
                {
                    return true;
                }
                node = s_database.ParentOf(node);
            }
            return false;
        }

        // Clears the page-table entry of a mapping that leaves the database's view of `task` (grant).
        private static void RemoveEntry(TaskControlBlock* task, ulong page)
        {
            if (task->Space.Unmap(new VirtualAddress(page), out _) == PageTableError.None && Scheduler.IsLoaded(task->Space.Root.Value))
            {
                Native.InvalidatePage(page);
            }
        }

        /// <summary>Keeps page tables in step with the database: entries removed or made read-only, the loaded space's TLB entry invalidated, quotas credited.</summary>
        private struct PageTableEffects : IMappingEffects
        {
            public void Removed(uint space, ulong page, ulong frame)
            {
                if (space == PhysicalSpace)
                {
                    return;
                }
                TaskControlBlock* task = TaskTable.At((int)space - 1);
                RemoveEntry(task, page);
                task->MappingsUsed--;
            }

            public void RightsReduced(uint space, ulong page, ulong frame, MappingRights rights)
            {
                if (space == PhysicalSpace)
                {
                    return;
                }
                TaskControlBlock* task = TaskTable.At((int)space - 1);
                if (task->Space.SetPageFlags(new VirtualAddress(page), PageFlagsOf(rights, frame)) == PageTableError.None && Scheduler.IsLoaded(task->Space.Root.Value))
                {
                    Native.InvalidatePage(page);
                }
            }
        }
    }
}
