using System;
using Cosmos.Servers.Shell.LineEditing;
using Xunit;

namespace Servers.Tests
{
    public class LineEditorTests
    {
        private const string Prompt = "> ";
        private static readonly string[] s_names = { "help", "history", "ls", "lsblk", "ps", "reboot" };

        private static LineEditor NewEditor(int capacity = 256)
        {
            return new LineEditor(Prompt, s_names, capacity, 8);
        }

        private static string Type(LineEditor editor, string text)
        {
            string output = "";
            foreach (char character in text)
            {
                output += editor.Apply(KeyInput.Typed(character)).Output;
            }

            return output;
        }

        private static EditResult Press(LineEditor editor, EditKey key)
        {
            return editor.Apply(KeyInput.Of(key));
        }

        [Fact]
        public void TypingAppendsAndEchoes()
        {
            LineEditor editor = NewEditor();
            string output = Type(editor, "ls -l");
            Assert.Equal("ls -l", editor.Text);
            Assert.Equal(5, editor.Cursor);
            Assert.Equal("l\x1b[Ks\x1b[K \x1b[K-\x1b[Kl\x1b[K", output);
        }

        [Fact]
        public void LeftRightHomeEndMoveTheCursor()
        {
            LineEditor editor = NewEditor();
            Type(editor, "abcd");
            Assert.Equal("\x1b[1D", Press(editor, EditKey.Left).Output);
            Assert.Equal(3, editor.Cursor);
            Assert.Equal("\x1b[3D", Press(editor, EditKey.Home).Output);
            Assert.Equal(0, editor.Cursor);
            Assert.Equal("", Press(editor, EditKey.Left).Output);
            Assert.Equal(0, editor.Cursor);
            Assert.Equal("\x1b[1C", Press(editor, EditKey.Right).Output);
            Assert.Equal(1, editor.Cursor);
            Assert.Equal("\x1b[3C", Press(editor, EditKey.End).Output);
            Assert.Equal(4, editor.Cursor);
            Assert.Equal("", Press(editor, EditKey.Right).Output);
            Assert.Equal("", Press(editor, EditKey.End).Output);
            Assert.Equal("abcd", editor.Text);
        }

        [Fact]
        public void TypingInTheMiddleInserts()
        {
            LineEditor editor = NewEditor();
            Type(editor, "ac");
            Press(editor, EditKey.Left);
            Assert.Equal("bc\x1b[K\x1b[1D", Type(editor, "b"));
            Assert.Equal("abc", editor.Text);
            Assert.Equal(2, editor.Cursor);
        }

        [Fact]
        public void BackspaceRemovesBeforeTheCursor()
        {
            LineEditor editor = NewEditor();
            Type(editor, "abc");
            Press(editor, EditKey.Left);
            Assert.Equal("\x1b[1Dc\x1b[K\x1b[1D", Press(editor, EditKey.Backspace).Output);
            Assert.Equal("ac", editor.Text);
            Assert.Equal(1, editor.Cursor);
            Press(editor, EditKey.Home);
            Assert.Equal("", Press(editor, EditKey.Backspace).Output);
            Assert.Equal("ac", editor.Text);
        }

        [Fact]
        public void DeleteRemovesUnderTheCursor()
        {
            LineEditor editor = NewEditor();
            Type(editor, "abc");
            Press(editor, EditKey.Home);
            Assert.Equal("bc\x1b[K\x1b[2D", Press(editor, EditKey.Delete).Output);
            Assert.Equal("bc", editor.Text);
            Assert.Equal(0, editor.Cursor);
            Press(editor, EditKey.End);
            Assert.Equal("", Press(editor, EditKey.Delete).Output);
            Assert.Equal("bc", editor.Text);
        }

        [Fact]
        public void TypingPastTheCapacityIsRefusedAndNothingIsLost()
        {
            LineEditor editor = NewEditor(8);
            Type(editor, "abcdefgh");
            Assert.Equal("\a", Type(editor, "i"));
            Assert.Equal("abcdefgh", editor.Text);
            Press(editor, EditKey.Home);
            Assert.Equal("\a", Type(editor, "x"));
            Assert.Equal("abcdefgh", editor.Text);
            Assert.Equal(0, editor.Cursor);
        }

        [Fact]
        public void ControlCharactersAreRefused()
        {
            LineEditor editor = NewEditor();
            Assert.Equal("\a\a\a", Type(editor, "\t\u007f\u00e9"));
            Assert.Equal("", editor.Text);
        }

        [Fact]
        public void EnterFinishesTheLineAndStartsAnEmptyOne()
        {
            LineEditor editor = NewEditor();
            Type(editor, "ps");
            Press(editor, EditKey.Left);
            EditResult result = Press(editor, EditKey.Enter);
            Assert.True(result.IsFinished);
            Assert.Equal("ps", result.Line);
            Assert.Equal("\r\n", result.Output);
            Assert.Equal("", editor.Text);
            Assert.Equal(0, editor.Cursor);
            Assert.False(Press(editor, EditKey.Left).IsFinished);
        }

        [Fact]
        public void UpAndDownBrowseHistoryAndRestoreTheTypedLine()
        {
            LineEditor editor = NewEditor();
            Type(editor, "ls");
            Press(editor, EditKey.Enter);
            Type(editor, "help");
            Press(editor, EditKey.Enter);
            Type(editor, "re");

            Press(editor, EditKey.Up);
            Assert.Equal("help", editor.Text);
            Assert.Equal(4, editor.Cursor);
            Press(editor, EditKey.Up);
            Assert.Equal("ls", editor.Text);
            Assert.Equal("\a", Press(editor, EditKey.Up).Output);
            Assert.Equal("ls", editor.Text);
            Press(editor, EditKey.Down);
            Assert.Equal("help", editor.Text);
            Press(editor, EditKey.Down);
            Assert.Equal("re", editor.Text);
            Assert.Equal("\a", Press(editor, EditKey.Down).Output);

            Press(editor, EditKey.Up);
            EditResult result = Press(editor, EditKey.Enter);
            Assert.Equal("help", result.Line);
        }

        [Fact]
        public void TabCompletesAUniqueCommand()
        {
            LineEditor editor = NewEditor();
            Type(editor, "reb");
            Assert.Equal("oot \x1b[K", Press(editor, EditKey.Tab).Output);
            Assert.Equal("reboot ", editor.Text);
            Assert.Equal(7, editor.Cursor);
        }

        [Fact]
        public void TabWithSeveralMatchesListsThemAndRedrawsThePrompt()
        {
            LineEditor editor = NewEditor();
            Type(editor, "l");
            EditResult result = Press(editor, EditKey.Tab);
            Assert.Equal("ls", editor.Text);
            Assert.Equal("\r\nls  lsblk\r\n> ls", result.Output);
        }

        [Fact]
        public void TabWithoutMatchRingsTheBell()
        {
            LineEditor editor = NewEditor();
            Type(editor, "zz");
            Assert.Equal("\a", Press(editor, EditKey.Tab).Output);
            Assert.Equal("zz", editor.Text);
        }

        [Fact]
        public void TabCompletionThatDoesNotFitIsRefused()
        {
            LineEditor editor = NewEditor(4);
            Type(editor, "reb");
            Assert.Equal("\a", Press(editor, EditKey.Tab).Output);
            Assert.Equal("reb", editor.Text);
        }

        [Fact]
        public void TabCompletesOnlyTheTextBeforeTheCursor()
        {
            LineEditor editor = NewEditor();
            Type(editor, "rebx");
            Press(editor, EditKey.Left);
            Press(editor, EditKey.Tab);
            Assert.Equal("reboot x", editor.Text);
            Assert.Equal(7, editor.Cursor);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(42)]
        [InlineData(2026)]
        public void TerminalShowsTheBufferAfterEveryKeyOfARandomSequence(int seed)
        {
            var random = new Random(seed);
            LineEditor editor = NewEditor(12);
            var terminal = new TerminalModel();
            terminal.Write(Prompt);
            const string TypedCharacters = "lshpreb xy-";
            EditKey[] keys = (EditKey[])Enum.GetValues(typeof(EditKey));

            for (int step = 0; step < 3000; step++)
            {
                KeyInput input;
                // Characters often, Enter rarely, so lines grow to the capacity and the history fills.
                if (random.Next(3) == 0)
                {
                    input = KeyInput.Typed(TypedCharacters[random.Next(TypedCharacters.Length)]);
                }
                else
                {
                    EditKey key = keys[random.Next(keys.Length)];
                    if (key == EditKey.Enter && random.Next(4) != 0)
                    {
                        key = EditKey.Character;
                    }

                    input = new KeyInput(key, TypedCharacters[random.Next(TypedCharacters.Length)]);
                }

                string before = editor.Text;
                int cursorBefore = editor.Cursor;
                EditResult result = editor.Apply(input);
                terminal.Write(result.Output);
                if (result.IsFinished)
                {
                    Assert.Equal(before, result.Line);
                    terminal.Write(Prompt);
                }

                CheckExpectedEdit(input.Key, input.Character, before, cursorBefore, editor);
                Assert.Equal(Prompt + editor.Text, terminal.Row);
                Assert.Equal(Prompt.Length + editor.Cursor, terminal.Column);
            }
        }

        /// <summary>For the plain editing keys, checks the buffer against a string model of the edit.</summary>
        private static void CheckExpectedEdit(EditKey key, char character, string before, int cursor, LineEditor editor)
        {
            string text = before;
            switch (key)
            {
                case EditKey.Character:
                    if (before.Length < 12)
                    {
                        text = before.Insert(cursor, character.ToString());
                        cursor++;
                    }

                    break;
                case EditKey.Left:
                    cursor = Math.Max(0, cursor - 1);
                    break;
                case EditKey.Right:
                    cursor = Math.Min(before.Length, cursor + 1);
                    break;
                case EditKey.Home:
                    cursor = 0;
                    break;
                case EditKey.End:
                    cursor = before.Length;
                    break;
                case EditKey.Backspace:
                    if (cursor > 0)
                    {
                        text = before.Remove(cursor - 1, 1);
                        cursor--;
                    }

                    break;
                case EditKey.Delete:
                    if (cursor < before.Length)
                    {
                        text = before.Remove(cursor, 1);
                    }

                    break;
                case EditKey.Enter:
                    text = "";
                    cursor = 0;
                    break;
                default:
                    return;
            }

            Assert.Equal(text, editor.Text);
            Assert.Equal(cursor, editor.Cursor);
        }
    }
}
