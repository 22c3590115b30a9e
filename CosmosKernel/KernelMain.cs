using System.Runtime;
using System.Runtime.CompilerServices;
using CosmosKernel.Boot;
using CosmosKernel.Console;
using CosmosKernel.Diagnostics;
using CosmosKernel.Interrupts;
using CosmosKernel.Loader;
using CosmosKernel.Memory;
using CosmosKernel.Platform;
using CosmosKernel.Power;
using CosmosKernel.Scheduling;
using CosmosKernel.SystemCalls;
using CosmosKernel.Tasks;
using CosmosKernel.Time;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace CosmosKernel
{
    /// <summary>
    /// The C# entry point, called by the boot stub in long mode on the boot stack with interrupts off.
    /// Boot order: serial log, descriptor tables (so any fault from here on is reported), boot information,
    /// symbol table, physical frames, the kernel's page tables, the heap, module start-up (statics), the clock
    /// and the local APIC timer, threads, tasks and system calls, then "kernel: ready", whatever the command
    /// line asks for, and the two tasks the kernel starts: sigma0 and the root task. The boot context then becomes the idle thread.
    /// </summary>
    internal static unsafe class KernelEntry
    {
        public const string Banner = "CosmosKernel 0.2.0 (x86-64 microkernel)";
        public const uint VersionMajor = 0;
        public const uint VersionMinor = 2;
        public const uint VersionPatch = 0;

        /// <summary>An upper bound on a plausible multiboot2 information size (GRUB's is a few KiB).</summary>
        private const ulong MaximumMultibootInformationSize = 1024 * 1024;

        private static MultibootInformation s_multiboot;

        [RuntimeExport("KernelMain")]
        private static void KernelMain(ulong multibootInformationPhysical)
        {
            SerialPort.Initialize();
            KernelLog.Banner(Banner);
            FatalError.SetHandler(&Panic.OnFatalError);

            KernelMemory.InitializeEarly();
            KernelLayout layout = KernelMemory.Layout;
            TaskStateSegment.Initialize(layout.TaskStateSegment, layout.PrivilegeStackTop, layout.DoubleFaultStackTop);
            GlobalDescriptorTable.Initialize(TaskStateSegment.Address, TaskStateSegment.Size);
            InterruptDescriptorTable.Initialize((ulong*)layout.TrapStubTable);

            ParseBootInformation(new PhysicalAddress(multibootInformationPhysical));
            PhysicalMemoryWindow window = KernelMemory.Window;
            BootString commandLine = s_multiboot.GetCommandLine(window);
            Panic.SetExitQemuOnPanic(commandLine.HasWord("qemu-exit-on-panic"));
            KernelLog.Info("boot").Text("command line \"").Text(commandLine).Text("\"").End();
            LoadSymbols(window);

            InitializeMemory();
            ManagedHeap.Initialize(&KernelHeapPages.Allocate, &KernelHeapPages.Free);
            StartupCodeHelpers.InitializeModules((nint*)layout.ModulesStart, (nint*)layout.ModulesEnd);
            TypeNames.SetLookup(&KernelSymbols.NameOfType);
            CodeNames.SetLookup(&KernelSymbols.NameOfCode);
            Acpi.SetBootLoaderRsdp(s_multiboot.RsdpAddress, s_multiboot.RsdpLength);
            InitializeTime();
            InitializeThreads(layout);
            if (!Mappings.Initialize())
            {
                Panic.Halt("memory: no room for the mapping database");
            }

            KernelLog.Info("kernel").Text("ready, ").Decimal(KernelMemory.Frames.FreeMebibytes).Text(" MiB free").End();
            BootString words = s_multiboot.GetCommandLine(KernelMemory.Window);
            RunCommandLine(words);
            BootTaskLoader.Start(in s_multiboot, words);
            Scheduler.RunIdle();
        }

        // The PICs out of the way, the local APIC on, the TSC and APIC timer measured against the PIT.
        private static void InitializeTime()
        {
            LegacyPic.RemapAndMask();
            if (!LocalApic.IsPresent)
            {
                Panic.Halt("time: this CPU has no local APIC (needed for the scheduler's timer)");
            }
            if (!LocalApic.Enable())
            {
                Panic.Halt("time: cannot map the local APIC's registers");
            }
            Clock.Calibrate(withLocalApic: true);
            KernelLog.Info("time").Text("TSC ").Decimal(Clock.TimestampFrequencyHz / 1000).Text(" kHz, APIC timer ")
                .Decimal(LocalApic.TimerFrequencyHz / 1000).Text(" kHz, tick ").Decimal(Scheduler.TicksPerSecond).Text(" Hz").End();
        }

        // Thread and task tables, the scheduler (the boot context becomes the idle thread), system calls, the
        // kernel information page, then the timer tick.
        private static void InitializeThreads(KernelLayout layout)
        {
            ThreadTable.Initialize();
            Ipc.KernelObjects.Initialize();
            TaskTable.Initialize();
            Scheduler.Initialize();
            SystemCallSetup.Enable(layout.SystemCallEntry);
            if (!KernelInformationPage.Create(s_multiboot.MemoryMap.UsableBytes, VersionMajor, VersionMinor, VersionPatch, in s_multiboot))
            {
                Panic.Halt("threads: no memory for the kernel information page");
            }
            ProgramSymbols.Initialize(in s_multiboot);
            LocalApic.StartPeriodicTimer(Scheduler.TicksPerSecond);
        }

        // Validates and keeps the multiboot2 information; malformed information is fatal.
        private static void ParseBootInformation(PhysicalAddress physical)
        {
            PhysicalMemoryWindow window = KernelMemory.Window;
            ulong available = MaximumMultibootInformationSize;
            if (!window.Contains(physical, available))
            {
                available = window.Limit > physical.Value ? window.Limit - physical.Value : 0;
            }
            MultibootParseResult result = MultibootInformation.Parse(window.ToPointer(physical), available, physical, out s_multiboot);
            if (!result.Succeeded)
            {
                KernelLog.Error("boot").Text("multiboot2 information at ").Address(physical).Text(": ")
                    .Text(MultibootParseErrors.Describe(result.Error)).Text(" (tag type ").Decimal((ulong)result.TagType)
                    .Text(" at offset ").Hex(result.TagOffset).Text(")").End();
                Panic.Halt("boot: invalid multiboot2 information");
            }
            KernelLog.Info("boot").Text("multiboot2 information: ").Decimal((ulong)s_multiboot.MemoryMap.Count).Text(" memory regions, ")
                .Decimal((ulong)s_multiboot.ModuleCount).Text(" modules, ACPI RSDP ").Text(s_multiboot.HasRsdp ? "from the boot loader" : "not passed")
                .Text(s_multiboot.HasFramebuffer ? ", framebuffer" : "").End();
        }

        private static void LoadSymbols(PhysicalMemoryWindow window)
        {
            SymbolTableError error = KernelSymbols.Load(in s_multiboot, window, out int count);
            if (error == SymbolTableError.None)
            {
                KernelLog.Info("symbols").Decimal((ulong)count).Text(" symbols loaded").End();
            }
            else if (error == SymbolTableError.Empty)
            {
                KernelLog.Warn("symbols", "no \"symbols\" boot module: panics will show raw addresses");
            }
            else
            {
                KernelLog.Warn("symbols").Text("symbol table rejected (line ").Decimal((ulong)count).Text(error == SymbolTableError.NotSorted ? " out of order)" : " malformed)").End();
            }
        }

        // Frame allocator, then the kernel's own page tables; afterwards physical memory is reached only
        // through the direct map and the lower half is empty.
        private static void InitializeMemory()
        {
            FrameAllocatorError frameError = KernelMemory.InitializeFrames(in s_multiboot);
            if (frameError != FrameAllocatorError.None)
            {
                KernelLog.Error("memory", FrameAllocatorErrors.Describe(frameError));
                Panic.Halt("memory: cannot set up the frame allocator");
            }
            ref FrameAllocator frames = ref KernelMemory.Frames;
            KernelLog.Info("memory").Decimal(s_multiboot.MemoryMap.UsableBytes / (1024 * 1024)).Text(" MiB usable, ")
                .Decimal(frames.FreeFrames).Text(" frames free, bitmap at ").Address(frames.BitmapRange.Start).End();

            PageTableError pageError = KernelAddressSpace.BuildAndActivate(in s_multiboot, out ulong directMapEnd);
            if (pageError != PageTableError.None)
            {
                KernelLog.Error("memory", PageTableErrors.Describe(pageError));
                Panic.Halt("memory: cannot build the kernel page tables");
            }
            KernelLog.Info("memory").Text("kernel page tables active (cr3 ").Address(KernelMemory.KernelSpace.Root)
                .Text("), direct map of ").Decimal(directMapEnd / (1024 * 1024)).Text(" MiB at ").Address(KernelMemory.DirectMapBase).End();
        }

        private static void RunCommandLine(BootString commandLine)
        {
            if (commandLine.HasWord("selftest"))
            {
                SelfTest.SelfTestRunner.RunAndExit();
            }
            if (commandLine.HasWord("fault=null"))
            {
                KernelLog.Info("kernel", "dereferencing a null pointer on purpose (fault=null)");
                DeliberateFault.DereferenceNull();
            }
            if (commandLine.HasWord("fault=divide"))
            {
                KernelLog.Info("kernel", "dividing by zero on purpose (fault=divide)");
                DeliberateFault.DivideByZero();
            }
            if (commandLine.HasWord("fault=stack"))
            {
                KernelLog.Info("kernel", "overflowing the boot stack on purpose (fault=stack)");
                DeliberateFault.OverflowStack(0);
            }
            if (commandLine.HasWord("fault=throw"))
            {
                KernelLog.Info("kernel", "throwing an unhandled exception on purpose (fault=throw)");
                DeliberateFault.ThrowUnhandled();
            }
            if (commandLine.HasWord("shutdown"))
            {
                KernelLog.Info("kernel", "shutting down (ACPI S5)");
                AcpiError error = Acpi.Shutdown();
                KernelLog.Error("kernel").Text("shutdown failed: ").Text(AcpiErrors.Describe(error)).End();
            }
        }
    }
}
