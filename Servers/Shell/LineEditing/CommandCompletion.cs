namespace Cosmos.Servers.Shell.LineEditing
{
    /// <summary>
    /// Tab completion of the first word (the command name) against a fixed list of distinct names: one match is
    /// completed fully and followed by a space, several are completed to their longest common prefix and listed, none
    /// gives nothing. Only the text before the cursor counts, and only while it is still the first word.
    /// </summary>
    internal sealed class CommandCompletion
    {
        private readonly string[] _names;

        public CommandCompletion(string[] names)
        {
            _names = names;
        }

        public CompletionResult Complete(string textBeforeCursor)
        {
            for (int index = 0; index < textBeforeCursor.Length; index++)
            {
                if (textBeforeCursor[index] == ' ')
                {
                    return CompletionResult.Nothing;
                }
            }

            int matchCount = 0;
            for (int index = 0; index < _names.Length; index++)
            {
                if (StartsWith(_names[index], textBeforeCursor))
                {
                    matchCount++;
                }
            }

            if (matchCount == 0)
            {
                return CompletionResult.Nothing;
            }

            string[] matches = new string[matchCount];
            int found = 0;
            for (int index = 0; index < _names.Length; index++)
            {
                if (StartsWith(_names[index], textBeforeCursor))
                {
                    matches[found] = _names[index];
                    found++;
                }
            }

            if (matchCount == 1)
            {
                return CompletionResult.Unique(matches[0].Substring(textBeforeCursor.Length) + " ");
            }

            int commonLength = matches[0].Length;
            for (int index = 1; index < matchCount; index++)
            {
                commonLength = CommonPrefixLength(matches[0], matches[index], commonLength);
            }

            string insertion = matches[0].Substring(textBeforeCursor.Length, commonLength - textBeforeCursor.Length);
            return new CompletionResult(insertion, matches);
        }

        private static bool StartsWith(string name, string prefix)
        {
            if (prefix.Length > name.Length)
            {
                return false;
            }

            for (int index = 0; index < prefix.Length; index++)
            {
                if (name[index] != prefix[index])
                {
                    return false;
                }
            }

            return true;
        }

        private static int CommonPrefixLength(string first, string second, int limit)
        {
            int length = 0;
            while (length < limit && length < second.Length && first[length] == second[length])
            {
                length++;
            }

            return length;
        }
    }
}
