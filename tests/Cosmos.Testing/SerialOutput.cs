using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cosmos.Testing
{
    /// <summary>One complete line of serial output, without terminal control sequences and without its line ending.</summary>
    public sealed class SerialLine
    {
        internal SerialLine(int number, TimeSpan timestamp, string text, int start, int end)
        {
            Number = number;
            Timestamp = timestamp;
            Text = text;
            Start = start;
            End = end;
        }

        /// <summary>1 for the first line QEMU printed.</summary>
        public int Number { get; }

        /// <summary>When the line ended (its LF arrived), measured from the start of the QEMU process. Benchmarks subtract these.</summary>
        public TimeSpan Timestamp { get; }

        public string Text { get; }

        /// <summary>Offset of the line's first character in <see cref="SerialOutput.Text"/>.</summary>
        internal int Start { get; }

        /// <summary>Offset just past the line's LF in <see cref="SerialOutput.Text"/> (or past its last character for a final unterminated line).</summary>
        internal int End { get; }

        public override string ToString() => $"[{Timestamp.TotalSeconds,8:F3}] {Text}";
    }

    /// <summary>
    /// Everything a machine has written to its serial port so far, as plain text (terminal control sequences and CRs
    /// removed) and as timestamped lines. Safe to read from any thread while QEMU is still writing.
    /// </summary>
    public sealed class SerialOutput
    {
        private readonly object _lock = new object();
        private readonly StringBuilder _text = new StringBuilder();
        private readonly List<SerialLine> _lines = new List<SerialLine>();
        // Where each chunk of output starts in _text and when it arrived, so any text can be dated, not only whole lines.
        private readonly List<int> _chunkStarts = new List<int>();
        private readonly List<TimeSpan> _chunkTimes = new List<TimeSpan>();
        private readonly TerminalEscapeFilter _filter = new TerminalEscapeFilter();
        private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        private readonly Stopwatch _clock;
        private int _currentLineStart;
        private bool _isComplete;

        // Completed and replaced on every change, so that waiters can sleep until there is something new to look at.
        private TaskCompletionSource _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        internal SerialOutput(Stopwatch clock)
        {
            _clock = clock;
        }

        /// <summary>All output so far: lines separated by LF, including a final line that has not ended yet.</summary>
        public string Text
        {
            get
            {
                lock (_lock)
                {
                    return _text.ToString();
                }
            }
        }

        /// <summary>A snapshot of the complete lines so far (after QEMU exits, the unterminated last line counts too).</summary>
        public IReadOnlyList<SerialLine> Lines
        {
            get
            {
                lock (_lock)
                {
                    return _lines.ToArray();
                }
            }
        }

        /// <summary>True once QEMU has closed its end of the serial pipe, i.e. exited: no more output will come.</summary>
        public bool IsComplete
        {
            get
            {
                lock (_lock)
                {
                    return _isComplete;
                }
            }
        }

        /// <summary>The output from the start of <paramref name="line"/> to now, e.g. a whole panic report after its first line.</summary>
        public string TextFrom(SerialLine line)
        {
            ArgumentNullException.ThrowIfNull(line);
            lock (_lock)
            {
                return _text.ToString(line.Start, _text.Length - line.Start);
            }
        }

        /// <summary>
        /// When the first occurrence of <paramref name="text"/> had arrived completely (the arrival of its last character),
        /// or null if it has not appeared: e.g. a prompt, which no line end follows.
        /// </summary>
        public TimeSpan? TimeOfText(string text)
        {
            ArgumentException.ThrowIfNullOrEmpty(text);
            lock (_lock)
            {
                int index = _text.ToString().IndexOf(text, StringComparison.Ordinal);
                if (index < 0)
                {
                    return null;
                }

                int last = index + text.Length - 1;
                int chunk = _chunkStarts.BinarySearch(last);
                if (chunk < 0)
                {
                    chunk = ~chunk - 1;
                }

                return _chunkTimes[chunk];
            }
        }

        public override string ToString() => Text;

        /// <summary>Feeds raw bytes read from QEMU's serial pipe.</summary>
        internal void Append(ReadOnlySpan<byte> bytes)
        {
            TaskCompletionSource changed;
            lock (_lock)
            {
                int charCount = _decoder.GetCharCount(bytes, flush: false);
                char[] buffer = new char[charCount];
                int decoded = _decoder.GetChars(bytes, buffer, flush: false);
                int scanFrom = _text.Length;
                _filter.Filter(buffer.AsSpan(0, decoded), _text);
                TimeSpan now = _clock.Elapsed;
                if (_text.Length > scanFrom)
                {
                    _chunkStarts.Add(scanFrom);
                    _chunkTimes.Add(now);
                }

                for (int index = scanFrom; index < _text.Length; index++)
                {
                    if (_text[index] == '\n')
                    {
                        AddLine(_currentLineStart, index, index + 1, now);
                        _currentLineStart = index + 1;
                    }
                }

                changed = SwapChangedSignal();
            }

            changed.TrySetResult();
        }

        /// <summary>Called at end of file: the unterminated last line, if any, becomes a line of its own.</summary>
        internal void Complete()
        {
            TaskCompletionSource changed;
            lock (_lock)
            {
                if (_isComplete)
                {
                    return;
                }

                if (_currentLineStart < _text.Length)
                {
                    AddLine(_currentLineStart, _text.Length, _text.Length, _clock.Elapsed);
                    _currentLineStart = _text.Length;
                }

                _isComplete = true;
                changed = SwapChangedSignal();
            }

            changed.TrySetResult();
        }

        /// <summary>A task that completes at the next change. Take it before inspecting the output so no change is missed.</summary>
        internal Task NextChange
        {
            get
            {
                lock (_lock)
                {
                    return _changed.Task;
                }
            }
        }

        /// <summary>Length of <see cref="Text"/> now; positions below it never change.</summary>
        internal int Length
        {
            get
            {
                lock (_lock)
                {
                    return _text.Length;
                }
            }
        }

        /// <summary>The first complete line that ends after <paramref name="position"/> and satisfies <paramref name="predicate"/>.</summary>
        internal SerialLine FindLine(int position, Func<string, bool> predicate)
        {
            SerialLine[] candidates;
            lock (_lock)
            {
                int first = FirstLineEndingAfter(position);
                candidates = _lines.GetRange(first, _lines.Count - first).ToArray();
            }

            // The predicate is the caller's code: run it outside the lock so a slow or throwing predicate cannot block QEMU's reader.
            foreach (SerialLine line in candidates)
            {
                if (predicate(line.Text))
                {
                    return line;
                }
            }

            return null;
        }

        /// <summary>The text from <paramref name="position"/> to the end, for literal searches.</summary>
        internal string TextAfter(int position)
        {
            lock (_lock)
            {
                return _text.ToString(position, _text.Length - position);
            }
        }

        private int FirstLineEndingAfter(int position)
        {
            // Lines are in order and their End offsets increase, so a binary search finds the first unconsumed line.
            int low = 0;
            int high = _lines.Count;
            while (low < high)
            {
                int middle = low + ((high - low) / 2);
                if (_lines[middle].End <= position)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        private void AddLine(int start, int textEnd, int end, TimeSpan timestamp)
        {
            string text = _text.ToString(start, textEnd - start);
            _lines.Add(new SerialLine(_lines.Count + 1, timestamp, text, start, end));
        }

        private TaskCompletionSource SwapChangedSignal()
        {
            TaskCompletionSource previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return previous;
        }
    }
}
