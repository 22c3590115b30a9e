using System.Text;
using Cosmos.Api.Devices;

namespace Cosmos.Servers.Shell.Terminal
{
    /// <summary>
    /// Everything the shell shows, sent to both the serial line and the console as VT100 bytes. Text is collected and
    /// sent in batches (<see cref="Flush"/>, or when a batch is full); a lone LF goes out as CR LF.
    /// </summary>
    internal sealed class ShellOutput
    {
        private const int BatchCharacters = 440;

        private readonly OutputDevice _serial = new OutputDevice(DeviceNames.Serial);
        private readonly OutputDevice _console = new OutputDevice(DeviceNames.Console);
        private readonly StringBuilder _pending = new StringBuilder();
        private char _last;

        public OutputDevice Serial => _serial;

        public OutputDevice Console => _console;

        public void Write(string text)
        {
            for (int index = 0; index < text.Length; index++)
            {
                char character = text[index];
                if (character == '\n' && _last != '\r')
                {
                    _pending.Append('\r');
                }
                _pending.Append(character);
                _last = character;
            }
            if (_pending.Length >= BatchCharacters)
            {
                Flush();
            }
        }

        /// <summary>Writes <paramref name="text"/> and ends the line.</summary>
        public void Line(string text)
        {
            Write(text);
            Write("\r\n");
        }

        public void Flush()
        {
            if (_pending.Length == 0)
            {
                return;
            }
            string text = _pending.ToString();
            _pending.Clear();
            _serial.Write(text);
            _console.Write(text);
        }
    }
}
