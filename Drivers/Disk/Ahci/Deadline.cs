using Cosmos.Api;

namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>A point on the uptime clock a wait must not pass.</summary>
    internal readonly struct Deadline
    {
        private const ulong NanosecondsPerMillisecond = 1000000;

        private readonly ulong _end;

        private Deadline(ulong end) => _end = end;

        public static Deadline After(ulong milliseconds) => new Deadline(Kernel.Uptime() + milliseconds * NanosecondsPerMillisecond);

        public bool Passed => Kernel.Uptime() >= _end;

        /// <summary>Nanoseconds left (at least 1, so it can serve as an IPC timeout that is not "poll").</summary>
        public ulong Remaining
        {
            get
            {
                ulong now = Kernel.Uptime();
                return now >= _end ? 1 : _end - now;
            }
        }

        /// <summary>Lets other threads run for about a millisecond between two looks at a register.</summary>
        public static void Pause() => Kernel.Sleep(NanosecondsPerMillisecond);
    }
}
