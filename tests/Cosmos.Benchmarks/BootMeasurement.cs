using System;
using System.Collections.Generic;

namespace Cosmos.Benchmarks
{
    /// <summary>What one boot measured: the host's boot_to_ready and the figures the OS printed.</summary>
    internal sealed class BootMeasurement
    {
        public BootMeasurement(int bootNumber, double bootToReadyMilliseconds, IReadOnlyList<BenchmarkLine> figures, double? bootToPromptMilliseconds = null)
        {
            BootToPromptMilliseconds = bootToPromptMilliseconds;
            ArgumentNullException.ThrowIfNull(figures);
            BootNumber = bootNumber;
            BootToReadyMilliseconds = bootToReadyMilliseconds;
            Figures = figures;
        }

        /// <summary>1 for the first boot.</summary>
        public int BootNumber { get; }

        /// <summary>From the start of the QEMU process to the end of the "kernel: ready" line.</summary>
        public double BootToReadyMilliseconds { get; }

        /// <summary>From the start of the QEMU process until the shell's prompt had arrived; null when no prompt appeared.</summary>
        public double? BootToPromptMilliseconds { get; }

        /// <summary>The OS's figures in the order it printed them.</summary>
        public IReadOnlyList<BenchmarkLine> Figures { get; }
    }
}
