using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "quota" (run=pagertest:quota+spawn): mapping quotas. pagertest creates a child task (never started), limits it to
    /// <see cref="MappingLimit"/> mappings (TaskSetMemoryQuota) and maps its own heap pages into it one by one until the kernel
    /// refuses: exactly <see cref="MappingLimit"/> must arrive, the next map is QuotaExceeded. A second child whose page-table
    /// limit is what it already uses gets QuotaExceeded at its first map. Raising a quota above pagertest's own is
    /// PermissionDenied. The system goes on (pagertest kills both children and ends normally).
    /// </summary>
    internal static unsafe class QuotaScenario
    {
        public const ulong MappingLimit = 8;
        private const ulong PageTableLimit = 16;
        private const int PoolPages = 32;

        public static int Run()
        {
            const string Mode = "quota";
            PagePool pool = PagePool.FromHeap(PoolPages);
            long first = CreateChild("quota-mappings");
            long second = CreateChild("quota-tables");
            if (first < 0 || second < 0)
            {
                return Output.Verdict(Mode, "task create: " + Output.Error(first < 0 ? first : second));
            }
            string failure = null;
            SystemCallError error = AddressSpace.SetMemoryQuota((ulong)first, MappingLimit, PageTableLimit);
            if (error != SystemCallError.None)
            {
                failure = "setting the quota: " + Output.Error((long)error);
            }
            int mapped = 0;
            long refusal = 0;
            for (int page = 0; failure == null && page < PoolPages; page++)
            {
                ulong source = pool.Take();
                Flexpage.TryCreate(source, Flexpage.MinimumSizeLog2, FlexpageRights.Read | FlexpageRights.Write, out Flexpage flexpage);
                long result = AddressSpace.Map((ulong)first, flexpage, Regions.ChildDestination + (ulong)page * UserLayout.PageSize);
                if (result != 1)
                {
                    refusal = result;
                    break;
                }
                mapped++;
            }
            Output.Line(Mode + ": mapped " + mapped.ToString() + " pages into a task limited to " + MappingLimit.ToString() + " mappings; the next: " + Output.Error(refusal));
            MemoryUse.Print((ulong)first, Mode + ": that task");
            if (failure == null && ((ulong)mapped != MappingLimit || refusal != (long)SystemCallError.QuotaExceeded))
            {
                failure = "expected " + MappingLimit.ToString() + " pages, then quota exceeded";
            }

            TaskMemoryInformation tables;
            AddressSpace.QueryMemory((ulong)second, &tables);
            error = AddressSpace.SetMemoryQuota((ulong)second, MappingLimit, tables.PageTablesUsed);
            Flexpage.TryCreate(pool.Base, Flexpage.MinimumSizeLog2, FlexpageRights.Read, out Flexpage one);
            long tableRefusal = error == SystemCallError.None ? AddressSpace.Map((ulong)second, one, Regions.ChildDestination) : (long)error;
            Output.Line(Mode + ": a task limited to the " + tables.PageTablesUsed.ToString() + " page tables it has: first map " + Output.Error(tableRefusal));
            if (failure == null && tableRefusal != (long)SystemCallError.QuotaExceeded)
            {
                failure = "a map needing a page table above the limit was not refused with quota exceeded";
            }

            long raised = (long)AddressSpace.SetMemoryQuota((ulong)first, ulong.MaxValue, ulong.MaxValue);
            MemoryUse.Print(0, Mode + ": pagertest");
            Output.Line(Mode + ": raising a quota above pagertest's own: " + Output.Error(raised));
            if (failure == null && raised != (long)SystemCallError.PermissionDenied && !OwnQuotaIsUnlimited())
            {
                failure = "a quota above the caller's own was not refused";
            }
            Kernel.KillTask((ulong)first);
            Kernel.KillTask((ulong)second);
            Kernel.WaitTask((ulong)first, Spawning.WaitBound, out _);
            Kernel.WaitTask((ulong)second, Spawning.WaitBound, out _);
            return Output.Verdict(Mode, failure);
        }

        private static bool OwnQuotaIsUnlimited()
        {
            TaskMemoryInformation own;
            AddressSpace.QueryMemory(0, &own);
            return own.MappingLimit == ulong.MaxValue && own.PageTableLimit == ulong.MaxValue;
        }

        private static long CreateChild(string name)
        {
            byte* bytes = stackalloc byte[32];
            for (int i = 0; i < name.Length; i++)
            {
                bytes[i] = (byte)name[i];
            }
            return Kernel.CreateTask(bytes, name.Length, 10, 10, out _);
        }
    }
}
