using System;

namespace Cosmos.Benchmarks
{
    /// <summary>A benchmark run that cannot produce trustworthy figures; the message says why.</summary>
    internal sealed class BenchmarkException : Exception
    {
        public BenchmarkException(string message)
            : base(message)
        {
        }
    }
}
