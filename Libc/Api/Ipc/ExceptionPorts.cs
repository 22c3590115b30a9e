namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// A thread's exception port: its ring-3 faults that its task's own fault handler does not take become calls
    /// (<see cref="FaultMessage"/>) to this port, and the handler's reply resumes or ends the thread.
    /// </summary>
    public static class ExceptionPorts
    {
        /// <summary>Sets the exception port (a Send capability) of <paramref name="threadId"/> (0: the caller).</summary>
        public static SystemCallError Set(ulong threadId, uint port) =>
            Kernel.AsError(SystemCall.Invoke(SystemCallNumber.ThreadSetExceptionPort, (long)threadId, port));

        /// <summary>Faults of <paramref name="threadId"/> (0: the caller) go to no exception port again.</summary>
        public static SystemCallError Clear(ulong threadId) =>
            Kernel.AsError(SystemCall.Invoke(SystemCallNumber.ThreadSetExceptionPort, (long)threadId, 0));
    }
}
