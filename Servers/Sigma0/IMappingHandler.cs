using Cosmos.Api.Ipc;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// A sigma0 port's request handler, which can say what its last reply was to map and take that back when the reply
    /// failed (<see cref="PortService"/>). Implemented by structs, so the server loop's calls stay direct.
    /// </summary>
    internal interface IMappingHandler : IMessageHandler
    {
        /// <summary>The mapping the last reply carried (unset if it carried none), and forgets it.</summary>
        PendingMapping TakePendingMapping();

        /// <summary>The reply carrying <paramref name="mapping"/> failed: the block is free again.</summary>
        void CancelMapping(in PendingMapping mapping);
    }
}
