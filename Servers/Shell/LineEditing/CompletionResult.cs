namespace Cosmos.Servers.Shell.LineEditing
{
    /// <summary>
    /// What a tab completion found: the text to insert at the cursor (empty when none), and when several names match,
    /// all of them (otherwise an empty array).
    /// </summary>
    internal sealed class CompletionResult
    {
        private static readonly string[] s_noCandidates = new string[0];

        public static readonly CompletionResult Nothing = new CompletionResult("", s_noCandidates);

        public CompletionResult(string insertion, string[] candidates)
        {
            Insertion = insertion;
            Candidates = candidates;
        }

        public string Insertion { get; }

        public string[] Candidates { get; }

        public static CompletionResult Unique(string insertion)
        {
            return new CompletionResult(insertion, s_noCandidates);
        }
    }
}
