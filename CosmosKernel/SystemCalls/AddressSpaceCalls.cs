using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;
using CosmosKernel.Capabilities;
using CosmosKernel.Ipc;
using CosmosKernel.Memory;
using CosmosKernel.Tasks;

namespace CosmosKernel.SystemCalls
{
    /// <summary>
    /// System calls 46-52: map and unmap, pagers, quotas, and what sigma0 and tests need to see (docs/ARCHITECTURE.md,
    /// section 6). The work is in Memory/Mappings.cs.
    /// </summary>
    internal static unsafe class AddressSpaceCalls
    {
        /// <summary>MemoryMap(task, source flexpage, destination, flags) -> pages mapped. The caller's pages into a task it controls.</summary>
        public static long Map(ulong taskId, ulong sourceWord, ulong destination, ulong flags)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            if ((flags & ~(ulong)MemoryMapFlags.Grant) != 0 || Flexpage.TryDecode(sourceWord, out Flexpage source) != MessageError.None)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            error = Mappings.Map(SystemCallDispatcher.CurrentTask, source.BaseAddress, source.SizeLog2, Mappings.RightsOf(source.Rights), task, destination,
                (flags & (ulong)MemoryMapFlags.Grant) != 0, out ulong pages);
            return error != SystemCallError.None ? (long)error : (long)pages;
        }

        /// <summary>MemoryUnmap(flexpage, flags) -> 0. Recursively takes back what was derived from the caller's pages.</summary>
        public static long Unmap(ulong pagesWord, ulong flags)
        {
            const ulong Known = (ulong)(MemoryUnmapFlags.IncludeOwn | MemoryUnmapFlags.WriteOnly);
            if ((flags & ~Known) != 0 || Flexpage.TryDecode(pagesWord & ~Flexpage.RightsMask, out Flexpage pages) != MessageError.None)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            return (long)Mappings.Unmap(SystemCallDispatcher.CurrentTask, pages.BaseAddress, pages.SizeLog2,
                (flags & (ulong)MemoryUnmapFlags.IncludeOwn) != 0, (flags & (ulong)MemoryUnmapFlags.WriteOnly) != 0);
        }

        /// <summary>TaskSetPager(task, port slot or 0) -> 0. The task's page faults go to that port, with the capability's badge.</summary>
        public static long SetPager(ulong taskId, ulong portSlot)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            Capability port = Capability.Empty;
            if (portSlot != 0)
            {
                error = CapabilitySpace.Lookup(SystemCallDispatcher.CurrentTask, portSlot, CapabilityKind.Port, CapabilityRights.Send, out port);
                if (error != SystemCallError.None)
                {
                    return (long)error;
                }
            }
            task->Pager = port;
            return 0;
        }

        /// <summary>TaskSetMemoryQuota(task, mapping limit, page-table limit) -> 0. Neither above the caller's own limit.</summary>
        public static long SetQuota(ulong taskId, ulong mappingLimit, ulong pageTableLimit)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            TaskControlBlock* caller = SystemCallDispatcher.CurrentTask;
            if (mappingLimit > caller->MappingLimit || pageTableLimit > caller->PageTableLimit)
            {
                return (long)SystemCallError.PermissionDenied;
            }
            task->MappingLimit = mappingLimit;
            task->PageTableLimit = pageTableLimit;
            return 0;
        }

        /// <summary>TaskMemoryInformation(task, buffer) -> 0. The task's quota and use, as a <see cref="TaskMemoryInformation"/>.</summary>
        public static long Information(ulong taskId, ulong buffer)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            TaskMemoryInformation information;
            information.MappingsUsed = task->MappingsUsed;
            information.MappingLimit = task->MappingLimit;
            information.PageTablesUsed = task->Space.TableCount;
            information.PageTableLimit = task->PageTableLimit;
            TaskControlBlock* caller = SystemCallDispatcher.CurrentTask;
            return (long)UserMemory.CopyTo(in caller->Space, buffer, (byte*)&information, (ulong)sizeof(TaskMemoryInformation), UserMemory.Access.Write);
        }

        /// <summary>PhysicalMemoryRanges(buffer, capacity) -> how many ranges sigma0 owns (at most capacity written). Sigma0 only.</summary>
        public static long PhysicalRanges(ulong buffer, ulong capacity)
        {
            TaskControlBlock* caller = SystemCallDispatcher.CurrentTask;
            if (!Mappings.IsSigma0(caller))
            {
                return (long)SystemCallError.PermissionDenied;
            }
            long count = 0;
            ulong cursor = 0;
            while (Sigma0Memory.NextRange(ref cursor, out ulong baseAddress, out ulong length))
            {
                if ((ulong)count < capacity)
                {
                    PhysicalMemoryRange range;
                    range.Base = baseAddress;
                    range.Length = length;
                    SystemCallError error = UserMemory.CopyTo(in caller->Space, buffer + (ulong)count * (ulong)sizeof(PhysicalMemoryRange), (byte*)&range,
                        (ulong)sizeof(PhysicalMemoryRange), UserMemory.Access.Write);
                    if (error != SystemCallError.None)
                    {
                        return (long)error;
                    }
                }
                count++;
            }
            return count;
        }

        /// <summary>MemoryMappingInformation(address) -> rights | 256 if derived mappings exist (0: not mapped by a mapping); the frame in rdx.</summary>
        public static long MappingInformation(ulong address, ulong* frame) => Mappings.Information(SystemCallDispatcher.CurrentTask, address, out *frame);
    }
}
