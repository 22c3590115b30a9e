using Internal.Runtime.ExceptionHandling;
using Xunit;

namespace Libc.Tests
{
    /// <summary>The FDE parser and the DWARF call-frame interpreter over recorded and hand-made .eh_frame bytes.</summary>
    public unsafe class CallFrameInterpreterTests
    {
        private static readonly int s_fde = RecordedUnwindData.CommonInformationEntry.Length;

        private static FrameDescriptionEntry Parse(byte* section)
        {
            UnwindError error = FrameDescriptionEntry.Parse(section + s_fde, section, out FrameDescriptionEntry entry);
            Assert.Equal(UnwindError.None, error);
            return entry;
        }

        [Fact]
        public void ParsesTheRecordedEntrysRangeAndLanguageSpecificData()
        {
            byte[] section = RecordedUnwindData.Section();
            fixed (byte* start = section)
            {
                FrameDescriptionEntry entry = Parse(start);

                byte* pcField = start + s_fde + RecordedUnwindData.FunctionStartOffset;
                Assert.Equal((ulong)pcField + unchecked((ulong)(long)(int)0xFFFF6808), entry.FunctionStart); // pc-relative sdata4
                Assert.Equal((ulong)RecordedUnwindData.FunctionLength, entry.FunctionEnd - entry.FunctionStart);
                byte* lsdaField = start + s_fde + RecordedUnwindData.LsdaFieldOffset;
                Assert.Equal((ulong)lsdaField + RecordedUnwindData.RecordedLsdaDisplacement, (ulong)entry.LanguageSpecificData);
                Assert.Equal(-8, entry.DataAlignment);
                Assert.Equal(1UL, entry.CodeAlignment);
                Assert.True(entry.Contains(entry.FunctionStart));
                Assert.False(entry.Contains(entry.FunctionEnd));
            }
        }

        [Fact]
        public void AtTheFirstInstructionTheCfaIsRspPlus8AndOnlyTheReturnAddressIsSaved()
        {
            byte[] section = RecordedUnwindData.Section();
            fixed (byte* start = section)
            {
                FrameDescriptionEntry entry = Parse(start);
                Assert.Equal(UnwindError.None, CallFrameInterpreter.RulesAt(in entry, entry.FunctionStart, out UnwindRules rules));

                Assert.Equal(UnwindRules.RegisterRsp, rules.CfaRegister);
                Assert.Equal(8, rules.CfaOffset);
                Assert.True(rules.TryGetSavedOffset(UnwindRules.ReturnAddressColumn, out long returnAddress));
                Assert.Equal(-8, returnAddress);
                Assert.False(rules.TryGetSavedOffset(UnwindRules.RegisterRbp, out _));
                Assert.False(rules.TryGetSavedOffset(UnwindRules.RegisterRbx, out _));
            }
        }

        [Fact]
        public void AfterThePushesEverySavedRegisterHasItsSlot()
        {
            byte[] section = RecordedUnwindData.Section();
            fixed (byte* start = section)
            {
                FrameDescriptionEntry entry = Parse(start);
                // 0x405a9a..0x405a9d: all six pushes done, the frame not yet allocated.
                Assert.Equal(UnwindError.None, CallFrameInterpreter.RulesAt(in entry, entry.FunctionStart + 0xB, out UnwindRules rules));

                Assert.Equal(UnwindRules.RegisterRsp, rules.CfaRegister);
                Assert.Equal(56, rules.CfaOffset);
                AssertSaved(rules, UnwindRules.RegisterRbp, -16);
                AssertSaved(rules, UnwindRules.RegisterR15, -24);
                AssertSaved(rules, 14, -32);
                AssertSaved(rules, 13, -40);
                AssertSaved(rules, UnwindRules.RegisterR12, -48);
                AssertSaved(rules, UnwindRules.RegisterRbx, -56);
            }
        }

        [Fact]
        public void InTheBodyTheCfaFollowsRbp()
        {
            byte[] section = RecordedUnwindData.Section();
            fixed (byte* start = section)
            {
                FrameDescriptionEntry entry = Parse(start);
                Assert.Equal(UnwindError.None, CallFrameInterpreter.RulesAt(in entry, entry.FunctionStart + 0x100, out UnwindRules body));
                Assert.Equal(UnwindRules.RegisterRbp, body.CfaRegister);
                Assert.Equal(16, body.CfaOffset);
                AssertSaved(body, UnwindRules.RegisterRbx, -56);

                // One byte before the def_cfa_register row, the CFA is still rsp + 112.
                Assert.Equal(UnwindError.None, CallFrameInterpreter.RulesAt(in entry, entry.FunctionStart + 0x12, out UnwindRules before));
                Assert.Equal(UnwindRules.RegisterRsp, before.CfaRegister);
                Assert.Equal(112, before.CfaOffset);
            }
        }

        [Fact]
        public void AnUnknownInstructionIsAnErrorNotAGuess()
        {
            byte[] section = RecordedUnwindData.Section();
            section[s_fde + RecordedUnwindData.FirstInstructionOffset + 1] = 0x10; // DW_CFA_expression in place of def_cfa_offset
            fixed (byte* start = section)
            {
                FrameDescriptionEntry entry = Parse(start);
                Assert.Equal(UnwindError.UnknownInstruction, CallFrameInterpreter.RulesAt(in entry, entry.FunctionStart + 0x20, out _));
            }
        }

        [Fact]
        public void AnOperandRunningPastTheEntryIsCorrupt()
        {
            byte[] section = RecordedUnwindData.Section();
            // The last byte (a nop) becomes def_cfa_offset with no operand before the entry ends.
            section[section.Length - 1] = 0x0E;
            fixed (byte* start = section)
            {
                FrameDescriptionEntry entry = Parse(start);
                Assert.Equal(UnwindError.CorruptEntry, CallFrameInterpreter.RulesAt(in entry, entry.FunctionEnd - 1, out _));
            }
        }

        [Fact]
        public void ACiePointerOutsideTheSectionIsCorrupt()
        {
            byte[] section = RecordedUnwindData.Section();
            section[s_fde + RecordedUnwindData.CiePointerOffset] += 8; // would point before the section
            fixed (byte* start = section)
            {
                Assert.Equal(UnwindError.CorruptEntry, FrameDescriptionEntry.Parse(start + s_fde, start, out _));
            }
        }

        [Fact]
        public void AnUnknownAugmentationIsRefused()
        {
            byte[] section = RecordedUnwindData.Section();
            section[11] = (byte)'S'; // "zLS"
            fixed (byte* start = section)
            {
                Assert.Equal(UnwindError.UnsupportedAugmentation, FrameDescriptionEntry.Parse(start + s_fde, start, out _));
            }
        }

        [Fact]
        public void RememberAndRestoreStateBracketAnEpilogue()
        {
            // A hand-made FDE body: push rbp (+1); remember; at +5 an epilogue pops rbp (cfa rsp+8, rbp restored);
            // at +6 restore_state: the body's rules again.
            byte[] instructions = { 0x41, 0x0E, 0x10, 0x86, 0x02, 0x0A, 0x44, 0x0E, 0x08, 0xC6, 0x41, 0x0B };
            byte[] section = RecordedUnwindData.Section();
            byte[] replaced = new byte[s_fde + RecordedUnwindData.FirstInstructionOffset + instructions.Length];
            System.Array.Copy(section, replaced, s_fde + RecordedUnwindData.FirstInstructionOffset);
            instructions.CopyTo(replaced, s_fde + RecordedUnwindData.FirstInstructionOffset);
            System.BitConverter.GetBytes(RecordedUnwindData.FirstInstructionOffset - 4 + instructions.Length).CopyTo(replaced, s_fde);
            fixed (byte* start = replaced)
            {
                FrameDescriptionEntry entry = Parse(start);
                Assert.Equal(UnwindError.None, CallFrameInterpreter.RulesAt(in entry, entry.FunctionStart + 5, out UnwindRules epilogue));
                Assert.Equal(8, epilogue.CfaOffset);
                Assert.False(epilogue.TryGetSavedOffset(UnwindRules.RegisterRbp, out _));
                Assert.Equal(UnwindError.None, CallFrameInterpreter.RulesAt(in entry, entry.FunctionStart + 6, out UnwindRules after));
                Assert.Equal(16, after.CfaOffset);
                AssertSaved(after, UnwindRules.RegisterRbp, -16);
            }
        }

        private static void AssertSaved(in UnwindRules rules, int register, long offset)
        {
            Assert.True(rules.TryGetSavedOffset(register, out long saved), $"register {register} is not saved");
            Assert.Equal(offset, saved);
        }
    }
}
