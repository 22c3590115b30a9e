namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// What every typed item shares: it is <see cref="MessageLimits.TypedItemWordCount"/> message registers, and bits
    /// 0-3 of its first word are its <see cref="TypedItemKind"/>. The layout of the rest depends on the kind.
    /// </summary>
    public static class TypedItem
    {
        public const ulong KindMask = 0xF;

        /// <summary>The kind field of an item's first word (not checked against the defined kinds).</summary>
        public static TypedItemKind KindOf(ulong firstWord) => (TypedItemKind)(firstWord & KindMask);

        /// <summary>Checks one item's two words by its kind; returns the first rule they break.</summary>
        public static MessageError Validate(ulong firstWord, ulong secondWord)
        {
            switch (KindOf(firstWord))
            {
                case TypedItemKind.CapabilityTransfer:
                    return CapabilityTransferItem.TryDecode(firstWord, secondWord, out _);
                case TypedItemKind.Map:
                case TypedItemKind.Grant:
                    return FlexpageItem.TryDecode(firstWord, secondWord, out _);
                case TypedItemKind.String:
                    return StringItem.TryDecode(firstWord, secondWord, out _);
                default:
                    return MessageError.UnknownItemKind;
            }
        }
    }
}
