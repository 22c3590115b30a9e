using CosmosKernel.Platform;

namespace CosmosKernel.Power
{
    /// <summary>
    /// QEMU's isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,iosize=0x04): writing a value v to
    /// port 0xF4 ends QEMU with exit status (v &lt;&lt; 1) | 1. Tests use it to end a run with a verdict.
    /// On a machine without the device the write does nothing and the caller falls through.
    /// </summary>
    internal static class QemuDebugExit
    {
        private const ushort Port = 0xF4;

        /// <summary>Exit status 33 in QEMU.</summary>
        public const byte Success = 0x10;

        /// <summary>Exit status 35 in QEMU.</summary>
        public const byte Failure = 0x11;

        public static void Exit(byte code)
        {
            Native.OutDword(Port, code);
        }
    }
}
