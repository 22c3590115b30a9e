namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// Why a message tag or one of its typed items is malformed. The values are positive and disjoint from
    /// <see cref="SystemCallError"/> (whose errors are negative), so the two can never be confused; how the IPC calls
    /// report a message error to the sender and receiver is decided with those calls (not built yet).
    /// </summary>
    public enum MessageError
    {
        None = 0,

        /// <summary>A tag bit outside the label, the counts and the defined flags is set (or an unknown flag was given).</summary>
        ReservedTagBitsSet = 1,

        /// <summary>The untyped word count is negative or above <see cref="MessageLimits.MessageRegisterCount"/>.</summary>
        UntypedCountOutOfRange = 2,

        /// <summary>The typed item count is negative or above <see cref="MessageLimits.MaximumTypedItemCount"/>.</summary>
        TypedCountOutOfRange = 3,

        /// <summary>Untyped words plus typed item words exceed the message registers (or the registers given).</summary>
        MessageTooLong = 4,

        /// <summary>A typed item's kind field is 0 or a kind that is not defined.</summary>
        UnknownItemKind = 5,

        /// <summary>A typed item or receive declaration has a reserved bit set.</summary>
        ReservedItemBitsSet = 6,

        /// <summary>A flexpage's log2 size is below 12 (one page) or above 47 (the whole user half).</summary>
        FlexpageSizeOutOfRange = 7,

        /// <summary>A flexpage's base address is not a multiple of its size.</summary>
        FlexpageMisaligned = 8,

        /// <summary>A flexpage's base address is not below <see cref="MessageLimits.UserAddressLimit"/>.</summary>
        FlexpageOutsideUserSpace = 9,

        /// <summary>A flexpage item gives no rights (neither read, write nor execute).</summary>
        FlexpageNoRights = 10,

        /// <summary>A flexpage item's hot spot is not below <see cref="MessageLimits.UserAddressLimit"/>.</summary>
        HotSpotOutOfRange = 11,

        /// <summary>A string item or receive buffer is longer than <see cref="MessageLimits.MaximumStringLength"/>.</summary>
        StringTooLong = 12,

        /// <summary>A string's address plus its length passes the end of the 64-bit address space.</summary>
        StringWrapsAddressSpace = 13,

        /// <summary>A string does not lie entirely below <see cref="MessageLimits.UserAddressLimit"/>.</summary>
        StringOutsideUserSpace = 14,

        /// <summary>A capability receive window's first slot plus its slot count passes 2^32.</summary>
        CapabilityWindowOutOfRange = 15,
    }
}
