namespace Cosmos.Drivers.Console.Screen
{
    /// <summary>
    /// Where a <see cref="ScreenPresenter"/> draws: a back end that shows one cell at a time (VGA text memory, or a
    /// framebuffer through the font) and shows the cursor. An abstract class rather than an interface, so the calls are
    /// plain virtual calls.
    /// </summary>
    public abstract class CellCanvas
    {
        /// <summary>Whether the canvas draws the cursor into its cell (<see cref="DrawCell"/>'s cursor flag) rather than with <see cref="PlaceCursor"/>.</summary>
        public abstract bool DrawsCursorInCell { get; }

        /// <summary>Draws <paramref name="cell"/> at <paramref name="column"/>, <paramref name="row"/>; <paramref name="cursor"/> when the cursor is on it.</summary>
        public abstract void DrawCell(int column, int row, ScreenCell cell, bool cursor);

        /// <summary>Moves a cursor the hardware draws to <paramref name="column"/>, <paramref name="row"/>.</summary>
        public abstract void PlaceCursor(int column, int row);
    }
}
