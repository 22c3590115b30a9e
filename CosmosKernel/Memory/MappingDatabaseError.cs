namespace CosmosKernel.Memory
{
    /// <summary>Why a <see cref="MappingDatabase"/> operation failed (None: it did not). A failed operation changes nothing.</summary>
    internal enum MappingDatabaseError
    {
        None,
        /// <summary>No mapping is recorded for the (space, page) asked about.</summary>
        NotFound,
        /// <summary>The target (space, page) already holds a mapping.</summary>
        AlreadyMapped,
        /// <summary>Every node of the database is in use.</summary>
        OutOfNodes,
        /// <summary>The node index names no live node (0, out of range, or a removed node).</summary>
        InvalidNode,
        /// <summary>
        /// A grant asked for fewer rights than the node holds; the caller must take the rights away with
        /// <see cref="MappingDatabase.Unmap{TEffects}"/> first, so that derived mappings lose them too.
        /// </summary>
        RightsWouldShrink,
    }
}
