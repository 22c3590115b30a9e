using System.Text;
using Cosmos.Drivers.Console.Screen;

namespace Servers.Tests
{
    /// <summary>Helpers for the console tests: feed text to an interpreter, read a screen row back as text.</summary>
    internal static class ConsoleScreenText
    {
        public static void Write(this TerminalInterpreter interpreter, string text) => interpreter.Write(Encoding.Latin1.GetBytes(text));

        /// <summary>Row <paramref name="row"/>'s characters, trailing spaces removed.</summary>
        public static string Row(this TextScreen screen, int row)
        {
            var text = new StringBuilder();
            for (int column = 0; column < screen.Columns; column++)
            {
                text.Append((char)screen.CellAt(column, row).Character);
            }
            return text.ToString().TrimEnd(' ');
        }
    }
}
