namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// Runs an FDE's DWARF call-frame instructions up to a code address and returns the rules in force there. Handles
    /// what ilc and nasm-free code need (advance_loc, def_cfa*, offset*, restore*, same_value, undefined,
    /// remember/restore_state, GNU_args_size, nop); anything else (expressions, register-to-register rules) is an
    /// <see cref="UnwindError.UnknownInstruction"/>. Every instruction consumes bytes of a bounded range: no hang.
    /// </summary>
    public static unsafe class CallFrameInterpreter
    {
        private const int StateStackDepth = 4;

        private struct StateStack
        {
            public UnwindRules First;
            public UnwindRules Second;
            public UnwindRules Third;
            public UnwindRules Fourth;
        }

        /// <summary>The rules at <paramref name="address"/> (inside the FDE's range; for a return address pass the address of the call's last byte).</summary>
        public static UnwindError RulesAt(in FrameDescriptionEntry entry, ulong address, out UnwindRules rules)
        {
            rules = default;
            rules.CfaRegister = UnwindRules.RegisterRsp;
            UnwindRules initial = default;
            StateStack stack = default;
            int depth = 0;
            ulong location = entry.FunctionStart;
            // The CIE's initial instructions set the state at the function's entry (and what restore refers to).
            UnwindError error = Run(entry, entry.InitialInstructions, entry.InitialInstructionsEnd, ulong.MaxValue, ref location, ref rules, ref initial, ref stack, ref depth);
            if (error != UnwindError.None)
            {
                return error;
            }
            initial = rules;
            location = entry.FunctionStart;
            return Run(entry, entry.Instructions, entry.InstructionsEnd, address, ref location, ref rules, ref initial, ref stack, ref depth);
        }

        private static UnwindError Run(in FrameDescriptionEntry entry, byte* start, byte* end, ulong target, ref ulong location, ref UnwindRules rules, ref UnwindRules initial, ref StateStack stack, ref int depth)
        {
            DwarfReader reader = new DwarfReader(start, end);
            while (!reader.AtEnd)
            {
                byte instruction = reader.ReadByte();
                byte high = (byte)(instruction & 0xC0);
                int low = instruction & 0x3F;
                ulong advance = 0;
                if (high == 0x40)
                {
                    advance = (ulong)low * entry.CodeAlignment;
                }
                else if (high == 0x80)
                {
                    UnwindError saved = SetSaved(ref rules, low, (long)reader.ReadUnsignedLeb128() * entry.DataAlignment);
                    if (saved != UnwindError.None)
                    {
                        return saved;
                    }
                }
                else if (high == 0xC0)
                {
                    UnwindError restored = Restore(ref rules, in initial, low);
                    if (restored != UnwindError.None)
                    {
                        return restored;
                    }
                }
                else
                {
                    switch (instruction)
                    {
                        case 0x00: // nop
                            break;
                        case 0x02: // advance_loc1
                            advance = reader.ReadByte() * entry.CodeAlignment;
                            break;
                        case 0x03: // advance_loc2
                            advance = reader.ReadUInt16() * entry.CodeAlignment;
                            break;
                        case 0x04: // advance_loc4
                            advance = reader.ReadUInt32() * entry.CodeAlignment;
                            break;
                        case 0x05: // offset_extended
                        {
                            int register = (int)reader.ReadUnsignedLeb128();
                            UnwindError saved = SetSaved(ref rules, register, (long)reader.ReadUnsignedLeb128() * entry.DataAlignment);
                            if (saved != UnwindError.None)
                            {
                                return saved;
                            }
                            break;
                        }
                        case 0x06: // restore_extended
                        {
                            UnwindError restored = Restore(ref rules, in initial, (int)reader.ReadUnsignedLeb128());
                            if (restored != UnwindError.None)
                            {
                                return restored;
                            }
                            break;
                        }
                        case 0x07: // undefined
                        case 0x08: // same_value
                        {
                            ulong register = reader.ReadUnsignedLeb128();
                            if (register >= UnwindRules.ColumnCount)
                            {
                                return UnwindError.UnsupportedRegister;
                            }
                            rules.Rule[register] = instruction == 0x07 ? UnwindRules.RuleUndefined : UnwindRules.RuleSameValue;
                            break;
                        }
                        case 0x0A: // remember_state
                            if (depth == StateStackDepth)
                            {
                                return UnwindError.StateStackOverflow;
                            }
                            Slot(ref stack, depth++) = rules;
                            break;
                        case 0x0B: // restore_state
                        {
                            if (depth == 0)
                            {
                                return UnwindError.StateStackOverflow;
                            }
                            // The CFA is part of the remembered state too (DWARF 5 §6.4.2.4).
                            rules = Slot(ref stack, --depth);
                            break;
                        }
                        case 0x0C: // def_cfa
                            rules.CfaRegister = (int)reader.ReadUnsignedLeb128();
                            rules.CfaOffset = (long)reader.ReadUnsignedLeb128();
                            break;
                        case 0x0D: // def_cfa_register
                            rules.CfaRegister = (int)reader.ReadUnsignedLeb128();
                            break;
                        case 0x0E: // def_cfa_offset
                            rules.CfaOffset = (long)reader.ReadUnsignedLeb128();
                            break;
                        case 0x11: // offset_extended_sf
                        {
                            int register = (int)reader.ReadUnsignedLeb128();
                            UnwindError saved = SetSaved(ref rules, register, reader.ReadSignedLeb128() * entry.DataAlignment);
                            if (saved != UnwindError.None)
                            {
                                return saved;
                            }
                            break;
                        }
                        case 0x12: // def_cfa_sf
                            rules.CfaRegister = (int)reader.ReadUnsignedLeb128();
                            rules.CfaOffset = reader.ReadSignedLeb128() * entry.DataAlignment;
                            break;
                        case 0x13: // def_cfa_offset_sf
                            rules.CfaOffset = reader.ReadSignedLeb128() * entry.DataAlignment;
                            break;
                        case 0x2E: // GNU_args_size: only matters to unwinders that adjust rsp for pushed arguments
                            reader.ReadUnsignedLeb128();
                            break;
                        default:
                            return UnwindError.UnknownInstruction;
                    }
                }
                if (reader.Failed)
                {
                    return UnwindError.CorruptEntry;
                }
                if (advance != 0)
                {
                    location += advance;
                    if (location > target)
                    {
                        break; // the rows from here on describe later instructions
                    }
                }
            }
            if (rules.CfaRegister != UnwindRules.RegisterRsp && rules.CfaRegister != UnwindRules.RegisterRbp)
            {
                return UnwindError.UnsupportedRegister;
            }
            return UnwindError.None;
        }

        private static UnwindError SetSaved(ref UnwindRules rules, int register, long offset)
        {
            if (register < 0 || register >= UnwindRules.ColumnCount)
            {
                return UnwindError.UnsupportedRegister;
            }
            rules.Rule[register] = UnwindRules.RuleSavedAtOffset;
            rules.SavedOffset[register] = offset;
            return UnwindError.None;
        }

        private static UnwindError Restore(ref UnwindRules rules, in UnwindRules initial, int register)
        {
            if (register < 0 || register >= UnwindRules.ColumnCount)
            {
                return UnwindError.UnsupportedRegister;
            }
            rules.Rule[register] = initial.Rule[register];
            rules.SavedOffset[register] = initial.SavedOffset[register];
            return UnwindError.None;
        }

        private static ref UnwindRules Slot(ref StateStack stack, int index)
        {
            switch (index)
            {
                case 0: return ref stack.First;
                case 1: return ref stack.Second;
                case 2: return ref stack.Third;
                default: return ref stack.Fourth;
            }
        }
    }
}
