using System.Runtime.InteropServices;
using Cosmos.Api;
using CosmosKernel.Memory;
using CosmosKernel.Platform;
using CosmosKernel.Scheduling;
using CosmosKernel.Time;

namespace CosmosKernel.Tasks
{
    /// <summary>
    /// The kernel information page (Cosmos.Api.KernelInformation): one frame filled at boot and mapped
    /// read-only into every task at UserLayout.KernelInformationAddress.
    /// </summary>
    internal static unsafe class KernelInformationPage
    {
        private static PhysicalAddress s_frame;

        public static PhysicalAddress Frame => s_frame;

        /// <summary>Allocates and fills the page. Precondition: clock calibrated, frame allocator ready. Returns false when out of memory.</summary>
        public static bool Create(ulong memoryBytes, uint major, uint minor, uint patch, in Boot.MultibootInformation boot)
        {
            FrameResult frame = KernelMemory.Frames.AllocateFrame();
            if (!frame.Succeeded)
            {
                return false;
            }
            s_frame = frame.Address;
            KernelInformation* page = (KernelInformation*)KernelMemory.Window.ToPointer(s_frame);
            NativeMemory.Clear(page, (nuint)FrameAllocator.FrameSize);
            page->Magic = KernelInformation.ExpectedMagic;
            page->VersionMajor = major;
            page->VersionMinor = minor;
            page->VersionPatch = patch;
            page->PageSize = (uint)FrameAllocator.FrameSize;
            page->MemoryBytes = memoryBytes;
            page->FrameCount = KernelMemory.Frames.ManagedFrames;
            page->TimerFrequencyHz = Scheduler.TicksPerSecond;
            page->TimeSliceNanoseconds = Scheduler.TimeSliceTicks * (Clock.NanosecondsPerSecond / Scheduler.TicksPerSecond);
            page->TimestampFrequencyHz = Clock.TimestampFrequencyHz;
            page->BootTimestamp = Clock.BootTimestamp;
            page->ApicTimerFrequencyHz = LocalApic.TimerFrequencyHz;
            if (boot.HasFramebuffer)
            {
                Boot.FramebufferInfo framebuffer = boot.Framebuffer;
                page->FramebufferPhysical = framebuffer.Address.Value;
                page->FramebufferPitch = framebuffer.Pitch;
                page->FramebufferWidth = framebuffer.Width;
                page->FramebufferHeight = framebuffer.Height;
                page->FramebufferBitsPerPixel = framebuffer.BitsPerPixel;
                // Multiboot's 0 (indexed) becomes 3, so that 0 can mean "none".
                page->FramebufferType = framebuffer.Type == 0 ? (byte)3 : framebuffer.Type;
                page->FramebufferRedPosition = framebuffer.RedPosition;
                page->FramebufferRedSize = framebuffer.RedSize;
                page->FramebufferGreenPosition = framebuffer.GreenPosition;
                page->FramebufferGreenSize = framebuffer.GreenSize;
                page->FramebufferBluePosition = framebuffer.BluePosition;
                page->FramebufferBlueSize = framebuffer.BlueSize;
            }
            page->MaximumThreads = ThreadTable.Capacity;
            page->MaximumTasks = TaskTable.Capacity;
            page->SystemCallCount = (uint)SystemCallNumber.Count;
            uint* registers = stackalloc uint[4];
            Native.Cpuid(0, 0, registers);
            uint highestLeaf = registers[0];
            *(uint*)(page->CpuVendor + 0) = registers[1];
            *(uint*)(page->CpuVendor + 4) = registers[3];
            *(uint*)(page->CpuVendor + 8) = registers[2];
            Native.Cpuid(1, 0, registers);
            page->CpuFeaturesEcx = registers[2];
            page->CpuFeaturesEdx = registers[3];
            if (highestLeaf >= 7)
            {
                Native.Cpuid(7, 0, registers);
                page->CpuExtendedFeaturesEbx = registers[1];
            }
            return true;
        }
    }
}
