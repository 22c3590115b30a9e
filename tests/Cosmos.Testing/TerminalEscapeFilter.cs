using System;
using System.Text;

namespace Cosmos.Testing
{
    /// <summary>
    /// Removes terminal control sequences from a character stream so that lines compare as plain text. GRUB and OVMF
    /// drive the serial console like a terminal: they clear the screen and move the cursor (ESC [ H, ESC [ 2 J,
    /// ESC [ 1 ; 1 H), set colours (ESC [ 0 m) and modes (ESC [ = 3 h), and end lines with CR LF or a lone CR.
    /// The filter keeps printable characters, LF and TAB, and drops the rest. It is stateful because a sequence may
    /// be split across two reads of the pipe.
    /// </summary>
    public sealed class TerminalEscapeFilter
    {
        private const char Escape = '\u001b';
        private const char Bell = '\u0007';

        private State _state = State.Text;

        private enum State
        {
            Text,

            /// <summary>After ESC: the next character says which kind of sequence follows.</summary>
            Escape,

            /// <summary>Control Sequence Introducer (ESC [): parameter and intermediate bytes up to one final byte.</summary>
            ControlSequence,

            /// <summary>Operating System Command or other string (ESC ], ESC P, ...): everything up to BEL or ESC \.</summary>
            CommandString,

            /// <summary>ESC seen inside a command string: a backslash ends the string.</summary>
            CommandStringEscape,

            /// <summary>Character set designation (ESC ( B and the like): exactly one more character.</summary>
            CharacterSet,
        }

        /// <summary>Appends the visible part of <paramref name="input"/> to <paramref name="output"/>.</summary>
        public void Filter(ReadOnlySpan<char> input, StringBuilder output)
        {
            foreach (char character in input)
            {
                Accept(character, output);
            }
        }

        /// <summary>Convenience for whole strings (tests, one-off cleaning).</summary>
        public static string Strip(string text)
        {
            var output = new StringBuilder(text.Length);
            new TerminalEscapeFilter().Filter(text, output);
            return output.ToString();
        }

        private void Accept(char character, StringBuilder output)
        {
            switch (_state)
            {
                case State.Text:
                    AcceptText(character, output);
                    break;

                case State.Escape:
                    _state = character switch
                    {
                        '[' => State.ControlSequence,
                        ']' or 'P' or 'X' or '^' or '_' => State.CommandString,
                        '(' or ')' or '*' or '+' or '-' or '.' or '/' => State.CharacterSet,
                        // ESC ESC: the first escape was abandoned; the second starts a new sequence.
                        Escape => State.Escape,
                        // Every other character completes a two-character sequence (ESC 7, ESC c, ESC =, ...).
                        _ => State.Text,
                    };
                    break;

                case State.ControlSequence:
                    if (character >= '\u0040' && character <= '\u007e')
                    {
                        _state = State.Text;
                    }
                    else if (character < '\u0020' || character > '\u007e')
                    {
                        // Not part of a well-formed sequence: a terminal would act on the control character, so treat the
                        // sequence as ended and the character as ordinary input (a line feed must still end the line).
                        _state = State.Text;
                        AcceptText(character, output);
                    }

                    break;

                case State.CommandString:
                    if (character == Bell)
                    {
                        _state = State.Text;
                    }
                    else if (character == Escape)
                    {
                        _state = State.CommandStringEscape;
                    }

                    break;

                case State.CommandStringEscape:
                    _state = character == '\\' ? State.Text : State.CommandString;
                    break;

                case State.CharacterSet:
                    _state = State.Text;
                    break;
            }
        }

        private void AcceptText(char character, StringBuilder output)
        {
            if (character == Escape)
            {
                _state = State.Escape;
            }
            else if (character == '\n' || character == '\t' || (character >= '\u0020' && character != '\u007f'))
            {
                output.Append(character);
            }

            // CR, BEL, backspace, NUL and the other C0 controls are dropped: lines end at LF, and a CR only moves a cursor.
        }
    }
}
