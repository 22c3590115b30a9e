using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "exceptions": a thread of a child task (the fault peer, no fault handler of its own) whose exception port is a
    /// port of ipctest raises #UD; the kernel sends its <see cref="FaultMessage"/> as a call to the port. Answered with
    /// EndThreadLabel, the thread ends; answered with ResumeLabel and the registers with rip moved past the 2-byte ud2,
    /// it runs on and exits with code 42.
    /// </summary>
    internal static class ExceptionPortScenarios
    {
        private const ulong InvalidOpcodeVector = 6;
        private const ulong UndefinedInstructionLength = 2;
        private const int ResumedExitCode = 42;
        private const ulong WaitBound = 5_000_000_000;

        public static int Run()
        {
            Checks checks = new Checks("exceptions");
            long port = Capabilities.CreatePort();
            if (!checks.Succeeded("create_port", port))
            {
                return checks.Verdict();
            }
            Fault(checks, (uint)port, resume: false);
            Fault(checks, (uint)port, resume: true);
            Capabilities.Delete((uint)port);
            return checks.Verdict();
        }

        private static void Fault(Checks checks, uint port, bool resume)
        {
            string prefix = resume ? "resume_" : "end_thread_";
            SystemCallError error = PeerTask.Create(PeerProgram.Fault, out PeerTask peer);
            if (!checks.Error(prefix + "peer_created", (long)error, SystemCallError.None))
            {
                return;
            }
            checks.Error(prefix + "set_exception_port", (long)ExceptionPorts.Set(peer.ThreadId, port), SystemCallError.None);
            checks.Error(prefix + "peer_started", (long)peer.Start(0), SystemCallError.None);
            IpcResult result = Ipc.Receive(port, WaitBound);
            Message message = Message.Current;
            MessageTag tag = message.ReceivedTag;
            bool delivered = result.IsMessage && message.ReceivedLabel == FaultMessage.Label && tag.UntypedCount == FaultMessage.WordCount;
            checks.True(prefix + "fault_message_arrives", delivered, "result " + Output.Error(result.Value) + " label " + message.ReceivedLabel.ToString("X") + " words " + tag.UntypedCount.ToString());
            if (delivered)
            {
                checks.True(prefix + "vector_is_ud", message.Word(FaultMessage.VectorWord) == InvalidOpcodeVector, "vector " + message.Word(FaultMessage.VectorWord).ToString());
                checks.True(prefix + "names_the_thread_and_task", message.Word(FaultMessage.ThreadIdWord) == peer.ThreadId && message.Word(FaultMessage.TaskIdWord) == peer.TaskId,
                    "thread " + Kernel.FormatId(message.Word(FaultMessage.ThreadIdWord)) + " task " + Kernel.FormatId(message.Word(FaultMessage.TaskIdWord)));
                checks.True(prefix + "rip_is_the_ud2", message.Word(FaultMessage.RegistersWord) == PeerTask.CodeAddress, "rip " + message.Word(FaultMessage.RegistersWord).ToString("X"));
                MessageTag reply;
                if (resume)
                {
                    message.SetWord(FaultMessage.RegistersWord, PeerTask.CodeAddress + UndefinedInstructionLength);
                    reply = Tags.Of(FaultMessage.ResumeLabel, FaultMessage.WordCount);
                }
                else
                {
                    reply = Tags.Of(FaultMessage.EndThreadLabel, 0);
                }
                checks.Error(prefix + "reply", Ipc.Reply(reply).Value, SystemCallError.None);
                long code = peer.Wait(WaitBound, out TaskEndReason reason);
                if (resume)
                {
                    checks.True(prefix + "thread_runs_on", reason == TaskEndReason.Exited && code == ResumedExitCode, "ended with " + Output.Error(code) + " reason " + ((int)reason).ToString());
                }
                else
                {
                    checks.True(prefix + "thread_ended", code != (long)SystemCallError.TimedOut, "the task did not end");
                }
            }
            peer.End();
        }
    }
}
