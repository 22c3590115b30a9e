namespace Cosmos.Api.Ipc
{
    /// <summary>x86 I/O port ranges by capability (IoPortRange, Control).</summary>
    public static class IoPorts
    {
        /// <summary>A capability for ports [first, first + count), which must lie inside <paramref name="range"/>'s; returns its slot.</summary>
        public static long Derive(uint range, ushort first, uint count) =>
            SystemCall.Invoke(SystemCallNumber.IoPortRangeDerive, range, first, count);

        /// <summary>Lets the calling task use in and out on the range's ports.</summary>
        public static SystemCallError Enable(uint range) => Kernel.AsError(SystemCall.Invoke(SystemCallNumber.IoPortsEnable, range));
    }
}
