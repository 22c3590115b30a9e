using System.Numerics;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "kernelheap [CALLS]": makes CALLS system calls of every kind (default 100000: null, yield, uptime, information
    /// queries, memory map and unmap (four of systest's own heap pages mapped at a scratch address and unmapped), thread create/start/exit, task create and kill, suspend and resume, port and notification
    /// create, copy, send, signal, wait and delete, bad numbers and bad pointers) and prints the kernel heap's bytes in use and allocation count before and after. The kernel
    /// allocates its objects from typed pools, never from its managed heap after boot, so both must be unchanged.
    /// </summary>
    internal static unsafe class KernelHeapSteadiness
    {
        private const byte WorkerPriority = 150;
        private const ulong ScratchAddress = 0x3000_0000;

        private const ulong ScratchLength = 4 * UserLayout.PageSize;

        private static byte[] s_stack;
        private static byte[] s_scratchStorage;
        private static int s_ran;

        public static int Run(string[] arguments)
        {
            int calls = Output.Number(arguments, 2, 100000);
            s_stack = new byte[16 * 1024];
            ulong stackTop = Kernel.StackTopOf(s_stack);
            Flexpage scratch = ScratchPages();
            Flexpage.TryCreate(ScratchAddress, scratch.SizeLog2, FlexpageRights.None, out Flexpage scratchMapping);
            SuspendedThread* records = stackalloc SuspendedThread[4];
            ThreadInformation thread;
            TaskInformation task;
            byte* name = stackalloc byte[4];
            name[0] = (byte)'k';
            name[1] = (byte)'h';
            // Warm-up: the first thread and task create the page tables that hold UTCBs and task structures.
            RunThread(stackTop);
            ulong bytesBefore = Kernel.KernelHeapBytes(out ulong allocationsBefore);
            int made = 0;
            for (int i = 0; made < calls; i++)
            {
                switch (i % 16)
                {
                    case 0: Kernel.Null(); made++; break;
                    case 1: Kernel.Yield(); made++; break;
                    case 2: Kernel.Uptime(); made++; break;
                    case 3: Kernel.ThreadSelf(out _); made++; break;
                    case 4: Kernel.QueryThread(0, &thread); made++; break;
                    case 5: Kernel.QueryTask(0, &task); made++; break;
                    case 6: Kernel.FreeFrames(out _); made++; break;
                    case 7: SystemCall.Invoke((SystemCallNumber)999); made++; break;
                    case 8: Kernel.QueryThread(0, (ThreadInformation*)0x10); made++; break;
                    case 9: Kernel.SuspendOtherThreads(records, 4); Kernel.ResumeOtherThreads(); made += 2; break;
                    case 10:
                        if (i % 160 == 10)
                        {
                            AddressSpace.Map(0, scratch, ScratchAddress);
                            AddressSpace.Unmap(scratchMapping, MemoryUnmapFlags.IncludeOwn);
                            made += 2;
                        }
                        break;
                    case 11:
                        if (i % 1600 == 11)
                        {
                            made += RunThread(stackTop);
                        }
                        break;
                    case 12:
                        if (i % 16000 == 12)
                        {
                            long child = Kernel.CreateTask(name, 2, 10, 10, out _);
                            if (child > 0)
                            {
                                Kernel.KillTask((ulong)child);
                                Kernel.WaitTask((ulong)child, 0, out _);
                            }
                            made += 3;
                        }
                        break;
                    case 13:
                    {
                        long port = SystemCall.Invoke(SystemCallNumber.PortCreate);
                        long sendRight = SystemCall.Invoke(SystemCallNumber.CapabilityCopy, port, 0, 2, i + 1);
                        SystemCall.Invoke(SystemCallNumber.IpcSend, sendRight, 0, 0); // nobody receives: TimedOut
                        SystemCall.Invoke(SystemCallNumber.CapabilityDelete, sendRight);
                        SystemCall.Invoke(SystemCallNumber.CapabilityDelete, port); // the last receive right: the port dies
                        made += 5;
                    }
                    break;
                    case 14:
                    {
                        long notification = SystemCall.Invoke(SystemCallNumber.NotificationCreate);
                        SystemCall.Invoke(SystemCallNumber.NotificationSignal, notification, 5);
                        SystemCall.Invoke(SystemCallNumber.NotificationWait, notification, 0, 0);
                        SystemCall.Invoke(SystemCallNumber.CapabilityDelete, notification);
                        made += 4;
                    }
                    break;
                    default: Kernel.Information->Magic.GetHashCode(); Kernel.Null(); made++; break;
                }
            }
            Kernel.Yield(); // the last thread is freed by the next switch
            ulong bytesAfter = Kernel.KernelHeapBytes(out ulong allocationsAfter);
            Output.Line("kernelheap: calls " + made.ToString() + ", threads run " + s_ran.ToString()
                + ", heap bytes before " + bytesBefore.ToString() + " after " + bytesAfter.ToString()
                + ", allocations before " + allocationsBefore.ToString() + " after " + allocationsAfter.ToString());
            return bytesBefore == bytesAfter && allocationsBefore == allocationsAfter ? 0 : 1;
        }

        // ScratchLength bytes of systest's heap, aligned to their size and each page written once (so mapped, writable,
        // before they are mapped on), as one flexpage with read and write.
        private static Flexpage ScratchPages()
        {
            s_scratchStorage = new byte[(int)(2 * ScratchLength)];
            fixed (byte* storage = s_scratchStorage)
            {
                ulong start = ((ulong)storage + ScratchLength - 1) & ~(ScratchLength - 1);
                for (ulong page = start; page < start + ScratchLength; page += UserLayout.PageSize)
                {
                    *(byte*)page = 1;
                }
                Flexpage.TryCreate(start, BitOperations.Log2(ScratchLength), FlexpageRights.Read | FlexpageRights.Write, out Flexpage pages);
                return pages;
            }
        }

        // Creates and starts a thread above this one's priority, so it runs to its exit at once: three calls.
        private static int RunThread(ulong stackTop)
        {
            long thread = Kernel.CreateThread(0, WorkerPriority);
            if (thread >= 0)
            {
                delegate*<ulong, ulong, void> entry = &Worker;
                Kernel.StartThread((ulong)thread, (ulong)entry, stackTop, 0);
            }
            return 3;
        }

        private static void Worker(ulong argument, ulong utcb)
        {
            s_ran++;
            Kernel.ExitThread(0);
        }
    }
}
