using System;
using Cosmos.Api.Ipc;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// What one of sigma0's ports understands: the requests on the memory port (<see cref="MemoryRequests"/>) or on the
    /// device port (<see cref="DeviceRequests"/>). Pure logic over the message registers, so the host tests drive it
    /// with the words a client would send; <see cref="PortHandler"/> connects it to the server loop.
    /// </summary>
    internal interface ISigma0Requests
    {
        /// <summary>
        /// Answers one request (its words in <paramref name="registers"/>, which receive the reply's) from a capability with
        /// <paramref name="badge"/>; returns the reply's tag. When the reply maps a block, <paramref name="pending"/> says which.
        /// </summary>
        MessageTag Handle(MessageTag request, ulong badge, Span<ulong> registers, out PendingMapping pending);

        /// <summary>The reply that was to map <paramref name="mapping"/> failed: the block is free again.</summary>
        void CancelMapping(in PendingMapping mapping);
    }
}
