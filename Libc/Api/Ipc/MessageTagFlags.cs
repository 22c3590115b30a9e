using System;

namespace Cosmos.Api.Ipc
{
    /// <summary>The flag bits of a <see cref="MessageTag"/>, as numbered from bit 0 of this enum (bit 13 of the tag).</summary>
    [Flags]
    public enum MessageTagFlags
    {
        None = 0,

        /// <summary>Set by the kernel in a tag it delivers when the IPC failed; the IPC calls will define where the cause is reported.</summary>
        Error = 1,

        /// <summary>The message was sent on behalf of another thread (L4 propagation): the receiver sees the original sender.</summary>
        Propagated = 2,

        /// <summary>Every defined flag; any other bit is reserved.</summary>
        All = Error | Propagated,
    }
}
