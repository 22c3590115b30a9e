using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Api
{
    /// <summary>
    /// The in and out instructions for ring-3 drivers (Native/port_io.asm). They work only on ports the calling task
    /// has enabled (IoPortsEnable with an IoPortRange capability); on any other port the CPU raises #GP and the kernel
    /// ends the task (or hands the fault to its handler, which Libc turns into an exception).
    /// </summary>
    public static class PortIo
    {
        [RuntimeImport("libc_port_in_byte")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern byte InByte(ushort port);

        [RuntimeImport("libc_port_out_byte")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void OutByte(ushort port, byte value);

        [RuntimeImport("libc_port_in_word")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ushort InWord(ushort port);

        [RuntimeImport("libc_port_out_word")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void OutWord(ushort port, ushort value);

        [RuntimeImport("libc_port_in_dword")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern uint InDword(ushort port);

        [RuntimeImport("libc_port_out_dword")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void OutDword(ushort port, uint value);
    }
}
