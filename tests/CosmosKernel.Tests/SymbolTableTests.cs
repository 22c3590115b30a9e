using System.Text;
using CosmosKernel.Diagnostics;
using Xunit;

namespace CosmosKernel.Tests
{
    public sealed unsafe class SymbolTableTests
    {
        // The shape build.sh writes: "address size name", sorted; sizeless symbols have size 0.
        private const string Sample =
            "0000000000100000 0000000000000000 boot_entry_32\n" +
            "ffffffff80109000 0000000000000000 boot_entry_higher_half\n" +
            "ffffffff80109180 00000000000000aa CosmosKernel_CosmosKernel_KernelEntry__KernelMain\n" +
            "ffffffff80109180 00000000000000aa KernelMain\n" +
            "ffffffff80109230 0000000000000068 CosmosKernel_CosmosKernel_Console_SerialPort__Initialize\n" +
            "ffffffff80109370 000000000000000c Libc_System_IndexOutOfRangeException___ctor\n" +
            "ffffffff80109380 000000000000000c RhpNewFast\n" +
            "ffffffff80109380 000000000000000c Libc_Internal_Runtime_ManagedHeap__NewObject\n" +
            "ffffffff80109400 0000000000000000 native_out_byte\n" +
            "ffffffff8010c638 0000000000000000 _ZTV21Libc_System_Exception\n" +
            "ffffffff8010c638 0000000000000010 __writableData\n" +
            "ffffffff8010c6e0 0000000000000000 _ZTV32Libc_System_InvalidCastException\n";

        private static T WithTable<T>(string text, SymbolTableFunc<T> body)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            fixed (byte* pointer = bytes)
            {
                return body(new SymbolTable(pointer, bytes.Length));
            }
        }

        private delegate T SymbolTableFunc<T>(SymbolTable table);

        private static string Name(Symbol symbol) => Encoding.ASCII.GetString(symbol.Name, symbol.NameLength);

        private static string FindContaining(string text, ulong address) => WithTable(text, table => table.TryFindContaining(address, out Symbol symbol) ? Name(symbol) : null);

        private static string MethodName(string raw)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(raw);
            char* buffer = stackalloc char[256];
            fixed (byte* pointer = bytes)
            {
                return new string(buffer, 0, SymbolNameFormatter.FormatMethodName(pointer, bytes.Length, buffer, 256));
            }
        }

        private static string TypeName(string raw)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(raw);
            char* buffer = stackalloc char[256];
            fixed (byte* pointer = bytes)
            {
                return new string(buffer, 0, SymbolNameFormatter.FormatTypeName(pointer, bytes.Length, buffer, 256));
            }
        }

        [Fact]
        public void ValidateCountsTheSymbols()
        {
            (SymbolTableError error, int count) = WithTable(Sample, table => (table.Validate(out int count, out _), count));

            Assert.Equal(SymbolTableError.None, error);
            Assert.Equal(12, count);
        }

        [Fact]
        public void ValidateRejectsMalformedAndUnsortedTablesWithTheLine()
        {
            (SymbolTableError malformed, int malformedLine) = WithTable("0000000000001000 0000000000000010 a\nnot a symbol line\n", table => (table.Validate(out _, out int line), line));
            (SymbolTableError unsorted, int unsortedLine) = WithTable("0000000000002000 0 b\n0000000000001000 0 a\n", table => (table.Validate(out _, out int line), line));
            SymbolTableError empty = WithTable("\n\n", table => table.Validate(out _, out _));

            Assert.Equal(SymbolTableError.MalformedLine, malformed);
            Assert.Equal(2, malformedLine);
            Assert.Equal(SymbolTableError.NotSorted, unsorted);
            Assert.Equal(2, unsortedLine);
            Assert.Equal(SymbolTableError.Empty, empty);
        }

        [Fact]
        public void FindsTheMethodContainingAnAddress()
        {
            Assert.Equal("CosmosKernel_CosmosKernel_Console_SerialPort__Initialize", FindContaining(Sample, 0xffffffff80109230));
            Assert.Equal("CosmosKernel_CosmosKernel_Console_SerialPort__Initialize", FindContaining(Sample, 0xffffffff80109297));
            Assert.Equal("Libc_System_IndexOutOfRangeException___ctor", FindContaining(Sample, 0xffffffff8010937b));
        }

        [Fact]
        public void PrefersTheManagedNameOverAnExportAlias()
        {
            Assert.Equal("CosmosKernel_CosmosKernel_KernelEntry__KernelMain", FindContaining(Sample, 0xffffffff801091a0));
            Assert.Equal("Libc_Internal_Runtime_ManagedHeap__NewObject", FindContaining(Sample, 0xffffffff80109384));
        }

        [Fact]
        public void AddressPastTheEndOfASizedSymbolHasNoName()
        {
            Assert.Null(FindContaining(Sample, 0xffffffff80109298)); // Initialize is 0x68 bytes long
        }

        [Fact]
        public void SizelessSymbolsCoverUpToTheNextSymbol()
        {
            Assert.Equal("boot_entry_higher_half", FindContaining(Sample, 0xffffffff80109008));
            Assert.Equal("native_out_byte", FindContaining(Sample, 0xffffffff80109410));
        }

        [Fact]
        public void AddressBelowTheFirstSymbolHasNoName()
        {
            Assert.Null(FindContaining(Sample, 0xFFFFF));
            Assert.Null(FindContaining(Sample, 0));
        }

        [Fact]
        public void FindsTheFirstAndLastSymbols()
        {
            Assert.Equal("boot_entry_32", FindContaining(Sample, 0x100000));
            Assert.Equal("_ZTV32Libc_System_InvalidCastException", FindContaining(Sample, 0xffffffff8010c6e0));
        }

        [Fact]
        public void ExactLookupFiltersByPrefix()
        {
            string type = WithTable(Sample, table => table.TryFindExact(0xffffffff8010c638, "_ZTV", out Symbol symbol) ? Name(symbol) : null);
            bool inside = WithTable(Sample, table => table.TryFindExact(0xffffffff8010c640, "_ZTV", out _));
            bool wrongPrefix = WithTable(Sample, table => table.TryFindExact(0xffffffff80109180, "_ZTV", out _));

            Assert.Equal("_ZTV21Libc_System_Exception", type);
            Assert.False(inside);
            Assert.False(wrongPrefix);
        }

        [Fact]
        public void LookupWorksAcrossManySymbols()
        {
            var text = new StringBuilder();
            for (ulong i = 0; i < 5000; i++)
            {
                text.Append($"{0xffffffff80100000 + i * 0x40:x16} {0x40:x16} Module_Type{i}__Method\n");
            }
            string table = text.ToString();

            for (ulong i = 0; i < 5000; i += 7)
            {
                Assert.Equal($"Module_Type{i}__Method", FindContaining(table, 0xffffffff80100000 + i * 0x40 + 0x3f));
            }
            Assert.Null(FindContaining(table, 0xffffffff80100000 + 5000 * 0x40));
        }

        [Fact]
        public void ToleratesBlankLinesAndWindowsLineEnds()
        {
            const string Text = "0000000000001000 0000000000000010 first\r\n\r\n0000000000002000 0000000000000010 second\r\n";

            Assert.Equal("first", FindContaining(Text, 0x1008));
            Assert.Equal("second", FindContaining(Text, 0x2008));
            Assert.Equal(SymbolTableError.None, WithTable(Text, table => table.Validate(out _, out _)));
        }

        [Theory]
        [InlineData("CosmosKernel_CosmosKernel_Diagnostics_DeliberateFault__DereferenceNull", "CosmosKernel.Diagnostics.DeliberateFault.DereferenceNull")]
        [InlineData("CosmosKernel_CosmosKernel_KernelEntry__KernelMain", "CosmosKernel.KernelEntry.KernelMain")]
        [InlineData("Libc_System_IndexOutOfRangeException___ctor", "System.IndexOutOfRangeException..ctor")]
        [InlineData("Libc_Internal_Runtime_FatalError__Fail_0", "Internal.Runtime.FatalError.Fail_0")]
        [InlineData("String__Concat", "String.Concat")]
        [InlineData("native_out_byte", "native_out_byte")]
        [InlineData("KernelMain", "KernelMain")]
        public void FormatsMethodNames(string raw, string expected)
        {
            Assert.Equal(expected, MethodName(raw));
        }

        [Theory]
        [InlineData("_ZTV32Libc_System_InvalidCastException", "System.InvalidCastException")]
        [InlineData("_ZTV6Object", "Object")]
        [InlineData("_ZTV40CosmosKernel_CosmosKernel_Memory_Something", "CosmosKernel.Memory.Something")]
        [InlineData("Libc_System_Exception", "System.Exception")]
        public void FormatsTypeNames(string raw, string expected)
        {
            Assert.Equal(expected, TypeName(raw));
        }

        [Fact]
        public void FormattingTruncatesAtTheCapacity()
        {
            byte[] bytes = Encoding.ASCII.GetBytes("Libc_System_SpanHelpers__MemoryMove");
            char* buffer = stackalloc char[8];
            fixed (byte* pointer = bytes)
            {
                int written = SymbolNameFormatter.FormatMethodName(pointer, bytes.Length, buffer, 8);
                Assert.Equal(8, written);
                Assert.Equal("System.S", new string(buffer, 0, written));
            }
        }
    }
}
