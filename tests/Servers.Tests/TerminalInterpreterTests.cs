using System;
using Cosmos.Drivers.Console.Screen;
using Xunit;

namespace Servers.Tests
{
    public class TerminalInterpreterTests
    {
        private static (TextScreen Screen, TerminalInterpreter Interpreter) Make(int columns = 20, int rows = 5)
        {
            var screen = new TextScreen(columns, rows);
            return (screen, new TerminalInterpreter(screen));
        }

        [Fact]
        public void PrintsTextAndHandlesCarriageReturnAndLineFeed()
        {
            var (screen, interpreter) = Make();

            interpreter.Write("hello\r\nworld\rW");

            Assert.Equal("hello", screen.Row(0));
            Assert.Equal("World", screen.Row(1));
            Assert.Equal(1, screen.CursorColumn);
        }

        [Fact]
        public void LineFeedAloneKeepsTheColumn()
        {
            var (screen, interpreter) = Make();

            interpreter.Write("ab\ncd");

            Assert.Equal("  cd", screen.Row(1));
        }

        [Fact]
        public void BellAndOtherControlsDoNothing()
        {
            var (screen, interpreter) = Make();

            interpreter.Write("a\u0007\u0000\u0001\u007fb");

            Assert.Equal("ab", screen.Row(0));
        }

        [Theory]
        [InlineData("\u001b[2A", 0, 10)]
        [InlineData("\u001b[A", 1, 10)]
        [InlineData("\u001b[0A", 1, 10)]
        [InlineData("\u001b[9A", 0, 10)]
        [InlineData("\u001b[B", 3, 10)]
        [InlineData("\u001b[5B", 4, 10)]
        [InlineData("\u001b[3C", 2, 13)]
        [InlineData("\u001b[99C", 2, 19)]
        [InlineData("\u001b[4D", 2, 6)]
        [InlineData("\u001b[D", 2, 9)]
        [InlineData("\u001b[H", 0, 0)]
        [InlineData("\u001b[4;7H", 3, 6)]
        [InlineData("\u001b[;7H", 0, 6)]
        [InlineData("\u001b[4H", 3, 0)]
        [InlineData("\u001b[0;0H", 0, 0)]
        [InlineData("\u001b[99;99H", 4, 19)]
        [InlineData("\u001b[2;3f", 1, 2)]
        public void MovesTheCursor(string sequence, int row, int column)
        {
            var (screen, interpreter) = Make();
            screen.SetCursor(2, 10);

            interpreter.Write(sequence);

            Assert.Equal(row, screen.CursorRow);
            Assert.Equal(column, screen.CursorColumn);
        }

        [Fact]
        public void EraseToTheEndOfTheLineKeepsTheCursorAndTheStart()
        {
            var (screen, interpreter) = Make();
            interpreter.Write("abcdef\r\nghijkl\u001b[1;3H\u001b[K");

            Assert.Equal("ab", screen.Row(0));
            Assert.Equal("ghijkl", screen.Row(1));
            Assert.Equal(2, screen.CursorColumn);
        }

        [Fact]
        public void EraseInLineModesOneAndTwo()
        {
            var (screen, interpreter) = Make();
            interpreter.Write("abcdef\u001b[1;3H\u001b[1K");
            Assert.Equal("   def", screen.Row(0));

            interpreter.Write("\u001b[2K");
            Assert.Equal("", screen.Row(0));
        }

        [Fact]
        public void ClearScreenBlanksEveryRowAndLeavesTheCursor()
        {
            var (screen, interpreter) = Make();
            interpreter.Write("one\r\ntwo\r\nthree");

            interpreter.Write("\u001b[2J");

            for (int row = 0; row < screen.Rows; row++)
            {
                Assert.Equal("", screen.Row(row));
            }
            Assert.Equal(2, screen.CursorRow);
            Assert.Equal(5, screen.CursorColumn);
        }

        [Fact]
        public void EraseBelowTheCursor()
        {
            var (screen, interpreter) = Make();
            interpreter.Write("one\r\ntwo\r\nthree\u001b[2;2H\u001b[J");

            Assert.Equal("one", screen.Row(0));
            Assert.Equal("t", screen.Row(1));
            Assert.Equal("", screen.Row(2));
        }

        [Fact]
        public void SelectGraphicRenditionSetsAnsiColoursInVgaOrder()
        {
            var (screen, interpreter) = Make();

            interpreter.Write("\u001b[31;44mr\u001b[32mg\u001b[33;46my\u001b[39mn\u001b[49md");

            Assert.Equal(VgaColor.Red, screen.CellAt(0, 0).Foreground);
            Assert.Equal(VgaColor.Blue, screen.CellAt(0, 0).Background);
            Assert.Equal(VgaColor.Green, screen.CellAt(1, 0).Foreground);
            Assert.Equal(VgaColor.Brown, screen.CellAt(2, 0).Foreground);
            Assert.Equal(VgaColor.Cyan, screen.CellAt(2, 0).Background);
            Assert.Equal(VgaColor.LightGray, screen.CellAt(3, 0).Foreground);
            Assert.Equal(VgaColor.Cyan, screen.CellAt(3, 0).Background);
            Assert.Equal(VgaColor.Black, screen.CellAt(4, 0).Background);
        }

        [Fact]
        public void BoldBrightensAndReverseSwapsAndZeroResets()
        {
            var (screen, interpreter) = Make();

            interpreter.Write("\u001b[1;34ma\u001b[0;7mb\u001b[mc\u001b[1;22md\u001b[7;27me");

            Assert.Equal(VgaColor.LightBlue, screen.CellAt(0, 0).Foreground);
            Assert.Equal(VgaColor.Black, screen.CellAt(1, 0).Foreground);
            Assert.Equal(VgaColor.LightGray, screen.CellAt(1, 0).Background);
            Assert.Equal(VgaColor.LightGray, screen.CellAt(2, 0).Foreground);
            Assert.Equal(VgaColor.Black, screen.CellAt(2, 0).Background);
            Assert.Equal(VgaColor.LightGray, screen.CellAt(3, 0).Foreground);
            Assert.Equal(VgaColor.LightGray, screen.CellAt(4, 0).Foreground);
        }

        [Fact]
        public void ASequenceSplitAcrossWritesWorks()
        {
            var (screen, interpreter) = Make();

            interpreter.Write("\u001b");
            interpreter.Write("[3");
            interpreter.Write(";5");
            interpreter.Write("Hx");

            Assert.Equal("    x", screen.Row(2));
        }

        [Theory]
        [InlineData("\u001b[?25lx")]        // private sequence (cursor hide): ignored
        [InlineData("\u001b[5Zx")]          // unknown final: ignored
        [InlineData("\u001bcx")]            // ESC c: not in the subset, dropped with its byte
        [InlineData("\u001b[12\u0018x")]    // CAN cancels
        [InlineData("\u001b[1 qx")]         // intermediate byte: ignored
        public void UnknownOrCancelledSequencesPrintNothing(string text)
        {
            var (screen, interpreter) = Make();

            interpreter.Write(text);

            Assert.Equal("x", screen.Row(0));
        }

        [Fact]
        public void HugeParametersAreBounded()
        {
            var (screen, interpreter) = Make();

            interpreter.Write("\u001b[99999999999999999999999999B\u001b[99999999999999999999999999999;999999999999999999999999H");

            Assert.Equal(4, screen.CursorRow);
            Assert.Equal(19, screen.CursorColumn);
        }

        [Fact]
        public void TooManyParametersIgnoreTheSequence()
        {
            var (screen, interpreter) = Make();
            screen.SetCursor(1, 1);

            interpreter.Write("\u001b[" + new string(';', 100000) + "5H");

            Assert.Equal(1, screen.CursorRow);
            Assert.Equal(1, screen.CursorColumn);
        }

        [Fact]
        public void EscapeInsideASequenceStartsANewOne()
        {
            var (screen, interpreter) = Make();

            interpreter.Write("\u001b[3\u001b[2;2Hx");

            Assert.Equal(" x", screen.Row(1));
        }

        [Fact]
        public void ControlCharactersInsideASequenceActAtOnce()
        {
            var (screen, interpreter) = Make();
            interpreter.Write("abc");

            interpreter.Write("\u001b[\r2Cx");

            Assert.Equal("abx", screen.Row(0));
            Assert.Equal(3, screen.CursorColumn);
        }

        private const string Interesting = "\u001b[0123456789;ABCDHJKm?\r\n\b\t";

        [Fact]
        public void RandomBytesNeverThrowAndKeepTheCursorOnTheScreen()
        {
            var random = new Random(1234);
            var (screen, interpreter) = Make(13, 7);
            byte[] bytes = new byte[4096];
            for (int round = 0; round < 200; round++)
            {
                random.NextBytes(bytes);
                // Bias towards the interesting bytes: ESC, '[', digits, ';' and the finals.
                for (int i = 0; i < bytes.Length; i += 3)
                {
                    bytes[i] = (byte)Interesting[random.Next(Interesting.Length)];
                }

                interpreter.Write(bytes);

                Assert.InRange(screen.CursorRow, 0, screen.Rows - 1);
                Assert.InRange(screen.CursorColumn, 0, screen.Columns - 1);
            }
        }
    }
}
