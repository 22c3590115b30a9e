using System;

namespace Cosmos.Testing
{
    /// <summary>
    /// A machine did not do what a test waited for: a wait timed out, QEMU exited early, or QEMU could not be driven.
    /// The message always carries the QEMU command line, QEMU's own error output and the captured serial output, so a
    /// failing CI log explains itself without a rerun.
    /// </summary>
    public sealed class QemuMachineException : Exception
    {
        public QemuMachineException(string message, string serialOutput, Exception innerException = null)
            : base(message, innerException)
        {
            SerialOutput = serialOutput;
        }

        /// <summary>The serial output as it was when the failure was detected.</summary>
        public string SerialOutput { get; }
    }
}
