namespace Cosmos.Servers.Shell.LineEditing
{
    /// <summary>
    /// Edits one line at a time on a VT100 terminal: applies a decoded key to the line buffer, the history or the
    /// completion, and returns the output that makes the screen match. The screen line is the prompt followed by the
    /// buffer's text, the terminal cursor at the prompt's length plus the buffer's cursor; every key keeps that true.
    /// The line must fit on one terminal row (the editor does not handle wrapping). Refused keys ring the bell.
    /// </summary>
    internal sealed class LineEditor
    {
        private readonly LineBuffer _buffer;
        private readonly CommandHistory _history;
        private readonly CommandCompletion _completion;
        private readonly string _prompt;

        public LineEditor(string prompt, string[] commandNames, int lineCapacity, int historyCapacity)
        {
            _prompt = prompt;
            _buffer = new LineBuffer(lineCapacity);
            _history = new CommandHistory(historyCapacity);
            _completion = new CommandCompletion(commandNames);
        }

        public LineEditor(string prompt, string[] commandNames)
            : this(prompt, commandNames, LineBuffer.DefaultCapacity, CommandHistory.DefaultCapacity)
        {
        }

        /// <summary>The prompt the caller writes before each line (the editor writes it again after listing candidates).</summary>
        public string Prompt => _prompt;

        public string Text => _buffer.Text;

        public int Cursor => _buffer.Cursor;

        public CommandHistory History => _history;

        public EditResult Apply(KeyInput input)
        {
            var output = new TerminalOutput();
            switch (input.Key)
            {
                case EditKey.Character:
                    TypeCharacter(input.Character, output);
                    break;
                case EditKey.Left:
                    if (_buffer.MoveLeft())
                    {
                        output.MoveLeft(1);
                    }

                    break;
                case EditKey.Right:
                    if (_buffer.MoveRight())
                    {
                        output.MoveRight(1);
                    }

                    break;
                case EditKey.Home:
                    output.MoveLeft(_buffer.MoveHome());
                    break;
                case EditKey.End:
                    output.MoveRight(_buffer.MoveEnd());
                    break;
                case EditKey.Backspace:
                    DeleteBefore(output);
                    break;
                case EditKey.Delete:
                    if (_buffer.DeleteAtCursor())
                    {
                        RedrawFrom(_buffer.Cursor, _buffer.Cursor, output);
                    }

                    break;
                case EditKey.Up:
                    if (_history.TryOlder(_buffer.Text, out string older))
                    {
                        ReplaceLine(older, output);
                    }
                    else
                    {
                        output.Bell();
                    }

                    break;
                case EditKey.Down:
                    if (_history.TryNewer(out string newer))
                    {
                        ReplaceLine(newer, output);
                    }
                    else
                    {
                        output.Bell();
                    }

                    break;
                case EditKey.Tab:
                    Complete(output);
                    break;
                case EditKey.Enter:
                    return Finish(output);
            }

            return new EditResult(output.ToString(), false, null);
        }

        private void TypeCharacter(char character, TerminalOutput output)
        {
            // Only printable ASCII goes into the line, so the screen column equals the buffer index.
            int cursor = _buffer.Cursor;
            if (character < ' ' || character > '~' || !_buffer.Insert(character))
            {
                output.Bell();
                return;
            }

            RedrawFrom(cursor, cursor, output);
        }

        private void DeleteBefore(TerminalOutput output)
        {
            int cursor = _buffer.Cursor;
            if (_buffer.DeleteBeforeCursor())
            {
                RedrawFrom(cursor, _buffer.Cursor, output);
            }
        }

        private void Complete(TerminalOutput output)
        {
            int cursor = _buffer.Cursor;
            CompletionResult result = _completion.Complete(_buffer.TextBeforeCursor);
            bool inserted = result.Insertion.Length != 0 && _buffer.InsertText(result.Insertion);
            if (result.Candidates.Length != 0)
            {
                ListCandidates(result.Candidates, output);
                return;
            }

            if (inserted)
            {
                RedrawFrom(cursor, cursor, output);
            }
            else
            {
                output.Bell();
            }
        }

        /// <summary>Lists the names on their own row, then writes the prompt and the whole line again below.</summary>
        private void ListCandidates(string[] candidates, TerminalOutput output)
        {
            output.NewLine();
            for (int index = 0; index < candidates.Length; index++)
            {
                if (index != 0)
                {
                    output.Append("  ");
                }

                output.Append(candidates[index]);
            }

            output.NewLine();
            output.Append(_prompt);
            output.Append(_buffer.Text);
            output.MoveLeft(_buffer.Length - _buffer.Cursor);
        }

        private void ReplaceLine(string text, TerminalOutput output)
        {
            int screenCursor = _buffer.Cursor;
            _buffer.SetText(text);
            RedrawFrom(screenCursor, 0, output);
        }

        private EditResult Finish(TerminalOutput output)
        {
            string line = _buffer.Text;
            _history.Add(line);
            _buffer.Clear();
            output.NewLine();
            return new EditResult(output.ToString(), true, line);
        }

        /// <summary>
        /// Brings the screen in line with the buffer after a change that left the text before <paramref name="start"/>
        /// untouched: moves from the screen's cursor column to <paramref name="start"/>, rewrites the rest of the line,
        /// erases what the old line had beyond it, and moves back to the buffer's cursor.
        /// </summary>
        private void RedrawFrom(int screenCursor, int start, TerminalOutput output)
        {
            output.MoveLeft(screenCursor - start);
            output.Append(_buffer.TextFrom(start));
            output.EraseToEndOfLine();
            output.MoveLeft(_buffer.Length - _buffer.Cursor);
        }
    }
}
