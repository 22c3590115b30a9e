using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Api
{
    /// <summary>The raw system-call instruction and the few other instructions programs need (Native/system_call.asm). Typed wrappers live in <see cref="Kernel"/>.</summary>
    public static unsafe class SystemCall
    {
        [RuntimeImport("libc_system_call")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long Invoke(SystemCallNumber number, long argument1 = 0, long argument2 = 0, long argument3 = 0, long argument4 = 0, long argument5 = 0);

        [RuntimeImport("libc_system_call2")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long InvokeWithSecondResult(SystemCallNumber number, long argument1, long argument2, long argument3, long argument4, ulong* secondResult);

        [RuntimeImport("libc_system_call2_5")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long InvokeWithSecondResult5(SystemCallNumber number, long argument1, long argument2, long argument3, long argument4, long argument5, ulong* secondResult);

        [RuntimeImport("libc_system_call2_6")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long InvokeWithSecondResult6(SystemCallNumber number, long argument1, long argument2, long argument3, long argument4, long argument5, long argument6, ulong* secondResult);

        /// <summary>
        /// One of the message-passing calls (IpcSend, IpcReceive, IpcCall, IpcReply, IpcReplyWait, NotificationWait) through
        /// Native/ipc.asm: message registers 0-3 travel between the UTCB and r10, r8, r9, r15, and the received tag and
        /// badge (rsi, rdi after the call) are stored in <see cref="Utcb.ReceivedTag"/> and <see cref="Utcb.ReceivedBadge"/>.
        /// Returns rax: an <see cref="Ipc.IpcStatus"/> or a negative <see cref="SystemCallError"/>.
        /// </summary>
        [RuntimeImport("libc_ipc")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long InvokeIpc(SystemCallNumber number, ulong slot, ulong tag, ulong timeout);

        /// <summary>fs:[0]: the running thread's UTCB address.</summary>
        [RuntimeImport("libc_read_thread_pointer")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadThreadPointer();

        [RuntimeImport("libc_read_timestamp_counter")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadTimestampCounter();
    }
}
