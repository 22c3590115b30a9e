using Cosmos.Drivers.Console.Screen;
using Xunit;

namespace Servers.Tests
{
    public class TextScreenTests
    {
        private static readonly byte Default = ScreenCell.AttributeOf(VgaColor.LightGray, VgaColor.Black);

        [Fact]
        public void StartsBlankWithTheCursorHomeAndEveryRowDamaged()
        {
            var screen = new TextScreen(10, 4);

            Assert.Equal(0, screen.CursorColumn);
            Assert.Equal(0, screen.CursorRow);
            for (int row = 0; row < 4; row++)
            {
                Assert.True(screen.IsRowDamaged(row));
                Assert.Equal("", screen.Row(row));
                Assert.Equal(Default, screen.CellAt(9, row).Attribute);
            }
        }

        [Fact]
        public void PrintingDamagesOnlyTheCursorsRow()
        {
            var screen = new TextScreen(10, 4);
            screen.ClearDamage();

            screen.SetCursor(2, 0);
            screen.Print((byte)'x');

            Assert.True(screen.HasDamage);
            Assert.True(screen.IsRowDamaged(2));
            Assert.False(screen.IsRowDamaged(0));
            Assert.False(screen.IsRowDamaged(1));
            Assert.False(screen.IsRowDamaged(3));
            Assert.Equal("x", screen.Row(2));
        }

        [Fact]
        public void WrapIsDeferredUntilTheNextPrintableCharacter()
        {
            var screen = new TextScreen(4, 3);
            foreach (char c in "abcd")
            {
                screen.Print((byte)c);
            }

            Assert.Equal(3, screen.CursorColumn);
            Assert.Equal(0, screen.CursorRow);

            screen.Print((byte)'e');

            Assert.Equal("abcd", screen.Row(0));
            Assert.Equal("e", screen.Row(1));
            Assert.Equal(1, screen.CursorColumn);
            Assert.Equal(1, screen.CursorRow);
        }

        [Fact]
        public void AFullLineThenCarriageReturnAndLineFeedLeavesNoEmptyLine()
        {
            var screen = new TextScreen(4, 3);
            foreach (char c in "abcd")
            {
                screen.Print((byte)c);
            }
            screen.CarriageReturn();
            screen.LineFeed();
            screen.Print((byte)'e');

            Assert.Equal("e", screen.Row(1));
        }

        [Fact]
        public void LineFeedOnTheLastRowScrollsEverythingUpAndBlanksTheLastRow()
        {
            var screen = new TextScreen(5, 3);
            var interpreter = new TerminalInterpreter(screen);
            interpreter.Write("one\r\ntwo\r\nthree");
            screen.ClearDamage();

            screen.LineFeed();

            Assert.Equal("two", screen.Row(0));
            Assert.Equal("three", screen.Row(1));
            Assert.Equal("", screen.Row(2));
            Assert.Equal(2, screen.CursorRow);
            for (int row = 0; row < 3; row++)
            {
                Assert.True(screen.IsRowDamaged(row));
            }
        }

        [Fact]
        public void WrappingOnTheLastRowScrolls()
        {
            var screen = new TextScreen(3, 2);
            foreach (char c in "abcdefg")
            {
                screen.Print((byte)c);
            }

            Assert.Equal("def", screen.Row(0));
            Assert.Equal("g", screen.Row(1));
        }

        [Fact]
        public void CursorMovesStopAtTheEdges()
        {
            var screen = new TextScreen(10, 5);

            screen.MoveCursor(-3, -3);
            Assert.Equal((0, 0), (screen.CursorRow, screen.CursorColumn));
            screen.MoveCursor(100, 100);
            Assert.Equal((4, 9), (screen.CursorRow, screen.CursorColumn));
            screen.MoveCursor(int.MinValue, int.MaxValue);
            Assert.Equal((0, 9), (screen.CursorRow, screen.CursorColumn));
            screen.SetCursor(-5, 50);
            Assert.Equal((0, 9), (screen.CursorRow, screen.CursorColumn));
        }

        [Fact]
        public void TabGoesToTheNextMultipleOfEightAndStopsAtTheLastColumn()
        {
            var screen = new TextScreen(20, 2);

            screen.Tab();
            Assert.Equal(8, screen.CursorColumn);
            screen.Print((byte)'x');
            screen.Tab();
            Assert.Equal(16, screen.CursorColumn);
            screen.Tab();
            Assert.Equal(19, screen.CursorColumn);
        }

        [Fact]
        public void BackspaceMovesLeftWithoutErasingAndStopsAtColumnZero()
        {
            var screen = new TextScreen(10, 2);
            screen.Print((byte)'a');
            screen.Print((byte)'b');

            screen.Backspace();
            screen.Backspace();
            screen.Backspace();

            Assert.Equal(0, screen.CursorColumn);
            Assert.Equal("ab", screen.Row(0));
        }

        [Fact]
        public void EraseUsesTheCurrentBackground()
        {
            var screen = new TextScreen(6, 2);
            screen.SetBackground(VgaColor.Blue);

            screen.EraseInLine(2);

            Assert.Equal(VgaColor.Blue, screen.CellAt(3, 0).Background);
            Assert.Equal(VgaColor.Black, screen.CellAt(3, 1).Background);
        }

        [Fact]
        public void OutOfRangeCellsReadAsBlank()
        {
            var screen = new TextScreen(3, 3);

            Assert.Equal((byte)' ', screen.CellAt(-1, 0).Character);
            Assert.Equal((byte)' ', screen.CellAt(0, 3).Character);
            Assert.False(screen.IsRowDamaged(-1));
            Assert.False(screen.IsRowDamaged(3));
        }

        [Fact]
        public void DimensionsAreClampedToSaneBounds()
        {
            var tiny = new TextScreen(0, -4);
            var huge = new TextScreen(100000, 5);

            Assert.Equal(1, tiny.Columns);
            Assert.Equal(1, tiny.Rows);
            Assert.Equal(TextScreen.MaximumDimension, huge.Columns);
            tiny.Print((byte)'a');
            tiny.Print((byte)'b');
            Assert.Equal("b", tiny.Row(0));
        }
    }
}
