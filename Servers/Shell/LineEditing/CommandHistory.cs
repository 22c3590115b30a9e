namespace Cosmos.Servers.Shell.LineEditing
{
    /// <summary>
    /// The last <see cref="Capacity"/> entered lines, oldest dropped first, and the up/down browsing position. The line
    /// being typed when browsing starts is kept and given back when browsing comes down past the newest entry. Empty
    /// lines and a repeat of the newest entry are not stored.
    /// </summary>
    internal sealed class CommandHistory
    {
        public const int DefaultCapacity = 32;

        private readonly string[] _entries;
        private int _oldest;
        private string _draft = "";

        /// <summary>0 is the oldest entry; Count means "not browsing" (the line being typed).</summary>
        private int _position;

        public CommandHistory(int capacity)
        {
            _entries = new string[capacity];
        }

        public CommandHistory()
            : this(DefaultCapacity)
        {
        }

        public int Capacity => _entries.Length;

        public int Count { get; private set; }

        public bool IsBrowsing => _position < Count;

        /// <summary>The entry <paramref name="age"/> steps back (0 is the newest).</summary>
        public string EntryFromNewest(int age)
        {
            return _entries[(_oldest + Count - 1 - age) % Capacity];
        }

        /// <summary>Stores an entered line (unless empty or equal to the newest) and ends browsing.</summary>
        public void Add(string line)
        {
            _draft = "";
            if (line.Length != 0 && (Count == 0 || EntryFromNewest(0) != line))
            {
                if (Count == Capacity)
                {
                    _entries[_oldest] = line;
                    _oldest = (_oldest + 1) % Capacity;
                }
                else
                {
                    _entries[(_oldest + Count) % Capacity] = line;
                    Count++;
                }
            }

            _position = Count;
        }

        /// <summary>
        /// Steps to the next older entry; <paramref name="currentLine"/> is kept when browsing starts. False (and no
        /// change) at the oldest entry or with an empty history.
        /// </summary>
        public bool TryOlder(string currentLine, out string line)
        {
            line = null;
            if (_position == 0)
            {
                return false;
            }

            if (_position == Count)
            {
                _draft = currentLine;
            }

            _position--;
            line = _entries[(_oldest + _position) % Capacity];
            return true;
        }

        /// <summary>Steps to the next newer entry, or back to the kept line after the newest. False when not browsing.</summary>
        public bool TryNewer(out string line)
        {
            line = null;
            if (_position == Count)
            {
                return false;
            }

            _position++;
            line = _position == Count ? _draft : _entries[(_oldest + _position) % Capacity];
            return true;
        }
    }
}
