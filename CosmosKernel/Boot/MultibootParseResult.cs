namespace CosmosKernel.Boot
{
    /// <summary>The outcome of parsing the multiboot2 information: an error and where it was found.</summary>
    internal readonly struct MultibootParseResult
    {
        public readonly MultibootParseError Error;
        /// <summary>Byte offset of the offending tag inside the information (0 for header errors).</summary>
        public readonly uint TagOffset;
        /// <summary>Type of the offending tag (0 when unknown).</summary>
        public readonly uint TagType;

        private MultibootParseResult(MultibootParseError error, uint tagOffset, uint tagType)
        {
            Error = error;
            TagOffset = tagOffset;
            TagType = tagType;
        }

        public bool Succeeded => Error == MultibootParseError.None;

        public static MultibootParseResult Success => default;

        public static MultibootParseResult Failure(MultibootParseError error, uint tagOffset, uint tagType) => new MultibootParseResult(error, tagOffset, tagType);
    }
}
