using CosmosKernel.Boot;
using CosmosKernel.Platform;

namespace CosmosKernel.Memory
{
    /// <summary>
    /// The kernel's memory state: where its image lies (the linker's layout), the window onto physical memory
    /// (the direct map at <see cref="DirectMapBase"/>), the frame allocator and the kernel page table.
    /// All statics are plain values (no references), so they work before the heap exists.
    /// </summary>
    internal static unsafe class KernelMemory
    {
        /// <summary>Physical address p is at virtual DirectMapBase + p (the first PML4 slot of the upper half).</summary>
        public const ulong DirectMapBase = 0xFFFF800000000000;

        /// <summary>How much the boot stub's direct map covers (its identity PDPT: 4 GiB).</summary>
        public const ulong BootDirectMapSize = 4UL * 1024 * 1024 * 1024;

        private const ulong FirstMebibyte = 1024 * 1024;
        private const int MaximumReservations = 4 + MultibootInformation.ModuleCapacity;

        private static KernelLayout s_layout;
        private static PhysicalMemoryWindow s_window;
        private static FrameAllocator s_frames;
        private static PageTable s_kernelSpace;
        private static bool s_kernelSpaceActive;

        public static KernelLayout Layout => s_layout;

        /// <summary>The window onto physical memory: the boot stub's 4 GiB direct map until the kernel page table is active, then all of memory.</summary>
        public static PhysicalMemoryWindow Window => s_window;

        public static ref FrameAllocator Frames => ref s_frames;

        public static ref PageTable KernelSpace => ref s_kernelSpace;

        public static bool IsKernelSpaceActive => s_kernelSpaceActive;

        /// <summary>Records the image layout and uses the boot stub's direct map as the window. Call first.</summary>
        public static void InitializeEarly()
        {
            s_layout = KernelLayout.Read();
            s_window = new PhysicalMemoryWindow(DirectMapBase, BootDirectMapSize);
        }

        /// <summary>
        /// Sets up the frame allocator over the boot memory map, reserving the first MiB (firmware, BIOS data,
        /// the classic ISA hole), the kernel image, the multiboot information and every boot module.
        /// Returns None or the allocator's error.
        /// </summary>
        public static FrameAllocatorError InitializeFrames(in MultibootInformation information)
        {
            PhysicalRange* reservations = stackalloc PhysicalRange[MaximumReservations];
            int count = 0;
            reservations[count++] = new PhysicalRange(PhysicalAddress.Null, new PhysicalAddress(FirstMebibyte));
            reservations[count++] = new PhysicalRange(new PhysicalAddress(s_layout.PhysicalStart), new PhysicalAddress(s_layout.PhysicalEnd));
            reservations[count++] = information.Range;
            for (int i = 0; i < information.ModuleCount; i++)
            {
                reservations[count++] = information.GetModule(i).Range;
            }
            return s_frames.Initialize(in information.MemoryMap, reservations, count, s_window);
        }

        /// <summary>Makes <paramref name="table"/> the kernel's page table after CR3 was loaded with it, and widens the window to <paramref name="directMapEnd"/>.</summary>
        public static void ActivateKernelSpace(in PageTable table, ulong directMapEnd)
        {
            s_window = s_window.WithLimit(directMapEnd);
            s_kernelSpace = table;
            s_kernelSpace.SetWindow(s_window);
            s_kernelSpaceActive = true;
        }

        /// <summary>
        /// True when [address, address + length) is kernel memory that can be read without faulting: mapped in
        /// the kernel page table once it is active, before that one of the kernel's stacks. Used by the stack
        /// walker on possibly corrupt frame pointers.
        /// </summary>
        public static bool IsReadableKernelMemory(ulong address, ulong length)
        {
            VirtualAddress start = new VirtualAddress(address);
            if (!start.IsHigherHalf || length == 0 || address + length < address)
            {
                return false;
            }
            if (!s_kernelSpaceActive)
            {
                return s_layout.IsOnKernelStack(address, length);
            }
            VirtualAddress last = new VirtualAddress(address + length - 1);
            return s_kernelSpace.Translate(start).IsMapped && s_kernelSpace.Translate(last).IsMapped;
        }
    }
}
