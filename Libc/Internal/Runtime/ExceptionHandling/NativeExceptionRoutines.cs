using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>The routines of Native/exception_dispatch.asm that managed code calls or compares against.</summary>
    public static unsafe class NativeExceptionRoutines
    {
        /// <summary>Calls a funclet with the frame's registers installed; returns its rax.</summary>
        [RuntimeImport("exception_call_funclet")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern ulong CallFunclet(object exception, ulong funclet, RegisterContext* frame, FuncletInvocation* invocation);

        /// <summary>Continues execution in the given state. Never returns.</summary>
        [RuntimeImport("exception_resume")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Resume(RegisterContext* context);

        /// <summary>Re-executes a faulting instruction with its registers (the kernel's report follows). Never returns.</summary>
        [RuntimeImport("exception_return_to_fault")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ReturnToFault(Cosmos.Api.UserRegisters* registers);

        /// <summary>Fills <paramref name="context"/> with the calling frame's registers at the return address.</summary>
        [RuntimeImport("exception_capture_caller")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void CaptureCaller(RegisterContext* context);

        [RuntimeImport("exception_funclet_return")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void FuncletReturnLabel();

        [RuntimeImport("exception_fault_entry")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void FaultEntryLabel();

        /// <summary>The return address inside exception_call_funclet: a frame returning there is a funclet's.</summary>
        public static ulong FuncletReturnAddress => (ulong)(delegate*<void>)&FuncletReturnLabel;

        /// <summary>Where the kernel is to continue a faulting thread (Kernel.SetFaultHandler).</summary>
        public static ulong FaultEntryAddress => (ulong)(delegate*<void>)&FaultEntryLabel;
    }
}
