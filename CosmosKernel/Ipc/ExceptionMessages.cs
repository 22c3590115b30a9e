using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Console;
using CosmosKernel.Interrupts;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// Faults as messages: a ring-3 CPU exception of a thread with an exception port, which its task's own fault
    /// handler did not take, becomes a call to that port on the thread's behalf (<see cref="FaultMessage"/>: vector,
    /// error code, CR2, ids and every register, in the thread's message registers). The thread waits, still inside
    /// its trap, for the handler's reply: resume (with new registers if the reply carries them) or end the thread;
    /// anything else, or the handler going away, ends the task as a fault without a handler does.
    /// </summary>
    internal static unsafe class ExceptionMessages
    {
        // The rflags bits a handler may set: carry, parity, adjust, zero, sign, trap, direction and overflow.
        private const ulong UserWritableFlags = 0x0DD5;

        /// <summary>Delivers the fault and waits for the answer. True: the thread resumes (the frame may have changed); false: end the task.</summary>
        public static bool Deliver(TrapFrame* frame)
        {
            ThreadControlBlock* thread = Scheduler.Current;
            if (!CapabilitySpace.IsLive(thread->ExceptionPort))
            {
                return false;
            }
            Utcb* utcb = MessageTransfer.UtcbOf(thread);
            ulong* words = utcb->MessageRegisters;
            words[FaultMessage.VectorWord] = frame->Vector;
            words[FaultMessage.ErrorCodeWord] = frame->ErrorCode;
            words[FaultMessage.AddressWord] = frame->Vector == CpuException.PageFault ? frame->Cr2 : 0;
            words[FaultMessage.ThreadIdWord] = thread->Id.Value;
            words[FaultMessage.TaskIdWord] = thread->Task.Value;
            UserRegisterState.CopyFrom(frame, (UserRegisters*)(words + FaultMessage.RegistersWord));
            MessageTag.TryCreate(FaultMessage.Label, FaultMessage.WordCount, 0, MessageTagFlags.None, out MessageTag tag);

            long result = IpcOperations.SendToPort(thread->ExceptionPort, tag, true, IpcTimeout.Infinite);
            if (result != (long)IpcStatus.Message)
            {
                return false;
            }
            MessageTag.TryDecode(thread->IpcTag, out MessageTag reply);
            if (reply.Label == FaultMessage.ResumeLabel)
            {
                if (reply.UntypedCount >= FaultMessage.WordCount)
                {
                    Apply((UserRegisters*)(words + FaultMessage.RegistersWord), frame);
                }
                utcb->Fault.Pending = 0;
                return true;
            }
            if (reply.Label == FaultMessage.EndThreadLabel)
            {
                KernelLog.Info("fault").Text("thread ").Identifier(thread->Id.Slot, thread->Id.Version).Text(": ")
                    .Text(CpuException.NameOf(frame->Vector)).Text(" at ").Hex(frame->Rip).Text("; its exception handler ended it").End();
                TaskLifecycle.ExitCurrentThread(-(long)(frame->Vector + 1));
            }
            return false;
        }

        // The handler's registers, except what would leave ring 3 or turn interrupts off.
        private static void Apply(UserRegisters* registers, TrapFrame* frame)
        {
            if (registers->Rip < UserLayout.MappableEnd)
            {
                frame->Rip = registers->Rip;
            }
            frame->Rsp = registers->Rsp;
            frame->Rflags = (frame->Rflags & ~UserWritableFlags) | (registers->Rflags & UserWritableFlags);
            frame->Rax = registers->Rax;
            frame->Rbx = registers->Rbx;
            frame->Rcx = registers->Rcx;
            frame->Rdx = registers->Rdx;
            frame->Rsi = registers->Rsi;
            frame->Rdi = registers->Rdi;
            frame->Rbp = registers->Rbp;
            frame->R8 = registers->R8;
            frame->R9 = registers->R9;
            frame->R10 = registers->R10;
            frame->R11 = registers->R11;
            frame->R12 = registers->R12;
            frame->R13 = registers->R13;
            frame->R14 = registers->R14;
            frame->R15 = registers->R15;
        }
    }
}
