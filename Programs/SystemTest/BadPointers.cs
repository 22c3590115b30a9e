using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "badpointer": system calls with kernel addresses, unmapped or read-only buffers, overflowing lengths and
    /// forged ids. Each must come back with the expected error code; the kernel must not fault.
    /// </summary>
    internal static unsafe class BadPointers
    {
        private const ulong KernelAddress = 0xFFFFFFFF80000000;
        private const ulong UnmappedUserAddress = 0x1000;
        private const ulong MapDestination = 0x0000007000000000;

        private static int s_passed;
        private static int s_total;

        public static int Run()
        {
            byte* text = stackalloc byte[16];
            ThreadInformation* buffer = stackalloc ThreadInformation[1];
            Check("debug write from a kernel address", Kernel.DebugWrite((byte*)KernelAddress, 16), SystemCallError.BadAddress);
            Check("debug write from an unmapped address", Kernel.DebugWrite((byte*)UnmappedUserAddress, 4), SystemCallError.BadAddress);
            Check("debug write from a null pointer", Kernel.DebugWrite(null, 4), SystemCallError.BadAddress);
            Check("debug write running past the user half", Kernel.DebugWrite((byte*)(UserLayout.UserSpaceEnd - 8), 64), SystemCallError.BadAddress);
            Check("debug write with a length that wraps", Kernel.DebugWrite(text, -1), SystemCallError.InvalidArgument);
            Check("thread query into a kernel address", Kernel.QueryThread(0, (ThreadInformation*)KernelAddress), SystemCallError.BadAddress);
            Check("thread query into the read-only kernel information page", Kernel.QueryThread(0, (ThreadInformation*)UserLayout.KernelInformationAddress), SystemCallError.BadAddress);
            ulong thread;
            Check("task create with a kernel-address name", Kernel.CreateTask((byte*)KernelAddress, 4, 100, 100, out thread), SystemCallError.BadAddress);
            Check("memory write from a kernel address", (long)Kernel.WriteMemory(0, (ulong)text, (void*)KernelAddress, 8), SystemCallError.BadAddress);
            Check("memory write into the kernel information page", (long)Kernel.WriteMemory(0, UserLayout.KernelInformationAddress, text, 8), SystemCallError.BadAddress);
            Check("memory write into kernel memory", (long)Kernel.WriteMemory(0, KernelAddress, text, 8), SystemCallError.BadAddress);
            Flexpage page = TextPage();
            Check("memory map into the kernel half", AddressSpace.Map(0, page, KernelAddress), SystemCallError.BadAddress);
            Check("memory map to a misaligned destination", AddressSpace.Map(0, page, MapDestination + 0x800), SystemCallError.InvalidArgument);
            Check("memory map into a task not controlled", AddressSpace.Map(OtherTaskId(), page, MapDestination), SystemCallError.PermissionDenied);
            Check("thread start with a forged id", (long)Kernel.StartThread(0xDEAD0000BEEF, 0x400000, 0x500000, 0), SystemCallError.NoSuchThread);
            Check("thread start at a kernel address", StartAtKernelAddress(), SystemCallError.BadAddress);
            Check("task wait with a forged id", Kernel.WaitTask(0x7777000000FF, 0, out _), SystemCallError.NoSuchTask);
            Check("unknown system call number", SystemCall.Invoke((SystemCallNumber)999), SystemCallError.UnknownCall);
            Output.Line("badpointer: " + s_passed.ToString() + " of " + s_total.ToString() + " rejected as expected");
            return s_passed == s_total ? 0 : 1;
        }

        // The page of systest's text this code runs in (mapped, read and execute): a valid source for the map refusals.
        private static Flexpage TextPage()
        {
            delegate*<Flexpage> self = &TextPage;
            Flexpage.TryCreate((ulong)self & ~(UserLayout.PageSize - 1), Flexpage.MinimumSizeLog2, FlexpageRights.Read | FlexpageRights.Execute, out Flexpage page);
            return page;
        }

        // A live task other than this one (the first the kernel lists: sigma0 or the root task), which systest does not control.
        private static ulong OtherTaskId()
        {
            Kernel.ThreadSelf(out ulong self);
            TaskInformation information;
            for (long cursor = 0; (cursor = Kernel.QueryTask((ulong)cursor, &information)) > 0;)
            {
                if (information.TaskId != self && information.Ended == 0)
                {
                    return information.TaskId;
                }
            }
            return 0;
        }

        // A created thread told to start in the kernel half: refused, then cleaned up with the task.
        private static long StartAtKernelAddress()
        {
            long thread = Kernel.CreateThread(0, 100);
            if (thread < 0)
            {
                return thread;
            }
            return (long)Kernel.StartThread((ulong)thread, KernelAddress, UserLayout.StackTop - 4096, 0);
        }

        private static void Check(string what, long result, SystemCallError expected)
        {
            s_total++;
            bool passed = result == (long)expected;
            if (passed)
            {
                s_passed++;
            }
            Output.Line("badpointer: " + what + ": " + Kernel.DescribeError(result) + " (" + result.ToString() + ")" + (passed ? "" : " FAILED, expected " + Kernel.DescribeError((long)expected)));
        }
    }
}
