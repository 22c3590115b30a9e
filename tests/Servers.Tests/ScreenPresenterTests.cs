using System.Collections.Generic;
using Cosmos.Drivers.Console.Screen;
using Xunit;

namespace Servers.Tests
{
    public class ScreenPresenterTests
    {
        private sealed class RecordingCanvas : CellCanvas
        {
            private readonly bool _drawsCursor;

            public RecordingCanvas(bool drawsCursor)
            {
                _drawsCursor = drawsCursor;
            }

            public List<(int Column, int Row, char Character, bool Cursor)> Drawn { get; } = new List<(int, int, char, bool)>();

            public (int Column, int Row)? Cursor { get; private set; }

            public override bool DrawsCursorInCell => _drawsCursor;

            public override void DrawCell(int column, int row, ScreenCell cell, bool cursor) => Drawn.Add((column, row, (char)cell.Character, cursor));

            public override void PlaceCursor(int column, int row) => Cursor = (column, row);
        }

        [Fact]
        public void TheFirstPresentDrawsEveryCellAndPlacesTheCursor()
        {
            var screen = new TextScreen(4, 3);
            var canvas = new RecordingCanvas(drawsCursor: false);
            var presenter = new ScreenPresenter(screen, canvas);

            presenter.Present();

            Assert.Equal(12, canvas.Drawn.Count);
            Assert.Equal((0, 0), canvas.Cursor);
            Assert.False(screen.HasDamage);
        }

        [Fact]
        public void OnlyChangedCellsAreDrawnAgain()
        {
            var screen = new TextScreen(4, 3);
            var interpreter = new TerminalInterpreter(screen);
            var canvas = new RecordingCanvas(drawsCursor: false);
            var presenter = new ScreenPresenter(screen, canvas);
            presenter.Present();
            canvas.Drawn.Clear();

            interpreter.Write("\u001b[2;1Hab");
            presenter.Present();

            Assert.Equal(new[] { (0, 1, 'a', false), (1, 1, 'b', false) }, canvas.Drawn);
            Assert.Equal((2, 1), canvas.Cursor);
        }

        [Fact]
        public void AScrollRedrawsOnlyCellsWhoseContentMoved()
        {
            var screen = new TextScreen(4, 3);
            var interpreter = new TerminalInterpreter(screen);
            var canvas = new RecordingCanvas(drawsCursor: false);
            var presenter = new ScreenPresenter(screen, canvas);
            interpreter.Write("a\r\n\r\nb");
            presenter.Present();
            canvas.Drawn.Clear();

            interpreter.Write("\r\n");
            presenter.Present();

            // Row 0 loses 'a' (now blank), row 1 gets 'b', row 2 loses 'b': three cells, not twelve.
            Assert.Equal(3, canvas.Drawn.Count);
            Assert.Contains((0, 1, 'b', false), canvas.Drawn);
        }

        [Fact]
        public void ACanvasThatDrawsTheCursorGetsTheOldAndNewCursorCells()
        {
            var screen = new TextScreen(4, 3);
            var interpreter = new TerminalInterpreter(screen);
            var canvas = new RecordingCanvas(drawsCursor: true);
            var presenter = new ScreenPresenter(screen, canvas);
            presenter.Present();
            Assert.Contains((0, 0, ' ', true), canvas.Drawn);
            canvas.Drawn.Clear();

            interpreter.Write("\u001b[3;3H");
            presenter.Present();

            Assert.Equal(new[] { (0, 0, ' ', false), (2, 2, ' ', true) }, canvas.Drawn);
            Assert.Null(canvas.Cursor);
        }
    }
}
