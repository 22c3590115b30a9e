using Cosmos.Api.Devices;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// One driver or server the root task started at boot and restarts when it dies (<see cref="Supervisor"/>): its name,
    /// the run word it was started with (so a restart gets the same capabilities), its priority, the task that runs it
    /// now, and its restart history.
    /// </summary>
    internal sealed class SupervisedProgram
    {
        /// <summary>Deaths within <see cref="BurstNanoseconds"/> after which the supervisor gives up.</summary>
        public const int BurstLimit = 5;

        public const ulong BurstNanoseconds = 10_000_000_000;

        private readonly ulong[] _recentDeaths = new ulong[BurstLimit];
        private int _nextDeath;

        public SupervisedProgram(string name, string runWord, byte priority)
        {
            Name = name;
            RunWord = runWord;
            Priority = priority;
        }

        public string Name { get; }

        public string RunWord { get; }

        public byte Priority { get; }

        /// <summary>The task running it, 0 while none does.</summary>
        public ulong Task { get; set; }

        public int Restarts { get; set; }

        public SupervisedState State { get; set; }

        /// <summary>Records a death at <paramref name="uptime"/>; true when it is the <see cref="BurstLimit"/>-th within <see cref="BurstNanoseconds"/>.</summary>
        public bool RecordDeath(ulong uptime)
        {
            ulong oldest = _recentDeaths[_nextDeath];
            _recentDeaths[_nextDeath] = uptime;
            _nextDeath = (_nextDeath + 1) % BurstLimit;
            return oldest != 0 && uptime - oldest < BurstNanoseconds;
        }
    }
}
