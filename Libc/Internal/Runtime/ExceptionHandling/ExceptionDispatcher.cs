using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// Two-pass exception dispatch over ilc's clause tables. Pass 1 walks up from the throw, recording the stack
    /// trace and asking each frame's clauses, innermost first, for a handler: a typed clause whose type the exception
    /// is, or a filter that returns true (filters run in pass 1, before any finally, as in .NET). None: the exception
    /// is unhandled and goes to <see cref="ExceptionReporting"/> with no finally run. Pass 2 walks the same frames
    /// again, running the fault/finally funclets whose try regions hold each frame's position, up to and inside the
    /// handler's frame (clauses inner to the catch), then calls the catch funclet and resumes its method at the
    /// address it returns, with the method frame's registers. Funclets run on the stack below the dispatcher; an
    /// exception thrown inside one starts a new dispatch that continues in the funclet's method frame after the
    /// clause (<see cref="StackFrameIterator"/>), abandoning this one.
    /// </summary>
    internal static unsafe class ExceptionDispatcher
    {
        /// <summary>
        /// Set while the dispatcher's own code walks the stack (not while funclets run): a fault then is a runtime bug, not an
        /// exception. Kept per thread where the environment says where (<see cref="UsePerThreadWalkingFlag"/>: a program's
        /// UTCB); otherwise one flag (the kernel, whose exceptions only end in a panic).
        /// </summary>
        internal static bool IsWalkingStack
        {
            get => *WalkingFlag != 0;
            set => *WalkingFlag = value ? 1UL : 0UL;
        }

        private static ulong s_walkingFlag;
        private static delegate*<ulong*> s_walkingFlagOfThread;

        /// <summary>Installs the function that finds the running thread's walking flag.</summary>
        public static void UsePerThreadWalkingFlag(delegate*<ulong*> locate)
        {
            s_walkingFlagOfThread = locate;
        }

        private static ulong* WalkingFlag => s_walkingFlagOfThread != null ? s_walkingFlagOfThread() : (ulong*)Unsafe.AsPointer(ref s_walkingFlag);

        // Frames pass 1 keeps for pass 2 (about 200 bytes each, on the dispatching thread's stack).
        private const int RememberedFrames = 16;

        /// <summary>Entry from RhpThrowEx / RhpRethrow (exception_dispatch.asm) with the throwing frame's registers.</summary>
        [RuntimeExport("LibcDispatchException")]
        private static void DispatchFromThrow(object exception, RegisterContext* thrower, ulong rethrow)
        {
            if (rethrow != 0)
            {
                // `throw;` keeps the stack trace recorded when the exception was first thrown.
                object caught = FindExceptionBeingCaught(thrower);
                if (caught == null)
                {
                    FatalError.Fail("`throw;` outside a catch handler");
                }
                Dispatch(caught, thrower, false, false);
            }
            else
            {
                Dispatch(exception ?? new NullReferenceException(), thrower, false, true); // `throw null` throws NullReferenceException
            }
        }

        /// <summary>
        /// Dispatches <paramref name="exception"/> from the frame in <paramref name="start"/>. <paramref name="faulting"/>:
        /// start.Rip is a faulting instruction rather than a return address. Never returns.
        /// </summary>
        internal static void Dispatch(object exception, RegisterContext* start, bool faulting, bool recordStackTrace)
        {
            Exception typed = exception as Exception;
            if (recordStackTrace && typed != null)
            {
                typed.ClearStackTrace();
            }

            // Pass 1: find the handler, remembering the innermost frames so that pass 2 need not unwind them again.
            IsWalkingStack = true;
            StackFrameIterator* remembered = stackalloc StackFrameIterator[RememberedFrames];
            StackFrameIterator frames = default;
            bool more = frames.Initialize(*start, faulting);
            int handlerFrame = -1;
            int handlerClause = -1;
            while (more)
            {
                if (frames.IsFilterBoundary)
                {
                    handlerFrame = frames.FrameIndex;
                    break;
                }
                if (recordStackTrace && typed != null)
                {
                    typed.AppendStackFrame(frames.LookupAddress);
                }
                if (frames.FrameIndex < RememberedFrames)
                {
                    remembered[frames.FrameIndex] = frames;
                }
                handlerClause = FindHandler(ref frames, exception);
                if (handlerClause >= 0)
                {
                    handlerFrame = frames.FrameIndex;
                    break;
                }
                more = frames.Next();
            }
            if (handlerFrame < 0)
            {
                IsWalkingStack = false;
                ExceptionReporting.Unhandled(exception, frames.Error);
            }

            // Pass 2: run the finally funclets up to the handler, then the handler. The frames above the dispatcher are as
            // pass 1 saw them (funclets only change their method's locals), so remembered frames are used as they are.
            if (handlerFrame < RememberedFrames && !frames.IsFilterBoundary)
            {
                for (int index = 0; index < handlerFrame; index++)
                {
                    RunFinallyClauses(ref remembered[index], exception, int.MaxValue);
                }
                frames = remembered[handlerFrame];
                more = true;
            }
            else
            {
                more = frames.Initialize(*start, faulting);
                while (more && frames.FrameIndex < handlerFrame)
                {
                    RunFinallyClauses(ref frames, exception, int.MaxValue);
                    more = frames.Next();
                }
            }
            if (!more || frames.FrameIndex != handlerFrame)
            {
                IsWalkingStack = false;
                FatalError.Fail(string.Concat("exception dispatch: the second pass lost the handler's frame: ", UnwindErrorText.Describe(frames.Error)), exception);
            }
            RegisterContext resume = frames.Context;
            if (frames.IsFilterBoundary)
            {
                // An exception escaped a filter: the filter counts as false, and its dispatch carries on.
                resume.Rax = 0;
                IsWalkingStack = false;
                NativeExceptionRoutines.Resume(&resume);
            }
            RunFinallyClauses(ref frames, exception, handlerClause);
            ExceptionClause clause = ClauseAt(ref frames, handlerClause, exception);
            FuncletInvocation invocation = NewInvocation(ref frames, FuncletKind.Catch, handlerClause, clause, exception);
            IsWalkingStack = false;
            ulong continuation = NativeExceptionRoutines.CallFunclet(exception, frames.Code.MethodStart + clause.HandlerOffset, &resume, &invocation);
            resume.Rip = continuation;
            NativeExceptionRoutines.Resume(&resume);
        }

        /// <summary>The index of the clause of the current frame that handles <paramref name="exception"/>, or -1.</summary>
        private static int FindHandler(ref StackFrameIterator frames, object exception)
        {
            ExceptionClauseReader clauses = new ExceptionClauseReader(frames.Code.ClauseTable);
            ClauseSkipper skipper = new ClauseSkipper(frames.EscapedFunclet);
            int index = -1;
            while (clauses.TryReadNext(out ExceptionClause clause))
            {
                index++;
                if (skipper.Skips(index, in clause) || !clause.TryContains(frames.CodeOffset))
                {
                    continue;
                }
                if (clause.Kind == ExceptionClauseKind.Typed)
                {
                    if (TypeCast.IsInstanceOfException((MethodTable*)clause.CatchType, exception))
                    {
                        return index;
                    }
                }
                else if (clause.Kind == ExceptionClauseKind.Filter)
                {
                    FuncletInvocation invocation = NewInvocation(ref frames, FuncletKind.Filter, index, clause, exception);
                    RegisterContext frame = frames.Context;
                    IsWalkingStack = false;
                    ulong verdict = NativeExceptionRoutines.CallFunclet(exception, frames.Code.MethodStart + clause.FilterOffset, &frame, &invocation);
                    IsWalkingStack = true;
                    if ((uint)verdict != 0)
                    {
                        return index;
                    }
                }
            }
            CheckClauseTable(in clauses, exception);
            return -1;
        }

        /// <summary>Runs the current frame's fault/finally funclets whose try regions hold its position, for clauses before <paramref name="limit"/>.</summary>
        private static void RunFinallyClauses(ref StackFrameIterator frames, object exception, int limit)
        {
            ExceptionClauseReader clauses = new ExceptionClauseReader(frames.Code.ClauseTable);
            ClauseSkipper skipper = new ClauseSkipper(frames.EscapedFunclet);
            int index = -1;
            while (clauses.TryReadNext(out ExceptionClause clause))
            {
                index++;
                if (index >= limit)
                {
                    return;
                }
                if (skipper.Skips(index, in clause) || clause.Kind != ExceptionClauseKind.Fault || !clause.TryContains(frames.CodeOffset))
                {
                    continue;
                }
                FuncletInvocation invocation = NewInvocation(ref frames, FuncletKind.Finally, index, clause, exception);
                RegisterContext frame = frames.Context;
                IsWalkingStack = false;
                NativeExceptionRoutines.CallFunclet(exception, frames.Code.MethodStart + clause.HandlerOffset, &frame, &invocation);
                IsWalkingStack = true;
            }
            CheckClauseTable(in clauses, exception);
        }

        private static ExceptionClause ClauseAt(ref StackFrameIterator frames, int wanted, object exception)
        {
            ExceptionClauseReader clauses = new ExceptionClauseReader(frames.Code.ClauseTable);
            int index = -1;
            while (clauses.TryReadNext(out ExceptionClause clause))
            {
                if (++index == wanted)
                {
                    return clause;
                }
            }
            IsWalkingStack = false;
            FatalError.Fail("exception dispatch: the handler's clause vanished", exception);
            return default;
        }

        private static void CheckClauseTable(in ExceptionClauseReader clauses, object exception)
        {
            if (clauses.Error != UnwindError.None)
            {
                IsWalkingStack = false;
                FatalError.Fail(string.Concat("exception dispatch: ", UnwindErrorText.Describe(clauses.Error)), exception);
            }
        }

        private static FuncletInvocation NewInvocation(ref StackFrameIterator frames, FuncletKind kind, int index, in ExceptionClause clause, object exception)
        {
            FuncletInvocation invocation = default;
            invocation.Frame = frames.Context;
            invocation.FrameIsFaulting = frames.IsFaultingFrame;
            invocation.Kind = kind;
            invocation.ClauseIndex = index;
            invocation.Clause = clause;
            invocation.Exception = (nint)Unsafe.AsPointer(exception);
            return invocation;
        }

        /// <summary>`throw;`: the exception of the innermost catch funclet on the stack above <paramref name="thrower"/>.</summary>
        private static object FindExceptionBeingCaught(RegisterContext* thrower)
        {
            IsWalkingStack = true;
            StackFrameIterator frames = default;
            bool more = frames.Initialize(*thrower, false);
            while (more)
            {
                more = frames.Next();
                FuncletInvocation* invocation = frames.EscapedFunclet;
                if (more && invocation != null && invocation->Kind == FuncletKind.Catch)
                {
                    IsWalkingStack = false;
                    nint address = invocation->Exception;
                    return Unsafe.As<nint, object>(ref address);
                }
            }
            IsWalkingStack = false;
            return null;
        }

        /// <summary>
        /// In a frame reached by leaving a funclet, the clauses up to the funclet's own are done, and so are those right
        /// after it that protect the same try region (sibling catches); the next different region ends the skipping.
        /// </summary>
        private struct ClauseSkipper
        {
            private readonly int _lastDone;
            private bool _skipping;
            private ExceptionClause _last;

            public ClauseSkipper(FuncletInvocation* escaped)
            {
                _lastDone = escaped == null ? -1 : escaped->ClauseIndex;
                _skipping = escaped != null;
                _last = default;
            }

            public bool Skips(int index, in ExceptionClause clause)
            {
                if (!_skipping)
                {
                    return false;
                }
                if (index <= _lastDone)
                {
                    _last = clause;
                    return true;
                }
                if (clause.HasSameTryRegion(in _last))
                {
                    return true;
                }
                _skipping = false;
                return false;
            }
        }
    }
}
