using System;
using System.Collections.Generic;

namespace Cosmos.Benchmarks
{
    /// <summary>A boot that produced no usable figures, with what the serial port showed at the end.</summary>
    internal sealed class BootFailedException : Exception
    {
        public BootFailedException(string message, string commandLine, IReadOnlyList<string> serialTail)
            : base(message)
        {
            CommandLine = commandLine;
            SerialTail = serialTail;
        }

        /// <summary>The QEMU command line, to rerun the boot by hand.</summary>
        public string CommandLine { get; }

        public IReadOnlyList<string> SerialTail { get; }
    }
}
