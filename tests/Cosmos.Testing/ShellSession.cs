using System;
using System.Threading.Tasks;

namespace Cosmos.Testing
{
    /// <summary>
    /// Drives the OS shell over the serial line like a person at a terminal: types a line, waits for the next prompt,
    /// and returns what the shell printed in between. The prompt is <see cref="Prompt"/> at the start of a line. The
    /// machine's output has terminal control sequences and CRs removed already, so the shell's own redrawing while a
    /// line is edited leaves the typed text readable in the echo.
    /// </summary>
    public sealed class ShellSession
    {
        /// <summary>What the shell writes at the start of every input line.</summary>
        public const string Prompt = "$ ";

        private readonly QemuMachine _machine;
        private readonly TimeSpan _timeout;

        /// <summary>A session on <paramref name="machine"/>; each wait for a prompt may take up to <paramref name="timeout"/>.</summary>
        public ShellSession(QemuMachine machine, TimeSpan timeout)
        {
            ArgumentNullException.ThrowIfNull(machine);
            _machine = machine;
            _timeout = timeout;
        }

        public QemuMachine Machine => _machine;

        /// <summary>Waits for a prompt at the start of a line (the first one after boot, or the next one) and returns the output before it.</summary>
        public async Task<string> WaitForPromptAsync()
        {
            string consumed = await _machine.WaitForTextAsync("\n" + Prompt, _timeout).ConfigureAwait(false);
            return consumed.Substring(0, consumed.Length - Prompt.Length - 1);
        }

        /// <summary>
        /// Types <paramref name="keys"/> (any bytes, escape sequences included) followed by Enter (CR), waits for the next
        /// prompt, and returns the reply.
        /// </summary>
        public async Task<ShellReply> RunAsync(string keys)
        {
            ArgumentNullException.ThrowIfNull(keys);
            await _machine.SendAsync(keys + "\r").ConfigureAwait(false);
            string text = await WaitForPromptAsync().ConfigureAwait(false);
            return ShellReply.Parse(text);
        }

        /// <summary>Types <paramref name="keys"/> without Enter.</summary>
        public Task TypeAsync(string keys) => _machine.SendAsync(keys);
    }

    /// <summary>The shell's answer to one line: the echoed line as the terminal shows it, and the output lines after it.</summary>
    public sealed class ShellReply
    {
        private ShellReply(string echo, string[] lines, string text)
        {
            Echo = echo;
            Lines = lines;
            Text = text;
        }

        /// <summary>The input line as it stood on the screen when Enter was pressed (from the prompt to the end of the line).</summary>
        public string Echo { get; }

        /// <summary>The lines the command printed (after the echoed line, before the next prompt).</summary>
        public string[] Lines { get; }

        /// <summary>Everything between the two prompts.</summary>
        public string Text { get; }

        /// <summary>The output lines joined with LF.</summary>
        public string Output => string.Join("\n", Lines);

        public static ShellReply Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            int end = text.IndexOf('\n', StringComparison.Ordinal);
            string echo = end < 0 ? text : text.Substring(0, end);
            string rest = end < 0 ? "" : text.Substring(end + 1);
            string[] lines = rest.Length == 0 ? Array.Empty<string>() : rest.Split('\n');
            return new ShellReply(echo, lines, text);
        }

        public override string ToString() => Text;
    }
}
