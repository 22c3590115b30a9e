using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Drivers.Console.Screen;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The console driver on real (emulated) screens: in VGA text mode under SeaBIOS its banner is in the text memory at
    /// 0xB8000, read through QEMU's monitor; under OVMF it draws on the firmware's framebuffer, and a screendump shows the
    /// banner drawn with the driver's own font (compiled into this project), pixel for pixel.
    /// </summary>
    public sealed class ConsoleTests
    {
        /// <summary>The console's words with the boot manifest's capabilities: register, VGA text memory, CRTC ports.</summary>
        private const string ConsoleRun = "run=console+register+device=0xb8000/15+io=0x3d4-0x3d5";

        /// <summary>"console: VGA text 80x25, registered as console".</summary>
        private static readonly Regex VgaTextStarted = new Regex(@"^console: VGA text (?<columns>\d+)x(?<rows>\d+), registered as console", RegexOptions.CultureInvariant);

        /// <summary>"console: framebuffer 1024x768x32 at 0x80000000, 128x48 text, registered as console".</summary>
        private static readonly Regex FramebufferStarted = new Regex(
            @"^console: framebuffer (?<width>\d+)x(?<height>\d+)x(?<depth>\d+) at 0x(?<base>[0-9a-f]+), (?<columns>\d+)x(?<rows>\d+) text, registered as console",
            RegexOptions.CultureInvariant);

        /// <summary>The console's report that it could not use the framebuffer it was told about (so it names its address).</summary>
        private static readonly Regex FramebufferRefused = new Regex(
            @"^console: (no device right for|cannot map|cannot draw on) the framebuffer (?<width>\d+)x(?<height>\d+)x(?<depth>\d+) at 0x(?<base>[0-9a-f]+)",
            RegexOptions.CultureInvariant);

        /// <summary>Where OVMF puts the standard VGA's framebuffer BAR on QEMU's pc machine (16 MiB); checked against the console's report.</summary>
        private const ulong ExpectedFramebufferBase = 0x80000000;

        private static readonly TimeSpan BiosTimeout = TimeSpan.FromSeconds(120);

        /// <summary>OVMF under TCG takes long to reach GRUB, and drawing a framebuffer is slow too.</summary>
        private static readonly TimeSpan UefiTimeout = TimeSpan.FromSeconds(300);

        [Fact]
        public async Task InVgaTextModeTheBannerIsInTheTextMemoryInBrightWhite()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions { KernelCommandLine = ConsoleRun });

            SerialLine started = await machine.WaitForLineAsync(VgaTextStarted, BiosTimeout);
            Match match = VgaTextStarted.Match(started.Text);
            MachineAssert.True(machine, match.Groups["columns"].Value == "80" && match.Groups["rows"].Value == "25", $"Not 80x25: \"{started.Text}\".");

            string dump = await machine.SendMonitorCommandAsync("xp /80hx 0xb8000");
            ushort[] cells = ParseWords(dump);
            MachineAssert.True(machine, cells.Length == 80, $"The monitor gave {cells.Length} words of the text memory, not 80:\n{dump}");
            string banner = ConsoleBanner.Text(80, 25, framebuffer: false);
            string row = new string(cells.Select(cell => (char)(cell & 0xFF)).ToArray());
            MachineAssert.True(machine, row.StartsWith(banner + " ", StringComparison.Ordinal), $"The first screen row is \"{row.TrimEnd()}\", not the banner \"{banner}\".");
            // Bright white on black (SGR 1;37), and the rest of the row blank in light grey on black (SGR 0).
            MachineAssert.True(machine, cells.Take(banner.Length).All(cell => cell >> 8 == 0x0F), "The banner is not bright white on black: " + dump);
            MachineAssert.True(machine, cells.Skip(banner.Length).All(cell => cell == 0x0720), "The rest of the first row is not blank: " + dump);
        }

        [Fact]
        public async Task UnderUefiTheBannerIsDrawnOnTheFramebufferWithTheConsolesFont()
        {
            (QemuMachine machine, SerialLine started) = await StartOnFramebufferAsync(ExpectedFramebufferBase);
            await using (machine)
            {
                Match match = FramebufferStarted.Match(started.Text);
                int width = Number(match, "width");
                int height = Number(match, "height");
                int columns = Number(match, "columns");
                int rows = Number(match, "rows");
                MachineAssert.True(machine, columns == width / ConsoleFont.Width && rows == height / ConsoleFont.Height, $"The text grid does not follow the mode: \"{started.Text}\".");

                string file = Path.Combine(Path.GetTempPath(), $"cosmos-console-{Guid.NewGuid():N}.ppm");
                try
                {
                    await machine.SendMonitorCommandAsync("screendump " + file, UefiTimeout);
                    PortablePixmap image = PortablePixmap.Read(file);
                    MachineAssert.True(machine, image.Width == width && image.Height == height, $"The screendump is {image.Width}x{image.Height}, the console says {width}x{height}.");

                    // "Cosmos console COLSxROWS" in bright white, then " framebuffer" in yellow (SGR 1;33: red and blue differ,
                    // so a swapped channel order shows).
                    string size = ConsoleBanner.Text(columns, rows, framebuffer: false);
                    string banner = ConsoleBanner.Text(columns, rows, framebuffer: true);
                    string mismatch = CompareText(image, size, 0, 0, foreground: 0xFFFFFF, background: 0x000000)
                        ?? CompareText(image, ConsoleBanner.FramebufferWord, size.Length * ConsoleFont.Width, 0, foreground: 0xFFFF55, background: 0x000000);
                    MachineAssert.True(machine, mismatch == null, $"The banner \"{banner}\" is not drawn at the top left: {mismatch}");
                    // The cursor is a block (colours swapped) at the start of the second row, after the banner's CR LF.
                    string cursor = CompareCell(image, ' ', 0, ConsoleFont.Height, foreground: 0x000000, background: 0xAAAAAA);
                    MachineAssert.True(machine, cursor == null, $"No block cursor at the start of the second row: {cursor}");
                    // Something else on the screen would be a stale firmware picture: the rest of the first row is background.
                    string blank = CompareText(image, new string(' ', columns - banner.Length), banner.Length * ConsoleFont.Width, 0, 0xAAAAAA, 0x000000);
                    MachineAssert.True(machine, blank == null, $"The first row after the banner is not blank: {blank}");
                }
                finally
                {
                    File.Delete(file);
                }
            }
        }

        /// <summary>
        /// Boots under OVMF with a device right for the framebuffer at <paramref name="guessedBase"/>; when the console
        /// reports the framebuffer elsewhere (another QEMU or OVMF places the BAR differently), boots once more with a right
        /// for the reported range.
        /// </summary>
        private static async Task<(QemuMachine Machine, SerialLine Started)> StartOnFramebufferAsync(ulong guessedBase)
        {
            QemuMachine machine = await StartUefiAsync(guessedBase, 24);
            SerialLine line = await machine.WaitForLineAsync(
                text => FramebufferStarted.IsMatch(text) || FramebufferRefused.IsMatch(text) || VgaTextStarted.IsMatch(text) || KernelContract.Panic.IsMatch(text),
                "the console's start line", UefiTimeout);
            Match refused = FramebufferRefused.Match(line.Text);
            if (!refused.Success)
            {
                MachineAssert.True(machine, FramebufferStarted.IsMatch(line.Text), $"The console did not start on the framebuffer: \"{line.Text}\".");
                return (machine, line);
            }
            ulong framebufferBase = ulong.Parse(refused.Groups["base"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            MachineAssert.True(machine, framebufferBase != guessedBase, $"The console could not use the framebuffer at the guessed base: \"{line.Text}\".");
            await machine.DisposeAsync();

            // A right for a naturally aligned power-of-two range that holds the whole framebuffer (at most 16 MiB for QEMU's VGA).
            int sizeLog2 = 24;
            machine = await StartUefiAsync(framebufferBase & ~((1UL << sizeLog2) - 1), sizeLog2);
            line = await machine.WaitForLineAsync(
                text => FramebufferStarted.IsMatch(text) || FramebufferRefused.IsMatch(text) || VgaTextStarted.IsMatch(text) || KernelContract.Panic.IsMatch(text),
                "the console's start line", UefiTimeout);
            MachineAssert.True(machine, FramebufferStarted.IsMatch(line.Text), $"The console did not start on the framebuffer: \"{line.Text}\".");
            return (machine, line);
        }

        private static Task<QemuMachine> StartUefiAsync(ulong framebufferBase, int sizeLog2) =>
            QemuMachine.StartAsync(new QemuOptions
            {
                Firmware = Firmware.Uefi,
                KernelCommandLine = ConsoleRun + "+device=0x" + framebufferBase.ToString("x", CultureInfo.InvariantCulture) + "/" + sizeLog2.ToString(CultureInfo.InvariantCulture),
                DefaultTimeout = UefiTimeout,
            });

        private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

        /// <summary>The 16-bit words of an "xp /Nhx" answer ("00000000000b8000: 0x0f43 0x0f6f ...").</summary>
        private static ushort[] ParseWords(string dump) =>
            dump.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Contains(':'))
                .SelectMany(line => line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(word => ushort.Parse(word.Replace("0x", ""), NumberStyles.HexNumber, CultureInfo.InvariantCulture))
                .ToArray();

        /// <summary>Null when <paramref name="text"/> is drawn from pixel (<paramref name="x"/>, <paramref name="y"/>) in those colours, else where it is not.</summary>
        private static string CompareText(PortablePixmap image, string text, int x, int y, uint foreground, uint background)
        {
            for (int i = 0; i < text.Length; i++)
            {
                string mismatch = CompareCell(image, text[i], x + i * ConsoleFont.Width, y, foreground, background);
                if (mismatch != null)
                {
                    return $"character {i} '{text[i]}': {mismatch}";
                }
            }
            return null;
        }

        private static string CompareCell(PortablePixmap image, char character, int x, int y, uint foreground, uint background)
        {
            var found = new StringBuilder();
            bool differs = false;
            for (int row = 0; row < ConsoleFont.Height; row++)
            {
                int bits = ConsoleFont.RowBits((byte)character, row);
                for (int column = 0; column < ConsoleFont.Width; column++)
                {
                    bool set = (bits & (0x80 >> column)) != 0;
                    uint pixel = image.Pixel(x + column, y + row);
                    differs |= pixel != (set ? foreground : background);
                    found.Append(pixel == foreground ? '#' : pixel == background ? '.' : '?');
                }
                found.Append('/');
            }
            return differs ? $"pixels at ({x}, {y}) read {found} ('#' foreground, '.' background, '?' other)" : null;
        }

        /// <summary>A binary PPM (P6, maxval 255) as QEMU's screendump writes it.</summary>
        private sealed class PortablePixmap
        {
            private readonly byte[] _pixels;

            private PortablePixmap(int width, int height, byte[] pixels)
            {
                Width = width;
                Height = height;
                _pixels = pixels;
            }

            public int Width { get; }

            public int Height { get; }

            /// <summary>0xRRGGBB at (<paramref name="x"/>, <paramref name="y"/>).</summary>
            public uint Pixel(int x, int y)
            {
                int offset = (y * Width + x) * 3;
                return (uint)(_pixels[offset] << 16 | _pixels[offset + 1] << 8 | _pixels[offset + 2]);
            }

            public static PortablePixmap Read(string path)
            {
                byte[] file = File.ReadAllBytes(path);
                int position = 0;
                string magic = Token(file, ref position);
                int width = int.Parse(Token(file, ref position), CultureInfo.InvariantCulture);
                int height = int.Parse(Token(file, ref position), CultureInfo.InvariantCulture);
                int maximum = int.Parse(Token(file, ref position), CultureInfo.InvariantCulture);
                if (magic != "P6" || maximum != 255)
                {
                    throw new InvalidDataException($"{path} is not a P6 pixmap with maxval 255 ({magic}, {maximum}).");
                }
                position++; // the single whitespace byte after the header
                byte[] pixels = file.AsSpan(position).ToArray();
                if (pixels.Length < width * height * 3)
                {
                    throw new InvalidDataException($"{path} holds {pixels.Length} bytes of pixels, not {width * height * 3}.");
                }
                return new PortablePixmap(width, height, pixels);
            }

            private static string Token(byte[] file, ref int position)
            {
                while (position < file.Length && (char.IsWhiteSpace((char)file[position]) || file[position] == '#'))
                {
                    if (file[position] == '#')
                    {
                        while (position < file.Length && file[position] != '\n')
                        {
                            position++;
                        }
                    }
                    position++;
                }
                int start = position;
                while (position < file.Length && !char.IsWhiteSpace((char)file[position]))
                {
                    position++;
                }
                return Encoding.ASCII.GetString(file, start, position - start);
            }
        }
    }
}
