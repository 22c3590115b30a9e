using Cosmos.Api;
using Internal.Runtime;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// A lock for the root task's threads of different priorities (the region pager's thread runs above the others). A
    /// thread that finds it held yields a few times, then sleeps a tick at a time: Yield alone gives the processor only to
    /// threads of its own priority or higher, so a high-priority waiter would spin forever against a lower-priority holder.
    /// Not re-entrant.
    /// </summary>
    internal struct SleepingLock
    {
        private const int Yields = 4;
        private const ulong SleepNanoseconds = 100_000;

        private SpinLock _word;

        public void Acquire()
        {
            int attempts = 0;
            while (!_word.TryAcquire())
            {
                if (++attempts <= Yields)
                {
                    Kernel.Yield();
                }
                else
                {
                    Kernel.Sleep(SleepNanoseconds);
                }
            }
        }

        public void Release() => _word.Release();
    }
}
