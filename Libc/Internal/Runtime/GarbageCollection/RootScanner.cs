using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Api;

namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The roots of a ring-3 program, all scanned conservatively: its static data (.data and .bss, where ilc keeps the GC
    /// static bases and the runtime its own pointers), and the stack and registers of every one of its threads. The
    /// other threads are stopped (Kernel.SuspendOtherThreads) from before marking until after it; the collecting
    /// thread's own callee-saved registers are pushed onto its stack (Native/collector_registers.asm) before its stack
    /// is scanned. Runs with the heap lock held, so nothing here may allocate.
    /// </summary>
    internal static unsafe class RootScanner
    {
        /// <summary>Threads a collection can stop; more is a fatal error (the kernel refuses with LimitReached).</summary>
        public const int ThreadCapacity = 256;

        /// <summary>Below a stopped thread's stack pointer: the System V red zone a leaf function may use without moving rsp.</summary>
        private const ulong RedZoneBytes = 128;

        /// <summary>A stack larger than this (from the scanned stack pointer to its top) means a bad record.</summary>
        private const ulong LargestStack = 1UL << 30;

        private static SuspendedThread* s_threads;
        private static int s_threadCount;
        private static bool s_otherThreadsStopped;

        // Two words, the start and end of the program's static data (Native/collector_registers.asm), taken as an address.
        [RuntimeImport("libc_collector_static_roots")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void StaticRootBounds();

        [RuntimeImport("libc_collector_call_with_registers_spilled")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void CallWithRegistersSpilled(delegate*<void*, ulong, void> callback, void* context);

        private static nuint* StaticRoots => (nuint*)(delegate*<void>)&StaticRootBounds;

        /// <summary>The program image up to the end of its static data, where every MethodTable lies.</summary>
        public static nuint ImageStart => (nuint)UserLayout.ProgramBase;

        public static nuint ImageEnd => StaticRoots[1];

        /// <summary>Takes the record buffer (raw memory, never collected). Called once, before the first collection.</summary>
        public static void Initialize(SuspendedThread* records)
        {
            s_threads = records;
        }

        /// <summary>
        /// Stops every other thread of the program and records where their stacks and registers are. A kernel without
        /// the call (UnknownCall) leaves the program single-threaded as far as the collector knows.
        /// </summary>
        public static void StopOtherThreads()
        {
            long count = Kernel.SuspendOtherThreads(s_threads, ThreadCapacity);
            if (count == (long)SystemCallError.UnknownCall)
            {
                s_threadCount = 0;
                s_otherThreadsStopped = false;
                return;
            }
            if (count == (long)SystemCallError.LimitReached)
            {
                FatalError.Fail("garbage collector: the program has more threads than a collection can stop (256)");
            }
            if (count < 0)
            {
                FatalError.Fail("garbage collector: the kernel refused to stop the program's other threads");
            }
            s_threadCount = (int)count;
            s_otherThreadsStopped = true;
        }

        public static void ResumeOtherThreads()
        {
            if (s_otherThreadsStopped)
            {
                Kernel.ResumeOtherThreads();
                s_otherThreadsStopped = false;
            }
        }

        /// <summary>Offers every root to <paramref name="marker"/> (the other threads must be stopped).</summary>
        public static void MarkRoots(ObjectMarker* marker)
        {
            marker->MarkRange((nuint*)StaticRoots[0], (nuint*)StaticRoots[1]);
            bool ownStackScanned = false;
            for (int i = 0; i < s_threadCount; i++)
            {
                SuspendedThread* thread = s_threads + i;
                if ((thread->Flags & SuspendedThread.SelfFlag) != 0)
                {
                    s_ownStackTop = thread->StackTop;
                    CallWithRegistersSpilled(&MarkOwnStack, marker);
                    ownStackScanned = true;
                }
                else if ((thread->Flags & SuspendedThread.HasRegistersFlag) != 0)
                {
                    MarkStoppedThread(marker, thread);
                }
            }
            if (!ownStackScanned)
            {
                // Without the kernel's thread records: only the first thread's stack is known (ProgramStartInfo).
                s_ownStackTop = ProgramStartup.StartInfo->StackTop;
                s_ownStackBottom = s_ownStackTop - ProgramStartup.StartInfo->StackSize;
                CallWithRegistersSpilled(&MarkOwnStack, marker);
                s_ownStackBottom = 0;
            }
        }

        private static ulong s_ownStackTop;
        private static ulong s_ownStackBottom;

        private static void MarkOwnStack(void* context, ulong stackPointer)
        {
            if (s_ownStackBottom != 0 && stackPointer < s_ownStackBottom)
            {
                FatalError.Fail("garbage collector: a collection on a thread other than the first needs the kernel's thread suspension");
            }
            MarkStack((ObjectMarker*)context, stackPointer, s_ownStackTop);
        }

        private static void MarkStoppedThread(ObjectMarker* marker, SuspendedThread* thread)
        {
            UserRegisters* registers = &thread->Registers;
            marker->MarkRange((nuint*)registers, (nuint*)(registers + 1));
            MarkStack(marker, registers->Rsp - RedZoneBytes, thread->StackTop);
        }

        private static void MarkStack(ObjectMarker* marker, ulong stackPointer, ulong stackTop)
        {
            ulong start = stackPointer & ~7UL;
            if (stackTop < start || stackTop - start > LargestStack)
            {
                FatalError.Fail("garbage collector: a thread's stack pointer is not below its stack top");
            }
            marker->MarkRange((nuint*)start, (nuint*)(stackTop & ~7UL));
        }
    }
}
