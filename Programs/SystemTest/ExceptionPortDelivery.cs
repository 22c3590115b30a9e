using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "exceptionport": faults as messages. The main thread and a worker name a port of the task as their exception port;
    /// a handler thread receives on it. The main thread executes ud2 (after the runtime's own fault handler declines it):
    /// the handler checks the FaultMessage (label, vector 6, rip, thread id) and resumes the thread past the instruction
    /// with new registers. The worker executes ud2 too and the handler ends it: it never runs on, and the task does.
    /// </summary>
    internal static unsafe class ExceptionPortDelivery
    {
        private const ulong CodePage = 0x0000007100000000;
        private const ulong InvalidOpcodeLength = 2;

        private static byte[] s_handlerStack;
        private static byte[] s_workerStack;
        private static long s_port;
        private static ulong s_mainThread;
        private static ulong s_workerThread;
        private static volatile int s_workerRanOn;
        private static volatile int s_resumed;
        private static volatile int s_ended;
        private static volatile int s_wrong;

        public static int Run()
        {
            s_port = SystemCall.Invoke(SystemCallNumber.PortCreate);
            SystemCallError placed = HandStartedThreads.PlaceCode(0, CodePage, HandCode.InvalidOpcode);
            if (s_port <= 0 || placed != SystemCallError.None)
            {
                Output.Line("exceptionport: setup failed: " + Kernel.DescribeError(s_port) + ", " + Kernel.DescribeError((long)placed));
                return 1;
            }
            s_mainThread = Kernel.ThreadSelf(out _);
            long self = SystemCall.Invoke(SystemCallNumber.ThreadSetExceptionPort, 0, s_port);
            long refused = SystemCall.Invoke(SystemCallNumber.ThreadSetExceptionPort, 0, 200);

            s_handlerStack = new byte[16 * 1024];
            long handler = Kernel.CreateThread(0, 100);
            delegate*<ulong, ulong, void> handlerEntry = &Handle;
            Kernel.StartThread((ulong)handler, (ulong)handlerEntry, Kernel.StackTopOf(s_handlerStack), 0);

            ((delegate*<void>)CodePage)();
            Output.Line("exceptionport: main thread resumed past ud2");

            s_workerStack = new byte[16 * 1024];
            long worker = Kernel.CreateThread(0, 100);
            s_workerThread = (ulong)worker;
            long workerPort = SystemCall.Invoke(SystemCallNumber.ThreadSetExceptionPort, worker, s_port);
            delegate*<ulong, ulong, void> workerEntry = &Work;
            Kernel.StartThread((ulong)worker, (ulong)workerEntry, Kernel.StackTopOf(s_workerStack), 0);
            Kernel.Sleep(50_000_000);

            Output.Line("exceptionport: set " + Kernel.DescribeError(self) + ", empty slot " + Kernel.DescribeError(refused) + ", worker set "
                + Kernel.DescribeError(workerPort) + "; resumed " + s_resumed.ToString() + ", ended " + s_ended.ToString() + ", worker ran on "
                + s_workerRanOn.ToString() + ", wrong messages " + s_wrong.ToString());
            bool ok = self == 0 && refused == (long)SystemCallError.EmptySlot && workerPort == 0 && s_resumed == 1 && s_ended == 1 && s_workerRanOn == 0 && s_wrong == 0;
            Output.Line(ok ? "exceptionport: passed" : "exceptionport: FAILED");
            return ok ? 0 : 1;
        }

        private static void Work(ulong argument, ulong utcb)
        {
            ((delegate*<void>)CodePage)();
            s_workerRanOn = 1;
            Kernel.ExitThread(0);
        }

        // Answers two fault messages: the main thread's is resumed past the ud2, the worker's thread is ended.
        private static void Handle(ulong argument, ulong utcbAddress)
        {
            Utcb* utcb = (Utcb*)utcbAddress;
            for (int answered = 0; answered < 2; answered++)
            {
                long status = SystemCall.Invoke(SystemCallNumber.IpcReceive, s_port, 0, -1);
                ulong* words = utcb->MessageRegisters;
                UserRegisters* registers = (UserRegisters*)(words + FaultMessage.RegistersWord);
                ulong tag = utcb->MessageRegisters[0]; // overwritten below; the tag itself is checked through the words
                bool wellFormed = status == 0 && words[FaultMessage.VectorWord] == 6 && registers->Rip == CodePage;
                if (!wellFormed)
                {
                    s_wrong++;
                    continue;
                }
                if (words[FaultMessage.ThreadIdWord] == s_mainThread)
                {
                    registers->Rip += InvalidOpcodeLength;
                    s_resumed++;
                    long replyTag = ((long)FaultMessage.ResumeLabel << 32) | FaultMessage.WordCount;
                    SystemCall.Invoke(SystemCallNumber.IpcReply, 0, replyTag, 0, (long)words[0], (long)words[1]);
                }
                else if (words[FaultMessage.ThreadIdWord] == s_workerThread)
                {
                    s_ended++;
                    SystemCall.Invoke(SystemCallNumber.IpcReply, 0, (long)FaultMessage.EndThreadLabel << 32, 0);
                }
                else
                {
                    s_wrong++;
                }
                _ = tag;
            }
            Kernel.ExitThread(0);
        }
    }
}
