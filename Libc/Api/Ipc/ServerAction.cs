namespace Cosmos.Api.Ipc
{
    /// <summary>What a <see cref="IMessageHandler"/> tells the <see cref="ServerLoop"/> to do after a request.</summary>
    public enum ServerAction
    {
        /// <summary>Answer the caller with the reply tag (the reply's words are in the message registers) and wait for the next request, in one system call.</summary>
        Reply = 0,

        /// <summary>Do not answer now (the request was a send, or the handler saved the reply capability to answer later); wait for the next request.</summary>
        Wait = 1,

        /// <summary>Answer the caller, then leave the loop.</summary>
        ReplyAndStop = 2,

        /// <summary>Leave the loop without answering.</summary>
        Stop = 3,
    }
}
