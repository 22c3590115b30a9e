namespace Cosmos.Api.Ipc
{
    /// <summary>What a typed item asks the kernel to do: bits 0-3 of the item's first word. 0 and 5-15 are not kinds.</summary>
    public enum TypedItemKind
    {
        /// <summary>Not a kind: a zero word is refused, so a message with too few items written is caught.</summary>
        None = 0,

        /// <summary>Copy or move a capability from the sender's table into the receiver's capability window.</summary>
        CapabilityTransfer = 1,

        /// <summary>Map a flexpage of the sender's address space into the receiver's memory window; the sender keeps it.</summary>
        Map = 2,

        /// <summary>Grant a flexpage: as Map, but the pages leave the sender's address space.</summary>
        Grant = 3,

        /// <summary>Copy a buffer of the sender's memory into the receiver's next string receive buffer.</summary>
        String = 4,
    }
}
