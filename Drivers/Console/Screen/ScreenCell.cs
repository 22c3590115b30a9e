namespace Cosmos.Drivers.Console.Screen
{
    /// <summary>
    /// One character cell of the text screen: the character's byte and its attribute in VGA text-mode layout (bits 0-3 the
    /// foreground colour, bits 4-7 the background colour, both <see cref="VgaColor"/>s), which both back ends draw.
    /// </summary>
    public readonly struct ScreenCell
    {
        public readonly byte Character;
        public readonly byte Attribute;

        public ScreenCell(byte character, byte attribute)
        {
            Character = character;
            Attribute = attribute;
        }

        public VgaColor Foreground => (VgaColor)(Attribute & 0x0F);

        public VgaColor Background => (VgaColor)(Attribute >> 4);

        /// <summary>The attribute byte of <paramref name="foreground"/> on <paramref name="background"/>.</summary>
        public static byte AttributeOf(VgaColor foreground, VgaColor background) => (byte)(((int)background & 0x0F) << 4 | ((int)foreground & 0x0F));

        public bool SameAs(ScreenCell other) => Character == other.Character && Attribute == other.Attribute;
    }
}
