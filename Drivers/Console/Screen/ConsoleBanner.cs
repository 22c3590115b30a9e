namespace Cosmos.Drivers.Console.Screen
{
    /// <summary>
    /// The line the console prints when it starts, on a cleared screen: "Cosmos console COLSxROWS" (with " framebuffer"
    /// on a framebuffer), then a new line. Tests look for it on the screen.
    /// </summary>
    public static class ConsoleBanner
    {
        public const string Prefix = "Cosmos console ";

        /// <summary>The banner's text, without the line end.</summary>
        public static string Text(int columns, int rows, bool framebuffer) =>
            Prefix + columns.ToString() + "x" + rows.ToString() + (framebuffer ? FramebufferWord : "");

        /// <summary>The word after the size on a framebuffer, drawn in yellow (a colour whose red and blue differ, so a test sees the channel order).</summary>
        public const string FramebufferWord = " framebuffer";

        /// <summary>
        /// The bytes to write: clear the screen, home, the banner in bright white (<see cref="FramebufferWord"/> in
        /// yellow), the colours back, CR LF.
        /// </summary>
        public static byte[] Bytes(int columns, int rows, bool framebuffer)
        {
            string text = "\u001b[2J\u001b[H\u001b[1;37m" + Text(columns, rows, framebuffer: false)
                + (framebuffer ? "\u001b[33m" + FramebufferWord : "") + "\u001b[0m\r\n";
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }
    }
}
