namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// Stack traces without an exception (kernel panics, ring-3 faults that end the task): walks the frames from a
    /// register state through the call-frame information and hands each frame's code address (the faulting
    /// instruction, then each call's last byte) to a visitor.
    /// </summary>
    public static unsafe class StackTraceWalker
    {
        /// <summary>
        /// Visits up to <paramref name="maximumFrames"/> frames from <paramref name="start"/> (<paramref name="faulting"/>:
        /// start.Rip is the faulting instruction, not a return address). Returns why the walk stopped: NoEntry at the
        /// normal end of the managed stack, CorruptStack also when the frame limit was reached.
        /// </summary>
        public static UnwindError Walk(in RegisterContext start, bool faulting, delegate*<ulong, void> visit, int maximumFrames)
        {
            bool wasWalking = ExceptionDispatcher.IsWalkingStack;
            ExceptionDispatcher.IsWalkingStack = true;
            StackFrameIterator frames = default;
            bool more = frames.Initialize(in start, faulting);
            int count = 0;
            while (more && count < maximumFrames)
            {
                if (!frames.IsFilterBoundary)
                {
                    ulong address = frames.LookupAddress;
                    ExceptionDispatcher.IsWalkingStack = wasWalking;
                    visit(address);
                    ExceptionDispatcher.IsWalkingStack = true;
                    count++;
                }
                more = frames.Next();
            }
            ExceptionDispatcher.IsWalkingStack = wasWalking;
            if (more)
            {
                return UnwindError.CorruptStack;
            }
            return frames.Error == UnwindError.None ? UnwindError.NoEntry : frames.Error;
        }
    }
}
