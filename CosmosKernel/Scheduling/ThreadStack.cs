using System.Runtime.InteropServices;
using CosmosKernel.Interrupts;
using CosmosKernel.Memory;

namespace CosmosKernel.Scheduling
{
    /// <summary>
    /// A thread's kernel stack block: <see cref="BlockSize"/> bytes of physically contiguous frames reached
    /// through the direct map, the <see cref="ThreadControlBlock"/> at the top and the stack growing down from
    /// just below it, so a system call touches one page for both (every page counts after an address-space
    /// switch: under QEMU it flushes the whole software TLB). A canary word at the bottom of the block shows a
    /// stack that ran out; it is checked on timer ticks and when the thread is freed. Also lays out the first frames a new user thread's stack needs, so that the first
    /// switch to it "returns" into user_thread_first_entry (Interrupts/trap_entry.asm) and from there to ring 3.
    /// </summary>
    internal static unsafe class ThreadStack
    {
        public const ulong BlockSize = 16 * 1024;
        private const ulong FrameCount = BlockSize / FrameAllocator.FrameSize;
        private const ulong UserFlags = 0x202; // IF set (and the always-one bit 1)
        private const int CalleeSavedRegisters = 6; // what native_switch_stacks pops: r15 r14 r13 r12 rbx rbp

        /// <summary>Allocates a zeroed block and returns its control block (canary set, stack top recorded), or null when memory is exhausted.</summary>
        public static ThreadControlBlock* Allocate()
        {
            FrameResult frames = KernelMemory.Frames.AllocateContiguous(FrameCount);
            if (!frames.Succeeded)
            {
                return null;
            }
            byte* block = KernelMemory.Window.ToPointer(frames.Address);
            NativeMemory.Clear(block, (nuint)BlockSize);
            ulong controlBlock = ((ulong)block + BlockSize - (ulong)sizeof(ThreadControlBlock)) & ~15UL;
            ThreadControlBlock* thread = (ThreadControlBlock*)controlBlock;
            thread->StackBlock = frames.Address;
            thread->KernelStackTop = controlBlock;
            thread->StackBottom = (ulong*)block;
            *thread->StackBottom = ThreadControlBlock.CanaryValue;
            return thread;
        }

        public static void Free(ThreadControlBlock* thread)
        {
            PhysicalAddress block = thread->StackBlock;
            KernelMemory.Frames.FreeContiguous(block, FrameCount);
        }

        /// <summary>
        /// Prepares the stack of a thread that has never run so that switching to it enters ring 3 at
        /// <paramref name="instructionPointer"/> with <paramref name="stackPointer"/>, rdi = <paramref name="argument"/>
        /// and rsi = its UTCB address.
        /// </summary>
        public static void PrepareUserEntry(ThreadControlBlock* thread, ulong entryTrampoline, ulong instructionPointer, ulong stackPointer, ulong argument)
        {
            ulong* top = (ulong*)thread->KernelStackTop;
            *--top = GlobalDescriptorTable.UserDataSelector;   // ss
            *--top = stackPointer;                             // rsp
            *--top = UserFlags;                                // rflags
            *--top = GlobalDescriptorTable.UserCodeSelector;   // cs
            *--top = instructionPointer;                       // rip
            *--top = thread->UtcbAddress;                      // popped into rsi
            *--top = argument;                                 // popped into rdi
            *--top = entryTrampoline;                          // native_switch_stacks returns here
            for (int i = 0; i < CalleeSavedRegisters; i++)
            {
                *--top = 0;
            }
            thread->SavedStackPointer = (ulong)top;
            thread->LastUserEntry = UserEntry.FirstEntry;
            thread->UserStackTop = stackPointer;
        }
    }
}
