namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// Walks a thread's managed frames from a starting register state, unwinding each through its FDE's call-frame
    /// information. A frame returning into exception_call_funclet belongs to a funclet the dispatcher called: the walk
    /// continues in the funclet's method frame as the dispatcher saw it (the dispatcher's own frames and those it
    /// was unwinding are skipped), or, for a filter, stops there (<see cref="IsFilterBoundary"/>). The walk ends at
    /// code without unwind information (the program's or kernel's assembly entry), and fails cleanly on corrupt
    /// tables, a stack pointer that does not move up, or more than <see cref="MaximumFrames"/> frames.
    /// </summary>
    internal unsafe struct StackFrameIterator
    {
        public const int MaximumFrames = 1024;
        private const ulong LargestFrame = 1024 * 1024;

        /// <summary>The current frame's registers (Rip: the faulting instruction, or the return address of its call).</summary>
        public RegisterContext Context;
        /// <summary>The current frame stopped at a faulting instruction (Rip itself is inside the code; not a return address).</summary>
        public bool IsFaultingFrame;
        /// <summary>Reached by leaving this funclet invocation: clause search starts after its clause. Null otherwise.</summary>
        public FuncletInvocation* EscapedFunclet;
        /// <summary>The current position is the return into a filter's call: an exception ends its search here.</summary>
        public bool IsFilterBoundary;
        public FrameDescriptionEntry Entry;
        public LanguageSpecificData Code;
        /// <summary>The current position as an offset from the method's start (what clause ranges count in).</summary>
        public ulong CodeOffset;
        /// <summary>Why the walk stopped: NoEntry at the end of the managed stack, anything else is an error.</summary>
        public UnwindError Error;
        public int FrameIndex;

        /// <summary>Starts at <paramref name="context"/>. False when that is not managed code (Error says why).</summary>
        public bool Initialize(in RegisterContext context, bool faulting)
        {
            Context = context;
            IsFaultingFrame = faulting;
            EscapedFunclet = null;
            IsFilterBoundary = false;
            FrameIndex = 0;
            Error = UnwindError.None;
            return Locate();
        }

        /// <summary>The code address the current frame's unwind rules and clauses are looked up with.</summary>
        public ulong LookupAddress => IsFaultingFrame ? Context.Rip : Context.Rip - 1;

        /// <summary>Moves to the caller. False at the end of the stack or on an error (see <see cref="Error"/>).</summary>
        public bool Next()
        {
            if (IsFilterBoundary || Error != UnwindError.None)
            {
                return false;
            }
            if (FrameIndex + 1 >= MaximumFrames)
            {
                Error = UnwindError.CorruptStack;
                return false;
            }
            UnwindError error = CallFrameInterpreter.RulesAt(in Entry, LookupAddress, out UnwindRules rules);
            if (error != UnwindError.None)
            {
                Error = error;
                return false;
            }
            ulong cfa = (rules.CfaRegister == UnwindRules.RegisterRbp ? Context.Rbp : Context.Rsp) + (ulong)rules.CfaOffset;
            if (cfa <= Context.Rsp || cfa - Context.Rsp > LargestFrame || (cfa & 7) != 0 || !rules.TryGetSavedOffset(UnwindRules.ReturnAddressColumn, out long returnOffset))
            {
                Error = UnwindError.CorruptStack;
                return false;
            }
            RegisterContext caller = Context;
            caller.Rip = *(ulong*)(cfa + (ulong)returnOffset);
            caller.Rsp = cfa;
            caller.Rbx = Restore(in rules, UnwindRules.RegisterRbx, cfa, Context.Rbx);
            caller.Rbp = Restore(in rules, UnwindRules.RegisterRbp, cfa, Context.Rbp);
            caller.R12 = Restore(in rules, UnwindRules.RegisterR12, cfa, Context.R12);
            caller.R13 = Restore(in rules, UnwindRules.RegisterR12 + 1, cfa, Context.R13);
            caller.R14 = Restore(in rules, UnwindRules.RegisterR12 + 2, cfa, Context.R14);
            caller.R15 = Restore(in rules, UnwindRules.RegisterR15, cfa, Context.R15);
            FrameIndex++;
            if (caller.Rip == NativeExceptionRoutines.FuncletReturnAddress)
            {
                FuncletInvocation* invocation = *(FuncletInvocation**)cfa;
                if (invocation->Kind == FuncletKind.Filter)
                {
                    Context = caller;
                    IsFilterBoundary = true;
                    EscapedFunclet = invocation;
                    return true;
                }
                Context = invocation->Frame;
                IsFaultingFrame = invocation->FrameIsFaulting;
                EscapedFunclet = invocation;
                if (Context.Rsp <= caller.Rsp)
                {
                    Error = UnwindError.CorruptStack;
                    return false;
                }
            }
            else
            {
                Context = caller;
                IsFaultingFrame = false;
                EscapedFunclet = null;
            }
            return Locate();
        }

        private static ulong Restore(in UnwindRules rules, int column, ulong cfa, ulong current)
        {
            return rules.TryGetSavedOffset(column, out long offset) ? *(ulong*)(cfa + (ulong)offset) : current;
        }

        private bool Locate()
        {
            ulong address = LookupAddress;
            UnwindError error = ExceptionTables.Find(address, out Entry);
            if (error == UnwindError.None)
            {
                error = LanguageSpecificData.Decode(Entry.LanguageSpecificData, Entry.FunctionStart, out Code);
            }
            if (error != UnwindError.None)
            {
                Error = error;
                return false;
            }
            CodeOffset = address - Code.MethodStart;
            return true;
        }
    }
}
