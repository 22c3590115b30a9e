namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The outcome of <see cref="MessageLayout.Validate"/>: the first error and where it is, or, for a well-formed
    /// message, its decoded tag and how many items of each kind it carries (the IPC path matches these against the
    /// receiver's declarations).
    /// </summary>
    public readonly struct MessageCheck
    {
        /// <summary>The value of <see cref="ItemIndex"/> and <see cref="RegisterIndex"/> when the tag itself is wrong (or there is no error).</summary>
        public const int NoIndex = -1;

        public MessageCheck(MessageError error, int itemIndex, int registerIndex, MessageTag tag, int capabilityCount, int memoryCount, int stringCount)
        {
            Error = error;
            ItemIndex = itemIndex;
            RegisterIndex = registerIndex;
            Tag = tag;
            CapabilityCount = capabilityCount;
            MemoryCount = memoryCount;
            StringCount = stringCount;
        }

        public MessageError Error { get; }

        /// <summary>Which typed item (0 is the first) is malformed; <see cref="NoIndex"/> for a tag error.</summary>
        public int ItemIndex { get; }

        /// <summary>The message register holding the malformed item's first word; <see cref="NoIndex"/> for a tag error.</summary>
        public int RegisterIndex { get; }

        /// <summary>The decoded tag (zero when the tag word is malformed).</summary>
        public MessageTag Tag { get; }

        /// <summary>Capability transfer items in a well-formed message.</summary>
        public int CapabilityCount { get; }

        /// <summary>Map and grant items in a well-formed message.</summary>
        public int MemoryCount { get; }

        /// <summary>String items in a well-formed message.</summary>
        public int StringCount { get; }

        public bool IsValid => Error == MessageError.None;
    }
}
