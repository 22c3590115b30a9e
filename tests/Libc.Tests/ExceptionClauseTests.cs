using Internal.Runtime.ExceptionHandling;
using Xunit;

namespace Libc.Tests
{
    /// <summary>ilc's .dotnet_eh_table entries (LSDA) and clause tables (`__ehinfo_`), from bytes recorded in built programs.</summary>
    public unsafe class ExceptionClauseTests
    {
        // A method with try { } catch (InvalidOperationException) { } finally { } and try { } catch (Exception) when (...) { }:
        // three clauses (typed, fault, filter), offsets checked against the disassembly.
        private static readonly byte[] s_catchFinallyFilter =
        {
            0x06, 0x26, 0x80, 0x82, 0x5C, 0x01, 0x00, 0x00, 0x26, 0x8A, 0xCA, 0x5A, 0x5C, 0xB5, 0x02, 0xE8,
        };

        // try { try { } catch { throw; } finally { } } catch (Derived) { }: catch, the empty marker ilc writes between runs of
        // clauses with identical native ranges, finally, outer catch.
        private static readonly byte[] s_withEmptyMarker =
        {
            0x08, 0x84, 0x58, 0x4D, 0x03, 0xBF, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x84, 0x5A, 0xA9, 0x03, 0x84, 0xC0, 0xF5, 0x03, 0xF0, 0x00, 0x00, 0x00,
        };

        [Fact]
        public void DecodesTypedFaultAndFilterClauses()
        {
            fixed (byte* table = s_catchFinallyFilter)
            {
                ExceptionClauseReader reader = new ExceptionClauseReader(table);
                Assert.Equal(3u, reader.Count);

                Assert.True(reader.TryReadNext(out ExceptionClause typed));
                Assert.Equal(ExceptionClauseKind.Typed, typed.Kind);
                Assert.Equal(0x13u, typed.TryStart);
                Assert.Equal(0x23u, typed.TryEnd);
                Assert.Equal(0x41u, typed.HandlerOffset);
                Assert.Equal((nint)(table + 4) + 0x15C, typed.CatchType); // rel32 from its own field

                Assert.True(reader.TryReadNext(out ExceptionClause fault));
                Assert.Equal(ExceptionClauseKind.Fault, fault.Kind);
                Assert.Equal(0x13u, fault.TryStart);
                Assert.Equal(0x24u, fault.TryEnd);
                Assert.Equal(0x65u, fault.HandlerOffset);

                Assert.True(reader.TryReadNext(out ExceptionClause filter));
                Assert.Equal(ExceptionClauseKind.Filter, filter.Kind);
                Assert.Equal(0x2Du, filter.TryStart);
                Assert.Equal(0x38u, filter.TryEnd);
                Assert.Equal(0xADu, filter.HandlerOffset); // a two-byte NativeFormat number
                Assert.Equal(0x74u, filter.FilterOffset);

                Assert.False(reader.TryReadNext(out _));
                Assert.Equal(UnwindError.None, reader.Error);
            }
        }

        [Fact]
        public void AnEmptyMarkerClauseIsReadAndMatchesNothing()
        {
            fixed (byte* table = s_withEmptyMarker)
            {
                ExceptionClauseReader reader = new ExceptionClauseReader(table);
                Assert.Equal(4u, reader.Count);
                Assert.True(reader.TryReadNext(out ExceptionClause catchClause));
                Assert.Equal(0xD3u, catchClause.HandlerOffset);
                Assert.True(reader.TryReadNext(out ExceptionClause marker));
                Assert.Equal(marker.TryStart, marker.TryEnd);
                Assert.False(marker.TryContains(marker.TryStart));
                Assert.True(reader.TryReadNext(out ExceptionClause finallyClause));
                Assert.True(finallyClause.HasSameTryRegion(in catchClause));
                Assert.Equal(ExceptionClauseKind.Fault, finallyClause.Kind);
                Assert.True(reader.TryReadNext(out ExceptionClause outer));
                Assert.Equal(0x42u, outer.TryStart);
                Assert.Equal(0x5Au, outer.TryEnd);
                Assert.True(outer.TryContains(0x59));
                Assert.False(outer.TryContains(0x5A));
                Assert.False(reader.TryReadNext(out _));
                Assert.Equal(UnwindError.None, reader.Error);
            }
        }

        [Fact]
        public void AnUnknownClauseKindIsCorrupt()
        {
            byte[] table = { 0x02, 0x26, 0x46, 0x82 }; // (length 8 << 2) | kind 3
            fixed (byte* start = table)
            {
                ExceptionClauseReader reader = new ExceptionClauseReader(start);
                Assert.False(reader.TryReadNext(out _));
                Assert.Equal(UnwindError.CorruptClauseTable, reader.Error);
            }
        }

        [Fact]
        public void AnAbsurdClauseCountIsCorrupt()
        {
            byte[] table = { 0x0F, 0x00, 0x00, 0x10, 0x00 }; // four-byte number: 0x10000 clauses
            fixed (byte* start = table)
            {
                ExceptionClauseReader reader = new ExceptionClauseReader(start);
                Assert.Equal(UnwindError.CorruptClauseTable, reader.Error);
                Assert.False(reader.TryReadNext(out _));
            }
        }

        [Fact]
        public void AMethodEntryLeadsToItsClauseTable()
        {
            byte[] data = { 0x04, 0x34, 0x16, 0x00, 0x00 }; // has clauses: rel32 to __ehinfo_
            fixed (byte* lsda = data)
            {
                Assert.Equal(UnwindError.None, LanguageSpecificData.Decode(lsda, 0x400230, out LanguageSpecificData method));
                Assert.Equal(MethodCodeKind.Method, method.Kind);
                Assert.Equal(0x400230UL, method.MethodStart);
                Assert.Equal((ulong)(lsda + 1) + 0x1634, (ulong)method.ClauseTable);
            }
        }

        [Fact]
        public void AssociatedDataComesBeforeTheClauseTablePointer()
        {
            byte[] data = { 0x14, 0xAA, 0xAA, 0xAA, 0xAA, 0x10, 0x00, 0x00, 0x00 };
            fixed (byte* lsda = data)
            {
                Assert.Equal(UnwindError.None, LanguageSpecificData.Decode(lsda, 0x1000, out LanguageSpecificData method));
                Assert.Equal((ulong)(lsda + 5) + 0x10, (ulong)method.ClauseTable);
            }
        }

        [Fact]
        public void AFuncletEntryNamesItsMethodsStartAndClauses()
        {
            // The method's entry at 0, a catch funclet's at 8: rel32 back to the method's entry, then its offset in the method.
            byte[] data = { 0x04, 0x34, 0x16, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0xF7, 0xFF, 0xFF, 0xFF, 0x41, 0x00, 0x00, 0x00 };
            fixed (byte* lsda = data)
            {
                Assert.Equal(UnwindError.None, LanguageSpecificData.Decode(lsda + 8, 0x400271, out LanguageSpecificData funclet));
                Assert.Equal(MethodCodeKind.Handler, funclet.Kind);
                Assert.Equal(0x400230UL, funclet.MethodStart);
                Assert.Equal((ulong)(lsda + 1) + 0x1634, (ulong)funclet.ClauseTable);

                data[8] = 0x02;
                Assert.Equal(UnwindError.None, LanguageSpecificData.Decode(lsda + 8, 0x400271, out LanguageSpecificData filter));
                Assert.Equal(MethodCodeKind.Filter, filter.Kind);

                data[0] = 0x05; // the "method" is itself a funclet: corrupt
                Assert.Equal(UnwindError.CorruptClauseTable, LanguageSpecificData.Decode(lsda + 8, 0x400271, out _));
            }
        }

        [Fact]
        public void AMethodWithoutClausesHasNoTable()
        {
            byte[] data = { 0x00, 0x12, 0x34 };
            fixed (byte* lsda = data)
            {
                Assert.Equal(UnwindError.None, LanguageSpecificData.Decode(lsda, 0x5000, out LanguageSpecificData method));
                Assert.True(method.ClauseTable == null);
            }
        }
    }
}
