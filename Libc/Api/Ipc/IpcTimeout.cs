namespace Cosmos.Api.Ipc
{
    /// <summary>IPC timeouts in nanoseconds (rdx of the IPC calls): 0 polls, all ones waits forever, anything else is a bound.</summary>
    public static class IpcTimeout
    {
        /// <summary>Do not block: succeed only if the partner is already waiting; otherwise TimedOut.</summary>
        public const ulong Poll = 0;

        /// <summary>Block until the partner comes (or goes away: PartnerGone).</summary>
        public const ulong Infinite = ulong.MaxValue;
    }
}
