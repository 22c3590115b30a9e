namespace Cosmos.Servers.Shell.LineEditing
{
    /// <summary>
    /// The outcome of one key: what to write to the terminal, and after Enter the finished line (the editor is then
    /// ready for the next line; the caller writes its prompt).
    /// </summary>
    internal readonly struct EditResult
    {
        public EditResult(string output, bool isFinished, string line)
        {
            Output = output;
            IsFinished = isFinished;
            Line = line;
        }

        /// <summary>Bytes for the terminal (ASCII and VT100 sequences); empty when nothing changed on screen.</summary>
        public string Output { get; }

        /// <summary>True after Enter.</summary>
        public bool IsFinished { get; }

        /// <summary>The entered line when <see cref="IsFinished"/>, otherwise null.</summary>
        public string Line { get; }
    }
}
