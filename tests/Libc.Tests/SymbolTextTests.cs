using System.Text;
using Internal.Runtime;
using Xunit;

namespace Libc.Tests
{
    /// <summary>A program's embedded symbol table (build.sh's "ADDRESS SIZE NAME" lines) as the names in exception reports.</summary>
    public unsafe class SymbolTextTests
    {
        private static readonly byte[] s_table = Encoding.ASCII.GetBytes(
            "0000000000400000 0000000000000000 _start\n" +
            "0000000000400230 0000000000000041 ExceptionTest_Cosmos_Programs_ExceptionTest_Probe__ProbeCatch\n" +
            "0000000000400280 0000000000000010 Libc_System_Text_StringBuilder___ctor_0\n" +
            "garbage line\n" +
            "0000000000405a18 0000000000000000 _ZTV21Libc_System_Exception\n" +
            "0000000000405b30 0000000000000000 _ZTV6Object\n");

        private static string Code(ulong address)
        {
            fixed (byte* start = s_table)
            {
                return new SymbolText(start, start + s_table.Length).DescribeCode(address);
            }
        }

        private static string Type(ulong address)
        {
            fixed (byte* start = s_table)
            {
                return new SymbolText(start, start + s_table.Length).DescribeType(address);
            }
        }

        [Fact]
        public void NamesTheMethodContainingAnAddressWithItsOffset()
        {
            Assert.Equal("Cosmos.Programs.ExceptionTest.Probe.ProbeCatch", Code(0x400230));
            Assert.Equal("Cosmos.Programs.ExceptionTest.Probe.ProbeCatch+0x40", Code(0x400270));
            Assert.Equal("System.Text.StringBuilder..ctor.0", Code(0x400281 - 1));
        }

        [Fact]
        public void AddressesOutsideSizedSymbolsHaveNoName()
        {
            Assert.Null(Code(0x400271)); // just past ProbeCatch
            Assert.Null(Code(0x400001)); // _start has no size
            Assert.Null(Code(0x300000));
        }

        [Fact]
        public void NamesTypesByTheirMethodTableSymbol()
        {
            Assert.Equal("System.Exception", Type(0x405a18));
            Assert.Equal("Object", Type(0x405b30));
            Assert.Null(Type(0x400230)); // a method, not a MethodTable
        }

        [Fact]
        public void AnEmptyOrMissingTableNamesNothing()
        {
            Assert.True(new SymbolText(null, null).IsEmpty);
            Assert.Null(new SymbolText(null, null).DescribeCode(0x400230));
        }
    }
}
