using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The capability system calls the root task makes to hand capabilities out (docs/ARCHITECTURE.md section 5,
    /// "IPC and capability system calls"). Each returns a slot (non-negative) or a negative SystemCallError.
    /// </summary>
    internal static class RootCapabilities
    {
        /// <summary>CapabilityGive's flag that moves the capability out of the source slot.</summary>
        private const long MoveFlag = 1;

        /// <summary>A new port (Receive, Send, Grant) in the lowest free slot.</summary>
        public static long CreatePort() => SystemCall.Invoke(SystemCallNumber.PortCreate);

        /// <summary>A copy of <paramref name="source"/> with <paramref name="rights"/> in the lowest free slot; a non-zero <paramref name="badge"/> mints.</summary>
        public static long Copy(uint source, CapabilityRights rights, ulong badge) =>
            SystemCall.Invoke(SystemCallNumber.CapabilityCopy, source, 0, (long)rights, (long)badge);

        /// <summary>A copy of <paramref name="source"/> with <paramref name="rights"/> in slot <paramref name="destination"/> (which must be free).</summary>
        public static long CopyTo(uint source, uint destination, CapabilityRights rights) =>
            SystemCall.Invoke(SystemCallNumber.CapabilityCopy, source, destination, (long)rights, 0);

        /// <summary>Puts <paramref name="source"/> (which needs Grant) into <paramref name="task"/>'s slot <paramref name="destination"/>, moved or copied.</summary>
        public static long Give(ulong task, uint source, uint destination, CapabilityRights rights, bool move) =>
            SystemCall.Invoke(SystemCallNumber.CapabilityGive, (long)task, source, destination, (long)rights, move ? MoveFlag : 0);

        /// <summary>An IoPortRange capability for <paramref name="count"/> ports from <paramref name="firstPort"/>, derived from the root's range of every port.</summary>
        public static long DeriveIoPorts(uint firstPort, uint count) =>
            SystemCall.Invoke(SystemCallNumber.IoPortRangeDerive, WellKnownSlots.RootAllIoPorts, firstPort, count);

        /// <summary>Empties <paramref name="slot"/>.</summary>
        public static long Delete(uint slot) => SystemCall.Invoke(SystemCallNumber.CapabilityDelete, slot);
    }
}
