using Cosmos.Api;
using CosmosKernel.Interrupts;
using CosmosKernel.Scheduling;
using CosmosKernel.SystemCalls;

namespace CosmosKernel.Tasks
{
    /// <summary>
    /// The ring-3 registers of a thread that is off the CPU. They sit at the top of its kernel stack (KernelStackTop, which
    /// is also TSS.rsp0 while it runs) in the layout of its last way into the kernel (<see cref="UserEntry"/>): a TrapFrame
    /// after an interrupt or exception, a SystemCallFrame after `syscall`, the first-entry frame before its first run.
    /// </summary>
    internal static unsafe class UserRegisterState
    {
        /// <summary>Copies the thread's user registers to <paramref name="registers"/>; returns SuspendedThread flags (0: it never ran in ring 3).</summary>
        public static ulong Read(ThreadControlBlock* thread, UserRegisters* registers)
        {
            *registers = default;
            switch (thread->LastUserEntry)
            {
                case UserEntry.Interrupt:
                    CopyFrom((TrapFrame*)(thread->KernelStackTop - (ulong)sizeof(TrapFrame)), registers);
                    return SuspendedThread.HasRegistersFlag;
                case UserEntry.SystemCall:
                    CopyFrom((SystemCallFrame*)(thread->KernelStackTop - (ulong)sizeof(SystemCallFrame)), registers);
                    return SuspendedThread.HasRegistersFlag | SuspendedThread.InSystemCallFlag;
                case UserEntry.FirstEntry:
                    ReadFirstEntry(thread, registers);
                    return SuspendedThread.HasRegistersFlag;
                default:
                    return 0;
            }
        }

        /// <summary>Copies an interrupted thread's registers (every general-purpose register is the user's).</summary>
        public static void CopyFrom(TrapFrame* frame, UserRegisters* registers)
        {
            registers->Rip = frame->Rip;
            registers->Rsp = frame->Rsp;
            registers->Rflags = frame->Rflags;
            registers->Rax = frame->Rax;
            registers->Rbx = frame->Rbx;
            registers->Rcx = frame->Rcx;
            registers->Rdx = frame->Rdx;
            registers->Rsi = frame->Rsi;
            registers->Rdi = frame->Rdi;
            registers->Rbp = frame->Rbp;
            registers->R8 = frame->R8;
            registers->R9 = frame->R9;
            registers->R10 = frame->R10;
            registers->R11 = frame->R11;
            registers->R12 = frame->R12;
            registers->R13 = frame->R13;
            registers->R14 = frame->R14;
            registers->R15 = frame->R15;
        }

        // A thread in a system call: rcx and r11 were overwritten by `syscall` itself (they hold rip and rflags), and the
        // other caller-saved registers are the call's arguments; only the callee-saved ones can hold the program's values.
        private static void CopyFrom(SystemCallFrame* frame, UserRegisters* registers)
        {
            registers->Rip = frame->Rip;
            registers->Rsp = frame->Rsp;
            registers->Rflags = frame->Rflags;
            registers->Rbx = frame->Rbx;
            registers->Rbp = frame->Rbp;
            registers->R12 = frame->R12;
            registers->R13 = frame->R13;
            registers->R14 = frame->R14;
            registers->R15 = frame->R15;
        }

        // The frame ThreadStack.PrepareUserEntry built: from the top down ss, rsp, rflags, cs, rip, then rsi and rdi.
        private static void ReadFirstEntry(ThreadControlBlock* thread, UserRegisters* registers)
        {
            ulong* top = (ulong*)thread->KernelStackTop;
            registers->Rsp = top[-2];
            registers->Rflags = top[-3];
            registers->Rip = top[-5];
            registers->Rsi = top[-6];
            registers->Rdi = top[-7];
        }
    }
}
