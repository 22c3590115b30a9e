namespace Cosmos.Servers.Shell.Logic
{
    /// <summary>
    /// A task as the user names it to `kill`: "5.1" (index 5, generation 1, exactly as `ps` prints it) or "5" (the live
    /// task with index 5, whatever its generation). Pure logic.
    /// </summary>
    internal readonly struct TaskSelector
    {
        private const ulong IndexMask = 0xFFFF;
        private const int GenerationShift = 16;

        private TaskSelector(ulong index, ulong generation, bool hasGeneration)
        {
            Index = index;
            Generation = generation;
            HasGeneration = hasGeneration;
        }

        public ulong Index { get; }

        public ulong Generation { get; }

        public bool HasGeneration { get; }

        public static bool TryParse(string text, out TaskSelector selector)
        {
            selector = default;
            if (text == null)
            {
                return false;
            }
            int dot = text.IndexOf('.');
            string indexText = dot < 0 ? text : text.Substring(0, dot);
            if (!NumberText.TryParseUnsigned(indexText, out ulong index) || index > IndexMask)
            {
                return false;
            }
            if (dot < 0)
            {
                selector = new TaskSelector(index, 0, false);
                return true;
            }
            if (!NumberText.TryParseUnsigned(text.Substring(dot + 1), out ulong generation) || generation > (ulong.MaxValue >> GenerationShift))
            {
                return false;
            }
            selector = new TaskSelector(index, generation, true);
            return true;
        }

        /// <summary>Whether <paramref name="taskId"/> (as the kernel reports it) is the task this selects.</summary>
        public bool Matches(ulong taskId) =>
            (taskId & IndexMask) == Index && (!HasGeneration || taskId >> GenerationShift == Generation);

        /// <summary>The task id when the generation was given.</summary>
        public ulong TaskId => Index | (Generation << GenerationShift);
    }
}
