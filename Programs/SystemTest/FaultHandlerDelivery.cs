using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "faulthandler": installs its own fault handler (TaskSetFaultHandler) and reads address 0x8. The kernel must resume
    /// the thread in the handler with the UTCB fault record filled in (vector 14, address 0x8, the faulting rip and rsp); the
    /// handler prints it and then faults again without clearing Pending, which must end the task with the kernel's report.
    /// </summary>
    internal static unsafe class FaultHandlerDelivery
    {
        private const ulong NullFieldAddress = 0x8;
        private const ulong SecondFaultAddress = 0x10;

        private static ulong s_address = NullFieldAddress; // a static, so the compiler cannot see the load is a null dereference
        private static ulong s_stackPointer;

        public static int Run()
        {
            delegate*<FaultRecord*, void> handler = &Handle;
            ulong previous = Kernel.SetFaultHandler((ulong)handler);
            ulong marker;
            s_stackPointer = (ulong)&marker;
            Output.Line("faulthandler: previous handler 0x" + previous.ToString("x") + ", reading 0x" + s_address.ToString("x"));
            ulong value = *(ulong*)s_address;
            Output.Line("faulthandler: FAILED, read 0x" + value.ToString("x"));
            return 1;
        }

        private static void Handle(FaultRecord* fault)
        {
            Utcb* utcb = Kernel.CurrentUtcb;
            bool inUtcb = fault == &utcb->Fault;
            // The faulting rsp is in Run's frame: below the local whose address Run took, and not far.
            bool stackPlausible = fault->Registers.Rsp < s_stackPointer && s_stackPointer - fault->Registers.Rsp < 4096;
            Output.Line("faulthandler: vector " + fault->Vector.ToString() + ", error code 0x" + fault->ErrorCode.ToString("x")
                + ", address 0x" + fault->Address.ToString("x") + ", pending " + fault->Pending.ToString()
                + ", record " + (inUtcb ? "in the UTCB" : "elsewhere") + ", rip 0x" + fault->Registers.Rip.ToString("x")
                + ", rsp " + (stackPlausible ? "in the faulting frame" : "0x" + fault->Registers.Rsp.ToString("x")));
            // A fault while the record is still pending ends the task.
            *(ulong*)SecondFaultAddress = 1;
            Output.Line("faulthandler: FAILED, survived a fault inside the handler");
            Kernel.ExitTask(1);
        }
    }
}
