namespace CosmosKernel.Boot
{
    /// <summary>Why the multiboot2 information was rejected (None: it was not).</summary>
    internal enum MultibootParseError
    {
        None,
        /// <summary>The total size is below the 16 bytes of header plus end tag.</summary>
        TotalSizeTooSmall,
        /// <summary>The total size is more than the caller said could be there.</summary>
        TotalSizeTooLarge,
        /// <summary>A tag's 8-byte header does not fit before the end of the information.</summary>
        TagHeaderTruncated,
        /// <summary>A tag's size is below 8 (its own header) or below the minimum for its type.</summary>
        TagSizeTooSmall,
        /// <summary>A tag's size reaches past the end of the information.</summary>
        TagOverrunsInformation,
        /// <summary>The tags end without a terminating end tag (type 0, size 8).</summary>
        MissingEndTag,
        /// <summary>A string in a tag has no terminating NUL inside the tag.</summary>
        StringNotTerminated,
        /// <summary>The memory map's entry size is below 24 or not a multiple of 8.</summary>
        MemoryMapEntrySizeInvalid,
        /// <summary>The memory map's entries do not exactly fill the tag.</summary>
        MemoryMapSizeMismatch,
        /// <summary>More memory regions than <see cref="CosmosKernel.Memory.MemoryMap.Capacity"/>.</summary>
        TooManyMemoryRegions,
        /// <summary>More modules than <see cref="MultibootInformation.ModuleCapacity"/>.</summary>
        TooManyModules,
        /// <summary>A module whose end lies before its start.</summary>
        ModuleRangeInvalid,
    }

    /// <summary>Human-readable descriptions of <see cref="MultibootParseError"/> (string literals: no allocation).</summary>
    internal static class MultibootParseErrors
    {
        public static string Describe(MultibootParseError error)
        {
            switch (error)
            {
                case MultibootParseError.None: return "no error";
                case MultibootParseError.TotalSizeTooSmall: return "total size too small";
                case MultibootParseError.TotalSizeTooLarge: return "total size too large";
                case MultibootParseError.TagHeaderTruncated: return "tag header truncated";
                case MultibootParseError.TagSizeTooSmall: return "tag size too small for its type";
                case MultibootParseError.TagOverrunsInformation: return "tag extends past the end of the information";
                case MultibootParseError.MissingEndTag: return "no end tag";
                case MultibootParseError.StringNotTerminated: return "string not NUL-terminated inside its tag";
                case MultibootParseError.MemoryMapEntrySizeInvalid: return "memory map entry size invalid";
                case MultibootParseError.MemoryMapSizeMismatch: return "memory map entries do not fill the tag";
                case MultibootParseError.TooManyMemoryRegions: return "too many memory regions";
                case MultibootParseError.TooManyModules: return "too many modules";
                case MultibootParseError.ModuleRangeInvalid: return "module end before module start";
                default: return "unknown multiboot error";
            }
        }
    }
}
