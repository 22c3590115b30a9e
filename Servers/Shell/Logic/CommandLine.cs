using System.Collections.Generic;
using System.Text;

namespace Cosmos.Servers.Shell.Logic
{
    /// <summary>
    /// Splits a command line into words: blanks (spaces, tabs) separate words, and double or single quotes group
    /// blanks into a word ("a b" is one word a b; an unclosed quote runs to the end of the line). Pure logic.
    /// </summary>
    internal static class CommandLine
    {
        public static string[] Split(string line)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            bool inWord = false;
            char quote = '\0';
            for (int index = 0; index < line.Length; index++)
            {
                char character = line[index];
                if (quote != '\0')
                {
                    if (character == quote)
                    {
                        quote = '\0';
                    }
                    else
                    {
                        word.Append(character);
                    }
                }
                else if (character == '"' || character == '\'')
                {
                    quote = character;
                    inWord = true;
                }
                else if (character == ' ' || character == '\t')
                {
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }
                }
                else
                {
                    word.Append(character);
                    inWord = true;
                }
            }
            if (inWord)
            {
                words.Add(word.ToString());
            }
            return words.ToArray();
        }

        /// <summary>The words from <paramref name="first"/> on, joined by single spaces ("echo a  b" prints "a b").</summary>
        public static string Join(string[] words, int first)
        {
            var text = new StringBuilder();
            for (int index = first; index < words.Length; index++)
            {
                if (index > first)
                {
                    text.Append(' ');
                }
                text.Append(words[index]);
            }
            return text.ToString();
        }
    }
}
