using System.Runtime;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// Sigma0: owns all free physical memory, conceptually mapped one to one, and hands it out as map items
    /// (Libc/Api/Memory/Sigma0Protocol.cs). The kernel starts it at boot beside the root task, with its memory port in
    /// slot 3 and its device port in slot 4. It has no pager, so everything it needs is allocated here, before serving,
    /// from the heap the kernel premapped; requests allocate nothing. Two threads: this one serves the memory port, a
    /// second one the device port. They share no mutable state, so they need no lock: the memory thread alone changes
    /// the <see cref="FrameTable"/>, the device thread alone the <see cref="DeviceGrants"/> (whose count the memory
    /// thread reads for Statistics), and the <see cref="RamRanges"/> never change after start.
    /// </summary>
    internal static unsafe class Sigma0Main
    {
        /// <summary>Ranges asked for first; a machine with more gets a second call with room for all.</summary>
        private const int FirstRangeCapacity = 32;

        /// <summary>More ranges than this is not a machine's memory map: sigma0 refuses to start rather than size its tables from it.</summary>
        private const int MaximumRangeCount = 65536;

        /// <summary>The device thread's priority: sigma0's own (the kernel starts it at 200, above the root task).</summary>
        private const byte DeviceThreadPriority = 200;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            if (!HoldsReceiveRight(WellKnownSlots.Sigma0MemoryPort))
            {
                Kernel.DebugWrite("sigma0: error: no port with a receive right in slot " + WellKnownSlots.Sigma0MemoryPort.ToString() + "\n");
                return 1;
            }
            PhysicalMemoryRange[] ranges = new PhysicalMemoryRange[FirstRangeCapacity];
            long count = QueryRanges(ranges);
            if (count > ranges.Length && count <= MaximumRangeCount)
            {
                ranges = new PhysicalMemoryRange[(int)count];
                count = QueryRanges(ranges);
            }
            if (count < 0 || count > ranges.Length)
            {
                Kernel.DebugWrite("sigma0: error: cannot list its physical memory: " + Kernel.DescribeError(count) + "\n");
                return 1;
            }
            RamRanges ram = new RamRanges(ranges, (int)count);
            FrameTable frames = new FrameTable(ram);
            DeviceGrants devices = new DeviceGrants();
            KernelUnmap unmap = new KernelUnmap();
            MemoryRequests memory = new MemoryRequests(frames, devices, unmap);

            ulong mebibytes = (ulong)ram.FrameCount * PhysicalBlock.FrameSize >> 20;
            Kernel.DebugWrite("sigma0: " + mebibytes.ToString() + " MiB of RAM in " + ram.Count.ToString() + " ranges, serving\n");
            if (!HoldsReceiveRight(WellKnownSlots.Sigma0DevicePort))
            {
                Kernel.DebugWrite("sigma0: error: no device port in slot " + WellKnownSlots.Sigma0DevicePort.ToString() + "; serving memory only\n");
            }
            else
            {
                SystemCallError started = DeviceThread.Start(new DeviceRequests(ram, devices, unmap), DeviceThreadPriority);
                if (started != SystemCallError.None)
                {
                    Kernel.DebugWrite("sigma0: error: cannot start the device thread (" + Kernel.DescribeError((long)started) + "); serving memory only\n");
                }
            }

            SystemCallError error = PortService.Serve("memory", WellKnownSlots.Sigma0MemoryPort, memory);
            Kernel.DebugWrite("sigma0: error: the memory port is unusable (" + Kernel.DescribeError((long)error) + "); ending\n");
            return 1;
        }

        private static long QueryRanges(PhysicalMemoryRange[] ranges)
        {
            fixed (PhysicalMemoryRange* first = ranges)
            {
                return AddressSpace.PhysicalRanges(first, ranges.Length);
            }
        }

        private static bool HoldsReceiveRight(uint slot) =>
            Capabilities.Information(slot, out CapabilityInformation port) == SystemCallError.None
            && port.Kind == CapabilityKind.Port && (port.Rights & CapabilityRights.Receive) != 0 && !port.IsStale;
    }
}
