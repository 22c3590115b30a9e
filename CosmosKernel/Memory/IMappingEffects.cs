namespace CosmosKernel.Memory
{
    /// <summary>
    /// Told of every change <see cref="MappingDatabase.Unmap{TEffects}"/> makes, so the caller can bring page tables
    /// (and TLBs) in line with the database. Used as a generic struct argument: no allocation, no virtual call.
    /// </summary>
    internal interface IMappingEffects
    {
        /// <summary>
        /// Called once for every node removed (descendants before their ancestors), after it is unlinked from the
        /// tree but before its slot is reused.
        /// </summary>
        void Removed(uint space, ulong page, ulong frame);

        /// <summary>Called for every node whose rights actually became smaller; <paramref name="rights"/> is what it keeps.</summary>
        void RightsReduced(uint space, ulong page, ulong frame, MappingRights rights);
    }
}
