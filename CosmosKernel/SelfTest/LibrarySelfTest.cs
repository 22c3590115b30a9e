using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using Internal.Runtime;

namespace CosmosKernel.SelfTest
{
    /// <summary>
    /// Self-tests of the core library inside the real kernel (compiled by ilc, not the host JIT): strings,
    /// interpolation and composite formatting, number formatting and parsing, StringBuilder, the collections,
    /// spans, Math, Array helpers, enums, nullables, tuples, comparers and iterators. Every check is written so
    /// a failure reports the values seen; nothing here may throw (a throw ends the kernel).
    /// Generic structs are instantiated over value types only, and no virtual call goes through a boxed struct:
    /// until Object has the m_pEEType field ilc's shared unboxing stubs read, a generic struct over a reference
    /// type (List&lt;string&gt;.Enumerator, Span&lt;string&gt;, (string, int)) does not compile, and until the link
    /// scripts place ilc's __unbox section with the code, calls through a box fault.
    /// </summary>
    internal static class LibrarySelfTest
    {
        public static void Run()
        {
            TestStringSearching();
            TestStringManipulation();
            TestStringSplitJoinConcat();
            TestInterpolation();
            TestCompositeFormat();
            TestIntegerFormatting();
            TestIntegerParsing();
            TestFloatingPoint();
            TestCharAndBool();
            TestStringBuilder();
            TestList();
            TestDictionary();
            TestHashSetQueueStack();
            TestSpan();
            TestMath();
            TestArrayHelpers();
            TestEnumsNullablesTuples();
            TestComparers();
            TestIterators();
            TestNoLeaks();
        }

        private static void Check(string name, bool condition, string detail = null) => SelfTestRunner.Check(name, condition, detail);

        private static void Equal(string name, string expected, string actual) => SelfTestRunner.CheckEqual(name, expected, actual);

        private static void Equal(string name, long expected, long actual) => SelfTestRunner.Check(name, expected == actual, "expected " + expected.ToString() + " got " + actual.ToString());

        // ---- strings ----
        private static void TestStringSearching()
        {
            string text = "hello world";
            Equal("string.index-of-char", 4, text.IndexOf('o'));
            Equal("string.index-of-char-start", 7, text.IndexOf('o', 5));
            Equal("string.index-of-string", 6, text.IndexOf("world"));
            Equal("string.index-of-string-start", 7, text.IndexOf("o", 5));
            Equal("string.index-of-missing", -1, text.IndexOf("xyz"));
            Equal("string.last-index-of", 7, text.LastIndexOf('o'));
            Equal("string.last-index-of-string", 7, text.LastIndexOf("o"));
            Equal("string.index-of-any", 2, text.IndexOfAny(new[] { 'l', 'w' }));
            Equal("string.index-of-ignore-case", 6, text.IndexOf("WORLD", StringComparison.OrdinalIgnoreCase));
            Check("string.contains", text.Contains("lo w") && text.Contains('d') && !text.Contains("World"));
            Check("string.starts-ends-with", text.StartsWith("hell") && text.EndsWith("rld") && !text.StartsWith("world") && text.StartsWith('h'));
            Check("string.equals-ignore-case", string.Equals("Kernel", "KERNEL", StringComparison.OrdinalIgnoreCase) && !string.Equals("Kernel", "KERNEL"));
            Check("string.compare-ordinal", string.CompareOrdinal("apple", "banana") < 0 && string.CompareOrdinal("b", "a") > 0 && "abc".CompareTo("abc") == 0);
        }

        private static void TestStringManipulation()
        {
            string text = "hello world";
            Equal("string.substring", "world", text.Substring(6));
            Equal("string.substring-length", "hello", text.Substring(0, 5));
            Equal("string.trim", "padded", "  padded \t\n".Trim());
            Equal("string.trim-start-end", "x  |  x", "  x  ".TrimStart() + "|" + "  x  ".TrimEnd());
            Equal("string.trim-chars", "abc", "--abc-+".Trim('-', '+'));
            Equal("string.replace-char", "h_llo", "hello".Replace('e', '_'));
            Equal("string.replace-string", "a--b--c", "a,b,c".Replace(",", "--"));
            Equal("string.replace-remove", "abc", "a.b.c".Replace(".", null));
            Equal("string.to-upper-lower", "HELLO Ä|hello ä", "hello ä".ToUpper() + "|" + "HELLO Ä".ToLower());
            Equal("string.pad", "   42|42...", "42".PadLeft(5) + "|" + "42".PadRight(5, '.'));
            Equal("string.insert-remove", "heXYllo|hlo", "hello".Insert(2, "XY") + "|" + "hello".Remove(1, 2));
            Equal("string.repeat-ctor", "xxx", new string('x', 3));
            Equal("string.char-array", "bc", new string(new[] { 'a', 'b', 'c', 'd' }, 1, 2));
            Equal("string.to-char-array", "3", "abc".ToCharArray().Length.ToString());
            Check("string.null-or-white-space", string.IsNullOrWhiteSpace(" \t") && string.IsNullOrWhiteSpace(null) && !string.IsNullOrWhiteSpace(" a "));
            char separator = '/';
            Equal("string.concat-char", "a/b", "a" + separator + "b");
        }

        private static void TestStringSplitJoinConcat()
        {
            string[] parts = "a,b,,c".Split(',');
            Equal("string.split", "4:a|b||c", parts.Length.ToString() + ":" + string.Join("|", parts));
            Equal("string.split-remove-empty", "a|b|c", string.Join("|", "a,b,,c".Split(',', StringSplitOptions.RemoveEmptyEntries)));
            Equal("string.split-chars", "1|2|3", string.Join("|", "1,2;3".Split(',', ';')));
            Equal("string.split-count", "a|b,c", string.Join("|", "a,b,c".Split(',', 2)));
            Equal("string.split-trim", "a|b|c", string.Join("|", " a , b ,, c ".Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            Equal("string.split-string", "x|y|z", string.Join("|", "x::y::z".Split("::")));
            Equal("string.split-white-space", "a|b|c", string.Join("|", "a b\tc".Split()));
            Equal("string.join-char", "1-2-3", string.Join('-', new[] { "1", "2", "3" }));
            Equal("string.join-enumerable", "1, 4, 9", string.Join(", ", Squares(3)));
            Equal("string.join-objects", "1;x;", string.Join(";", new object[] { 1, "x", null }));
            Equal("string.concat-objects", "a12.5True", string.Concat("a", 1, 2.5, true));
            Equal("string.concat-spans", "abcd", string.Concat("ab".AsSpan(), "cd".AsSpan()));
        }

        private enum Level
        {
            Low,
            High,
        }

        private static void TestInterpolation()
        {
            int answer = 42;
            Equal("interpolation.int", "answer=42", $"answer={answer}");
            Equal("interpolation.hex-width", "000000FF", $"{255:X8}");
            Equal("interpolation.hex-lower", "ffffffff", $"{-1:x}");
            Equal("interpolation.align-right", "[   42]", $"[{answer,5}]");
            Equal("interpolation.align-left", "[42   ]", $"[{answer,-5}]");
            Equal("interpolation.align-format", "[  0x2A]", $"[{"0x" + answer.ToString("X2"),6}]");
            Equal("interpolation.double", "x=1.5", $"x={1.5}");
            Equal("interpolation.bool-char", "True/c", $"{true}/{'c'}");
            Equal("interpolation.null", "[]", $"[{(object)null}]");
            Equal("interpolation.string-aligned", "|  ab|", $"|{"ab",4}|");
            Equal("interpolation.enum", "1", $"{Level.High}");
            Equal("interpolation.long-ulong", "-9223372036854775808 18446744073709551615", $"{long.MinValue} {ulong.MaxValue}");
            ReadOnlySpan<char> span = "span".AsSpan();
            Equal("interpolation.span", "<span>", $"<{span}>");
        }

        private static void TestCompositeFormat()
        {
            Equal("format.placeholders", "5 FF   5 {x} s", string.Format("{0} {1:X} {0,3} {{x}} {2}", 5, 255, "s"));
            Equal("format.one-argument", "[7   ]", string.Format("[{0,-4}]", 7));
            Equal("format.many-arguments", "1 2 3 4", string.Format("{0} {1} {2} {3}", 1, 2, 3, 4));
            Equal("format.stringbuilder", "x=0010", new StringBuilder().AppendFormat("x={0:D4}", 10).ToString());
        }

        // ---- numbers ----
        private static void TestIntegerFormatting()
        {
            Equal("format.int-min", "-2147483648", int.MinValue.ToString());
            Equal("format.long-min", "-9223372036854775808", long.MinValue.ToString());
            Equal("format.ulong-max", "18446744073709551615", ulong.MaxValue.ToString());
            Equal("format.sbyte-short", "-128 -32768 65535", sbyte.MinValue.ToString() + " " + short.MinValue.ToString() + " " + ushort.MaxValue.ToString());
            Equal("format.byte-hex", "FF", ((byte)255).ToString("X2"));
            Equal("format.negative-hex-widths", "FF FFFF FFFFFFFF FFFFFFFFFFFFFFFF", ((sbyte)-1).ToString("X") + " " + ((short)-1).ToString("X") + " " + (-1).ToString("X") + " " + (-1L).ToString("X"));
            Equal("format.decimal-digits", "-005 00042", (-5).ToString("D3") + " " + 42u.ToString("D5"));
            Equal("format.hex-lower-width", "00ab", 0xAB.ToString("x4"));
            Equal("format.thousands", "1,234,567.00", 1234567.ToString("N"));
            Equal("format.nint", "-1 FFFFFFFFFFFFFFFF", ((nint)(-1)).ToString() + " " + ((nuint)ulong.MaxValue).ToString("X"));
            Span<char> buffer = stackalloc char[8];
            bool formatted = 12345.TryFormat(buffer, out int written);
            Check("format.try-format", formatted && new string(buffer.Slice(0, written)) == "12345");
            Check("format.try-format-too-small", !123456789.TryFormat(buffer, out _));
        }

        private static void TestIntegerParsing()
        {
            Equal("parse.int", -123, int.Parse(" -123 "));
            Equal("parse.int-max", int.MaxValue, int.Parse("2147483647"));
            Equal("parse.hex", 255, int.Parse("FF", NumberStyles.HexNumber));
            Equal("parse.hex-negative", -1, int.Parse("FFFFFFFF", NumberStyles.HexNumber));
            Equal("parse.long", long.MinValue, long.Parse("-9223372036854775808"));
            Check("parse.ulong", ulong.Parse("18446744073709551615") == ulong.MaxValue);
            Check("parse.try-overflow", !int.TryParse("2147483648", out _) && !byte.TryParse("256", out _) && !uint.TryParse("-1", out _));
            Check("parse.try-format-errors", !int.TryParse("", out _) && !int.TryParse("12a", out _) && !int.TryParse("0x10", out _) && !int.TryParse(null, out _));
            Check("parse.try-success", int.TryParse("+77", out int value) && value == 77 && short.TryParse("-32768", out short small) && small == short.MinValue);
            Check("parse.hex-try", uint.TryParse("DEADBEEF", NumberStyles.HexNumber, null, out uint hex) && hex == 0xDEADBEEF);
        }

        private static void TestFloatingPoint()
        {
            Equal("double.simple", "1.5", 1.5.ToString());
            Equal("double.third", "0.333333333333333", (1.0 / 3).ToString());
            Equal("double.integer", "100", 100.0.ToString());
            Equal("double.negative", "-2.25", (-2.25).ToString());
            Equal("double.large", "1E+20", 1e20.ToString());
            Equal("double.small", "1.5E-07", 1.5e-7.ToString());
            Equal("double.special", "NaN Infinity -Infinity", double.NaN.ToString() + " " + double.PositiveInfinity.ToString() + " " + double.NegativeInfinity.ToString());
            Equal("double.max", "1.79769313486232E+308", double.MaxValue.ToString());
            Equal("double.round-trip", "0.30000000000000004", (0.1 + 0.2).ToString("R"));
            Equal("double.fixed", "3.14", 3.14159.ToString("F2"));
            Equal("double.exponent", "1.234560E+003", 1234.56.ToString("E"));
            Equal("float.simple", "0.1 0.3333333", 0.1f.ToString() + " " + (1f / 3).ToString());
            Check("double.parse", double.Parse("3.25") == 3.25 && double.Parse("-1e-3") == -0.001 && double.Parse("1,234.5") == 1234.5);
            Check("double.parse-exact", double.Parse("0.1") == 0.1 && double.Parse("1.7976931348623157e308") == double.MaxValue);
            Check("double.parse-special", double.IsNaN(double.Parse("NaN")) && double.Parse("-Infinity") == double.NegativeInfinity);
            Check("double.try-parse-error", !double.TryParse("1.2.3", out _) && !double.TryParse("", out _));
            Check("float.parse", float.Parse("0.5") == 0.5f);
            Check("double.equality", double.NaN.Equals(double.NaN) && 0.0.Equals(-0.0) && 1.5.CompareTo(2.5) < 0 && double.NaN.CompareTo(0.0) < 0);
        }

        private static void TestCharAndBool()
        {
            Check("char.classes", char.IsDigit('7') && !char.IsDigit('x') && char.IsLetter('q') && char.IsLetter('é') && !char.IsLetter('1'));
            Check("char.white-space", char.IsWhiteSpace(' ') && char.IsWhiteSpace('\t') && char.IsWhiteSpace('\u00A0') && !char.IsWhiteSpace('x'));
            Check("char.case", char.IsUpper('Q') && char.IsLower('q') && char.ToUpper('q') == 'Q' && char.ToLower('Ä') == 'ä' && char.ToUpper('1') == '1');
            Check("char.punctuation", char.IsPunctuation('!') && char.IsSymbol('+') && char.IsLetterOrDigit('5') && char.IsControl('\n'));
            Equal("char.to-string", "z", 'z'.ToString());
            Equal("bool.to-string", "True False", true.ToString() + " " + false.ToString());
            Check("bool.parse", bool.Parse(" true ") && !bool.Parse("FALSE") && !bool.TryParse("yes", out _));
        }

        // ---- StringBuilder ----
        private static void TestStringBuilder()
        {
            StringBuilder builder = new StringBuilder();
            builder.Append("n=").Append(42).Append(' ').Append(-7L).Append(' ').Append(2.5).Append(' ').Append(true).Append(' ').Append('c');
            Equal("stringbuilder.append", "n=42 -7 2.5 True c", builder.ToString());
            builder.Clear();
            Check("stringbuilder.clear", builder.Length == 0 && builder.ToString() == "");
            builder.AppendLine("one").Append("two");
            Equal("stringbuilder.append-line", "one\ntwo", builder.ToString());
            builder.Clear().Append("hello");
            builder.Insert(0, ">> ").Insert(builder.Length, '!');
            Equal("stringbuilder.insert", ">> hello!", builder.ToString());
            builder.Remove(0, 3);
            Equal("stringbuilder.remove", "hello!", builder.ToString());
            builder[0] = 'H';
            Check("stringbuilder.indexer", builder[0] == 'H' && builder[5] == '!');
            builder.Replace("llo", "LP").Replace('!', '?');
            Equal("stringbuilder.replace", "HeLP?", builder.ToString());
            builder.Length = 2;
            Equal("stringbuilder.length", "He", builder.ToString());
            for (int i = 0; i < 500; i++)
            {
                builder.Append(i % 10);
            }
            Check("stringbuilder.growth", builder.Length == 502 && builder[501] == '9' && builder.Capacity >= 502);
            Equal("stringbuilder.append-repeat", "----", new StringBuilder().Append('-', 4).ToString());
            Equal("stringbuilder.insert-number", "a123b", new StringBuilder("ab").Insert(1, 123).ToString());
        }

        // ---- collections ----
        private static void TestList()
        {
            List<int> list = new List<int>();
            for (int i = 0; i < 100; i++)
            {
                list.Add(i);
            }
            Check("list.add-growth", list.Count == 100 && list.Capacity >= 100 && list[99] == 99);
            list.Insert(0, -1);
            list.Remove(50);
            list.RemoveAt(list.Count - 1);
            Check("list.insert-remove", list[0] == -1 && list.Count == 99 && !list.Contains(50) && list.IndexOf(51) == 51);
            int sum = 0;
            foreach (int value in list)
            {
                sum += value;
            }
            Equal("list.foreach", 4950 - 1 - 50 - 99, sum);
            List<int> shuffled = new List<int> { 5, 3, 9, 1, 7, 3, 0, 8 };
            shuffled.Sort();
            Equal("list.sort", "0,1,3,3,5,7,8,9", string.Join(",", shuffled.ToArray()));
            shuffled.Sort((a, b) => b - a);
            Equal("list.sort-comparison", "9,8,7,5,3,3,1,0", string.Join(",", shuffled.ToArray()));
            List<long> longs = new List<long> { 30, -10, 20 };
            longs.Sort();
            Check("list.to-array", longs.ToArray().Length == 3 && longs.ToArray()[0] == -10 && longs[2] == 30);
            longs.Clear();
            Check("list.clear", longs.Count == 0 && !longs.Contains(20));
            List<int> range = new List<int>(new[] { 1, 2, 3, 4, 5 });
            Equal("list.from-array-and-range", "2,3,4", string.Join(",", range.GetRange(1, 3).ToArray()));
            Equal("list.remove-all", "1,3,5", RemoveEven(range));
        }

        private static string RemoveEven(List<int> list)
        {
            list.RemoveAll(x => x % 2 == 0);
            return string.Join(",", list.ToArray());
        }

        private struct Point : IEquatable<Point>
        {
            public int X;
            public int Y;

            public Point(int x, int y)
            {
                X = x;
                Y = y;
            }

            public bool Equals(Point other) => X == other.X && Y == other.Y;

            public override bool Equals(object obj) => obj is Point other && Equals(other);

            public override int GetHashCode() => X * 397 ^ Y;
        }

        private static void TestDictionary()
        {
            Dictionary<string, int> byName = new Dictionary<string, int>();
            for (int i = 0; i < 200; i++)
            {
                byName.Add("key" + i.ToString(), i);
            }
            Check("dictionary.string-keys", byName.Count == 200 && byName["key0"] == 0 && byName["key199"] == 199);
            Check("dictionary.try-get", byName.TryGetValue("key77", out int found) && found == 77 && !byName.TryGetValue("nope", out _));
            Check("dictionary.remove", byName.Remove("key5") && !byName.ContainsKey("key5") && byName.Count == 199 && !byName.Remove("key5"));
            byName["key6"] = 600;
            byName["new"] = 1;
            Check("dictionary.indexer-set", byName["key6"] == 600 && byName["new"] == 1 && byName.Count == 200);
            Check("dictionary.try-add", !byName.TryAdd("new", 2) && byName.TryAdd("newer", 2));

            Dictionary<int, string> byId = new Dictionary<int, string> { [7] = "seven", [-1] = "minus one" };
            Check("dictionary.int-to-string", byId[7] == "seven" && byId[-1] == "minus one" && !byId.ContainsKey(0));
            Dictionary<int, int> byNumber = new Dictionary<int, int>();
            for (int i = 0; i < 1000; i++)
            {
                byNumber[i * 31] = i;
            }
            Check("dictionary.int-keys", byNumber.Count == 1000 && byNumber[31 * 999] == 999 && !byNumber.ContainsKey(1));
            for (int i = 0; i < 1000; i += 2)
            {
                byNumber.Remove(i * 31);
            }
            long keySum = 0;
            int valueCount = 0;
            foreach (KeyValuePair<int, int> pair in byNumber)
            {
                keySum += pair.Key;
                valueCount += pair.Value * 31 == pair.Key ? 1 : 0;
            }
            Check("dictionary.enumerate", byNumber.Count == 500 && valueCount == 500 && keySum == 31L * 250000, "sum " + keySum.ToString());
            int keys = 0;
            foreach (int key in byNumber.Keys)
            {
                keys += key % 31 == 0 ? 1 : 0;
            }
            int values = 0;
            foreach (int value in byNumber.Values)
            {
                values += value % 2 == 1 ? 1 : 0;
            }
            Check("dictionary.keys-values", keys == 500 && values == 500);
            Dictionary<Point, string> byPoint = new Dictionary<Point, string> { [new Point(1, 2)] = "a", [new Point(2, 1)] = "b" };
            Check("dictionary.struct-keys", byPoint[new Point(2, 1)] == "b" && byPoint.ContainsKey(new Point(1, 2)) && !byPoint.ContainsKey(new Point(3, 3)));
            Dictionary<Level, int> byLevel = new Dictionary<Level, int> { [Level.High] = 3 };
            Check("dictionary.enum-keys", byLevel[Level.High] == 3 && !byLevel.ContainsKey(Level.Low));
        }

        private static void TestHashSetQueueStack()
        {
            HashSet<int> set = new HashSet<int> { 1, 2 };
            Check("hashset.add-contains", !set.Add(1) && set.Add(3) && set.Contains(3) && set.Count == 3);
            set.ExceptWith(new[] { 1 });
            Check("hashset.except", !set.Contains(1) && set.Count == 2);

            Queue<int> queue = new Queue<int>();
            int expected = 0;
            bool inOrder = true;
            for (int i = 0; i < 50; i++)
            {
                queue.Enqueue(i);
                if (i % 3 == 2)
                {
                    inOrder &= queue.Dequeue() == expected++;
                }
            }
            Check("queue.fifo-wraparound", inOrder && queue.Count == 50 - expected && queue.Peek() == expected);
            int drained = 0;
            while (queue.TryDequeue(out int item))
            {
                inOrder &= item == expected++;
                drained++;
            }
            Check("queue.drain", inOrder && drained > 0 && queue.Count == 0 && !queue.TryPeek(out _));

            Stack<int> stack = new Stack<int>();
            stack.Push(1);
            stack.Push(2);
            stack.Push(3);
            Equal("stack.to-array", "3 2 1", string.Join(" ", stack.ToArray()));
            int top = 0;
            foreach (int value in stack)
            {
                top = top == 0 ? value : top;
            }
            Check("stack.pop", top == 3 && stack.Pop() == 3 && stack.Peek() == 2 && stack.Count == 2);
        }

        // ---- spans ----
        private static void TestSpan()
        {
            Span<int> numbers = stackalloc int[8];
            numbers.Fill(3);
            numbers[0] = 1;
            int sum = 0;
            foreach (int value in numbers)
            {
                sum += value;
            }
            Equal("span.stackalloc-fill-foreach", 22, sum);
            Span<int> middle = numbers.Slice(2, 3);
            middle.Clear();
            Check("span.slice-clear", numbers[2] == 0 && numbers[4] == 0 && numbers[5] == 3 && middle.Length == 3);
            int[] array = new int[] { 5, 6, 7, 8 };
            Span<int> overArray = array;
            overArray[1] = 60;
            Check("span.over-array", array[1] == 60 && overArray.Length == 4 && !overArray.IsEmpty);
            overArray.Slice(2).CopyTo(numbers);
            Check("span.copy-to", numbers[0] == 7 && numbers[1] == 8);
            int[] copy = overArray.Slice(1, 2).ToArray();
            Check("span.to-array", copy.Length == 2 && copy[0] == 60 && copy[1] == 7);
            ReadOnlySpan<char> text = "kernel.elf".AsSpan();
            Equal("span.string-slice", "elf", text.Slice(text.IndexOf('.') + 1).ToString());
            Check("span.sequence-equal", "abc".AsSpan().SequenceEqual("abc".AsSpan()) && !"abc".AsSpan().SequenceEqual("abd".AsSpan()));
            Check("span.starts-with", text.StartsWith("kern".AsSpan()) && text.EndsWith(".elf".AsSpan()));
            Span<int> toSort = stackalloc int[] { 4, 1, 3, 2 };
            toSort.Sort();
            toSort.Reverse();
            Check("span.sort-reverse", toSort[0] == 4 && toSort[3] == 1);
            ReadOnlySpan<byte> constant = new byte[] { 1, 2, 3 };
            Check("span.constant-data", constant.Length == 3 && constant[2] == 3);
            Equal("span.trim", "x", "  x ".AsSpan().Trim().ToString());
        }

        // ---- Math ----
        private static void TestMath()
        {
            Check("math.min-max", Math.Min(3, -4) == -4 && Math.Max(3u, 9u) == 9u && Math.Max(-1L, -2L) == -1L && Math.Min(1.5, 0.5) == 0.5);
            Check("math.abs-sign", Math.Abs(-5) == 5 && Math.Abs(-2.5) == 2.5 && Math.Sign(-9) == -1 && Math.Sign(0.0) == 0);
            Check("math.clamp", Math.Clamp(15, 0, 10) == 10 && Math.Clamp(-3, 0, 10) == 0 && Math.Clamp(5.5, 0.0, 1.0) == 1.0);
            Check("math.divrem", Math.DivRem(17, 5, out int remainder) == 3 && remainder == 2);
            (int quotient, int rest) = Math.DivRem(-17, 5);
            Check("math.divrem-tuple", quotient == -3 && rest == -2);
            Check("math.sqrt", Math.Sqrt(2) == 1.4142135623730951 && Math.Sqrt(144) == 12, "sqrt(2)=" + Math.Sqrt(2).ToString("R"));
            bool roots = true;
            for (int i = 0; i < 50; i++)
            {
                // A value the compiler cannot fold: the sqrtsd instruction itself is exercised.
                double square = (double)i * i;
                roots &= Math.Sqrt(square) == i;
            }
            Check("math.sqrt-runtime", roots && double.IsNaN(Math.Sqrt(-1.0 * roots.GetHashCode())));
            Check("math.floor-ceiling", Math.Floor(-1.5) == -2 && Math.Floor(1.5) == 1 && Math.Ceiling(1.2) == 2 && Math.Ceiling(-1.2) == -1);
            Check("math.round", Math.Round(2.5) == 2 && Math.Round(3.5) == 4 && Math.Round(-2.5) == -2 && Math.Round(2.5, MidpointRounding.AwayFromZero) == 3 && Math.Round(1.2345, 2) == 1.23);
            Check("math.truncate", Math.Truncate(-2.7) == -2 && Math.Truncate(2.7) == 2);
            Check("math.pow", Math.Pow(2, 10) == 1024 && Math.Pow(10, -2) == 0.01 && Math.Abs(Math.Pow(2, 0.5) - Math.Sqrt(2)) < 1e-15);
            Check("math.exp-log", Math.Abs(Math.Exp(1) - Math.E) < 1e-15 && Math.Abs(Math.Log(Math.E) - 1) < 1e-15 && Math.Log10(1000) == 3 && Math.Log2(1024.0) == 10);
            Check("math.log2-integers", int.Log2(1024) == 10 && BitOperations.Log2(1u) == 0 && BitOperations.Log2(ulong.MaxValue) == 63 && long.Log2(3) == 1);
            Check("math.bit-operations", BitOperations.PopCount(0xF0F0u) == 8 && BitOperations.TrailingZeroCount(8u) == 3 && BitOperations.LeadingZeroCount(1u) == 31 && BitOperations.IsPow2(64) && BitOperations.RoundUpToPowerOf2(33u) == 64u);
        }

        private static void TestArrayHelpers()
        {
            int[] numbers = { 5, 2, 8, 1, 9 };
            Array.Sort(numbers);
            Equal("array.sort", "1,2,5,8,9", string.Join(",", numbers));
            Check("array.index-of-binary-search", Array.IndexOf(numbers, 8) == 3 && Array.IndexOf(numbers, 7) == -1 && Array.BinarySearch(numbers, 5) == 2);
            Array.Reverse(numbers);
            Equal("array.reverse", "9,8,5,2,1", string.Join(",", numbers));
            int[] descending = { 2, 1, 3 };
            Array.Sort(descending, (x, y) => y - x);
            Equal("array.sort-comparison", "3,2,1", string.Join(",", descending));
            Array.Resize(ref numbers, 7);
            Check("array.resize", numbers.Length == 7 && numbers[4] == 1 && numbers[6] == 0);
            int[] target = new int[7];
            Array.Copy(numbers, 1, target, 2, 3);
            Check("array.copy", target[2] == 8 && target[4] == 2 && target[1] == 0);
            Array.Clear(target, 2, 1);
            Array.Fill(numbers, 4);
            Check("array.clear-fill", target[2] == 0 && target[3] == 5 && numbers[0] == 4 && numbers[6] == 4);
            Check("array.empty", Array.Empty<int>().Length == 0 && (object)Array.Empty<string>() == Array.Empty<string>());
            object[] objects = new object[2];
            Array.Copy(new string[] { "x", "y" }, objects, 2);
            Check("array.copy-covariant", (string)objects[1] == "y");
            IList<int> asList = new int[] { 3, 4 };
            IEnumerable<int> asEnumerable = asList;
            int total = 0;
            foreach (int value in asEnumerable)
            {
                total += value;
            }
            Check("array.generic-interfaces", asList.Count == 2 && asList[1] == 4 && asList.IndexOf(4) == 1 && total == 7);
            int[] cloned = (int[])new int[] { 1, 2 }.Clone();
            Check("array.clone", cloned.Length == 2 && cloned[1] == 2);
        }

        [Flags]
        private enum Access : byte
        {
            None = 0,
            Read = 1,
            Write = 2,
        }

        // No Equals override: equality falls back to ValueType.Equals over the boxed bytes.
        private struct Plain
        {
            public int Number;
            public byte Tag;
        }

        private static void TestEnumsNullablesTuples()
        {
            object first = new Plain { Number = 7, Tag = 1 };
            object same = new Plain { Number = 7, Tag = 1 };
            object other = new Plain { Number = 7, Tag = 2 };
            Check("valuetype.default-equals", first.Equals(same) && !first.Equals(other) && first.GetHashCode() == same.GetHashCode());

            Equal("enum.to-string-numeric", "1", Level.High.ToString());
            Equal("enum.to-string-hex", "00000001", Level.High.ToString("X"));
            Access access = Access.Read | Access.Write;
            Check("enum.has-flag", access.HasFlag(Access.Write) && !Access.Read.HasFlag(Access.Write));
            Check("enum.compare", Level.Low.CompareTo(Level.High) < 0 && Level.High.CompareTo(Level.High) == 0);
            Check("enum.parse-number", Enum.TryParse("1", out Level parsed) && parsed == Level.High);
            int? some = 5;
            int? none = null;
            Check("nullable.members", some.HasValue && some.Value == 5 && !none.HasValue && none.GetValueOrDefault(7) == 7 && none.GetValueOrDefault() == 0);
            Check("nullable.lifted", some + 1 == 6 && (none + 1) == null && some != none);
            Check("nullable.box-null", (object)none == null);
            (int disk, int count) pair = (1, 2);
            Equal("tuple.fields", "1 2", pair.disk.ToString() + " " + pair.count.ToString());
            (int, long) numbers = (3, 4L);
            Equal("tuple.to-string", "(3, 4)", numbers.ToString());
            Check("tuple.equality", (1, 2).Equals((1, 2)) && !(1, 2).Equals((1, 3)));
        }

        private sealed class ByMagnitude : IComparer<int>
        {
            public int Compare(int x, int y) => Math.Abs(x) - Math.Abs(y);
        }

        private static void TestComparers()
        {
            Check("comparer.equality-default", EqualityComparer<int>.Default.Equals(3, 3) && !EqualityComparer<string>.Default.Equals("a", "b") && EqualityComparer<string>.Default.Equals("a", "a"));
            Check("comparer.equality-struct", EqualityComparer<Point>.Default.Equals(new Point(1, 1), new Point(1, 1)));
            Check("comparer.equality-nullable-enum", EqualityComparer<int?>.Default.Equals(null, null) && EqualityComparer<Level>.Default.Equals(Level.High, Level.High));
            Check("comparer.order-default", Comparer<int>.Default.Compare(1, 2) < 0 && Comparer<string>.Default.Compare("b", "a") > 0 && Comparer<double>.Default.Compare(2.0, 2.0) == 0);
            Check("comparer.order-enum-nullable", Comparer<Level>.Default.Compare(Level.High, Level.Low) > 0 && Comparer<int?>.Default.Compare(null, 1) < 0);
            List<int> signed = new List<int> { -3, 1, -2 };
            signed.Sort(new ByMagnitude());
            Equal("comparer.custom", "1,-2,-3", string.Join(",", signed.ToArray()));
            Check("comparer.from-comparison", Comparer<int>.Create((a, b) => b.CompareTo(a)).Compare(1, 2) > 0);
        }

        private static IEnumerable<int> Squares(int count)
        {
            for (int i = 1; i <= count; i++)
            {
                yield return i * i;
            }
        }

        private static void TestIterators()
        {
            Equal("iterator.yield", "1,4,9,16", string.Join(",", Squares(4)));
            List<int> fromIterator = new List<int>(Squares(3));
            Check("iterator.into-list", fromIterator.Count == 3 && fromIterator[2] == 9);
        }

        // Interpolation must leave only its result allocated: no boxes for value-type holes, and the
        // handler's builder and buffer go back to the heap.
        private static void TestNoLeaks()
        {
            int value = 12345;
            long liveBefore = (long)ManagedHeap.AllocationCount - (long)ManagedHeap.FreeCount;
            string text = $"value {value} hex {value:X8} {2.5}";
            long liveAfter = (long)ManagedHeap.AllocationCount - (long)ManagedHeap.FreeCount;
            Check("leak.interpolation-result-only", liveAfter - liveBefore == 1 && text == "value 12345 hex 00003039 2.5", "live objects +" + (liveAfter - liveBefore).ToString());
            ManagedHeap.FreeObject(text);

            List<int> list = new List<int>();
            liveBefore = (long)ManagedHeap.AllocationCount - (long)ManagedHeap.FreeCount;
            for (int i = 0; i < 1000; i++)
            {
                list.Add(i);
            }
            liveAfter = (long)ManagedHeap.AllocationCount - (long)ManagedHeap.FreeCount;
            Check("leak.list-growth-frees-old-arrays", liveAfter - liveBefore == 1, "live objects +" + (liveAfter - liveBefore).ToString());
        }
    }
}
