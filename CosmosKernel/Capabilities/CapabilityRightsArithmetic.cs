using Cosmos.Api.Ipc;

namespace CosmosKernel.Capabilities
{
    /// <summary>Set operations on <see cref="CapabilityRights"/>: containment and reduction. Pure logic: compiled into the host tests too.</summary>
    public static class CapabilityRightsArithmetic
    {
        /// <summary>True when every right in <paramref name="required"/> is in <paramref name="held"/> (None is contained in everything).</summary>
        public static bool Contains(CapabilityRights held, CapabilityRights required) => (held & required) == required;

        /// <summary>True when <paramref name="subset"/> holds no right that <paramref name="superset"/> lacks.</summary>
        public static bool IsSubsetOf(CapabilityRights subset, CapabilityRights superset) => (subset & ~superset) == 0;

        /// <summary>The rights of <paramref name="held"/> that are also in <paramref name="mask"/>: never more than either.</summary>
        public static CapabilityRights Reduce(CapabilityRights held, CapabilityRights mask) => held & mask;

        /// <summary>True when <paramref name="rights"/> uses no bit outside <see cref="CapabilityRights.All"/>.</summary>
        public static bool IsDefined(CapabilityRights rights) => IsSubsetOf(rights, CapabilityRights.All);
    }
}
