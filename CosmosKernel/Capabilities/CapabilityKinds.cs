using Cosmos.Api.Ipc;

namespace CosmosKernel.Capabilities
{
    /// <summary>Per-kind rules: which rights a kind can carry, whether it can be badged or duplicated. Pure logic: compiled into the host tests too.</summary>
    public static class CapabilityKinds
    {
        /// <summary>The rights a capability of <paramref name="kind"/> may hold; None for CapabilityKind.None and unknown values.</summary>
        public static CapabilityRights AllowedRights(CapabilityKind kind)
        {
            switch (kind)
            {
                case CapabilityKind.Port:
                case CapabilityKind.Notification:
                    return CapabilityRights.Receive | CapabilityRights.Send | CapabilityRights.Grant;
                case CapabilityKind.Reply:
                    // A reply is answered, never received on; Grant lets a server hand it to a worker thread's task.
                    return CapabilityRights.Send | CapabilityRights.Grant;
                case CapabilityKind.Task:
                case CapabilityKind.Thread:
                case CapabilityKind.InterruptLine:
                case CapabilityKind.IoPortRange:
                    return CapabilityRights.Control | CapabilityRights.Grant;
                case CapabilityKind.DebugConsole:
                    return CapabilityRights.Send | CapabilityRights.Grant;
                default:
                    return CapabilityRights.None;
            }
        }

        /// <summary>True for the kinds whose messages or signals carry the sender's badge: ports and notifications.</summary>
        public static bool IsBadgeable(CapabilityKind kind) => kind == CapabilityKind.Port || kind == CapabilityKind.Notification;

        /// <summary>False for one-shot kinds (Reply): a second copy could answer the same call twice.</summary>
        public static bool IsCopyable(CapabilityKind kind) => kind != CapabilityKind.Reply;

        /// <summary>True for the kinds whose holder of Receive may revoke every other capability to the object.</summary>
        public static bool IsRevocable(CapabilityKind kind) => kind == CapabilityKind.Port || kind == CapabilityKind.Notification;
    }
}
