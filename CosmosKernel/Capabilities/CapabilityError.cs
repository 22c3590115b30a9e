namespace CosmosKernel.Capabilities
{
    /// <summary>
    /// Why a capability-table operation failed (None: it did not). Every misuse by user code ends in one of
    /// these, never in a fault. Pure logic: compiled into the host tests too.
    /// </summary>
    public enum CapabilityError
    {
        None,
        /// <summary>The slot number is 0 (the null slot) or not below the table's capacity.</summary>
        InvalidSlot,
        /// <summary>The slot holds no capability.</summary>
        EmptySlot,
        /// <summary>The capability names another kind of object than the operation needs.</summary>
        WrongKind,
        /// <summary>The capability lacks a right the operation needs (including Grant to pass it to another table).</summary>
        InsufficientRights,
        /// <summary>The object the capability names was freed or revoked since the capability was made.</summary>
        Stale,
        /// <summary>The destination slot already holds a capability.</summary>
        SlotOccupied,
        /// <summary>Every slot of the table is in use.</summary>
        TableFull,
        /// <summary>A derived capability asked for a right its source does not hold.</summary>
        RightsExceedSource,
        /// <summary>The rights include one the kind cannot carry, or a bit that is no right at all.</summary>
        RightsNotValidForKind,
        /// <summary>A badge was asked for on a capability that already carries one.</summary>
        AlreadyBadged,
        /// <summary>A badge was asked for on a kind whose use carries no badge.</summary>
        NotBadgeable,
        /// <summary>The kind is one-shot (Reply): it can be moved or deleted, never duplicated.</summary>
        NotCopyable,
        /// <summary>Only the holder of a port's or notification's Receive right may revoke it.</summary>
        NotRevocable,
        /// <summary>An inserted capability has kind None, an unknown kind, or names no object (generation 0).</summary>
        InvalidCapability,
    }
}
