namespace Cosmos.Api
{
    /// <summary>
    /// Typed, allocation-free wrappers over the kernel's system calls for ring-3 programs (docs/ARCHITECTURE.md
    /// lists the ABI). Calls that can fail return a <see cref="SystemCallError"/> (negative) or their value.
    /// Task and thread ids are the kernel's 64-bit values; 0 as a task id means the caller's own task.
    /// </summary>
    public static unsafe class Kernel
    {
        /// <summary>TaskWait timeout that waits until the task ends.</summary>
        public const ulong WaitForever = ulong.MaxValue;

        public static SystemCallError AsError(long result) => result < 0 ? (SystemCallError)result : SystemCallError.None;

        /// <summary>The system call that does nothing (for measuring the boundary).</summary>
        public static long Null() => SystemCall.Invoke(SystemCallNumber.Null);

        /// <summary>Writes ASCII bytes to the kernel's debug console (the serial port). Returns the count or an error.</summary>
        public static long DebugWrite(byte* text, long length) => SystemCall.Invoke(SystemCallNumber.DebugWrite, (long)text, length);

        /// <summary>Writes a string to the debug console (characters above 127 become '?').</summary>
        public static SystemCallError DebugWrite(string text)
        {
            if (text == null)
            {
                return SystemCallError.None;
            }
            byte* buffer = stackalloc byte[256];
            int offset = 0;
            while (offset < text.Length)
            {
                int count = text.Length - offset < 256 ? text.Length - offset : 256;
                for (int i = 0; i < count; i++)
                {
                    char character = text[offset + i];
                    buffer[i] = character < 128 ? (byte)character : (byte)'?';
                }
                SystemCallError error = AsError(DebugWrite(buffer, count));
                if (error != SystemCallError.None)
                {
                    return error;
                }
                offset += count;
            }
            return SystemCallError.None;
        }

        public static void Yield() => SystemCall.Invoke(SystemCallNumber.Yield);

        /// <summary>Blocks for at least <paramref name="nanoseconds"/> (to the next timer tick after the deadline).</summary>
        public static SystemCallError Sleep(ulong nanoseconds) => AsError(SystemCall.Invoke(SystemCallNumber.Sleep, (long)nanoseconds));

        /// <summary>Nanoseconds since boot (monotonic).</summary>
        public static ulong Uptime() => (ulong)SystemCall.Invoke(SystemCallNumber.Uptime);

        public static void ExitThread(long code) => SystemCall.Invoke(SystemCallNumber.ThreadExit, code);

        public static void ExitTask(long code) => SystemCall.Invoke(SystemCallNumber.TaskExit, code);

        /// <summary>The caller's thread id; <paramref name="taskId"/> gets its task's id.</summary>
        public static ulong ThreadSelf(out ulong taskId)
        {
            ulong task;
            long thread = SystemCall.InvokeWithSecondResult(SystemCallNumber.ThreadSelf, 0, 0, 0, 0, &task);
            taskId = task;
            return (ulong)thread;
        }

        /// <summary>Creates a thread (not yet running) in a task the caller controls. Returns its id or an error.</summary>
        public static long CreateThread(ulong taskId, byte priority) => SystemCall.Invoke(SystemCallNumber.ThreadCreate, (long)taskId, priority);

        /// <summary>Starts a created thread at <paramref name="entry"/> with <paramref name="stackTop"/>; it receives <paramref name="argument"/> in rdi and its UTCB address in rsi.</summary>
        public static SystemCallError StartThread(ulong threadId, ulong entry, ulong stackTop, ulong argument)
            => AsError(SystemCall.Invoke(SystemCallNumber.ThreadStart, (long)threadId, (long)entry, (long)stackTop, (long)argument));

        /// <summary>
        /// The initial stack pointer for a thread whose stack is the array <paramref name="stack"/> (the heap never moves
        /// objects; keep the array reachable while the thread runs): as if its entry had been called, so rsp + 8 is
        /// 16-byte aligned.
        /// </summary>
        public static ulong StackTopOf(byte[] stack)
        {
            fixed (byte* bottom = stack)
            {
                return (((ulong)bottom + (ulong)stack.Length) & ~15UL) - 8;
            }
        }

        /// <summary>
        /// Creates a task (empty address space plus the kernel information page) with one thread, not started, whose
        /// pager is <paramref name="pagerThreadId"/> (0: none); <paramref name="flags"/> are TaskCreateFlags. Needs a Task capability
        /// naming the caller (PermissionDenied otherwise). Returns the task id or an error.
        /// </summary>
        public static long CreateTask(byte* name, int nameLength, byte maximumPriority, byte threadPriority, out ulong firstThreadId, ulong pagerThreadId = 0, ulong flags = 0)
        {
            ulong thread = 0;
            long task = SystemCall.InvokeWithSecondResult6(SystemCallNumber.TaskCreate, (long)name, nameLength, maximumPriority, threadPriority, (long)pagerThreadId, (long)flags, &thread);
            firstThreadId = thread;
            return task;
        }

        /// <summary>Copies the caller's bytes into memory the target task owns.</summary>
        public static SystemCallError WriteMemory(ulong taskId, ulong destination, void* source, ulong length)
            => AsError(SystemCall.Invoke(SystemCallNumber.MemoryWrite, (long)taskId, (long)destination, (long)source, (long)length));

        public static SystemCallError KillTask(ulong taskId) => AsError(SystemCall.Invoke(SystemCallNumber.TaskKill, (long)taskId));

        /// <summary>Waits for a task to end and takes its exit code (or an error, then <paramref name="reason"/> is None).</summary>
        public static long WaitTask(ulong taskId, ulong timeoutNanoseconds, out TaskEndReason reason)
        {
            ulong second = 0;
            long code = SystemCall.InvokeWithSecondResult(SystemCallNumber.TaskWait, (long)taskId, (long)timeoutNanoseconds, 0, 0, &second);
            reason = (TaskEndReason)second;
            return code;
        }

        /// <summary>Free physical frames; <paramref name="managedFrames"/> gets how many the kernel manages.</summary>
        public static ulong FreeFrames(out ulong managedFrames)
        {
            ulong managed;
            long free = SystemCall.InvokeWithSecondResult(SystemCallNumber.MemoryInformation, 0, 0, 0, 0, &managed);
            managedFrames = managed;
            return (ulong)free;
        }

        /// <summary>
        /// Stops every other thread of the calling task until <see cref="ResumeOtherThreads"/> and describes all the task's
        /// threads (the caller's own record included) in <paramref name="threads"/>. Returns the number of records, or
        /// LimitReached (nothing stopped) when more than <paramref name="capacity"/> threads exist.
        /// </summary>
        public static long SuspendOtherThreads(SuspendedThread* threads, int capacity)
            => SystemCall.Invoke(SystemCallNumber.ThreadsSuspend, (long)threads, capacity);

        /// <summary>Lets the threads stopped by <see cref="SuspendOtherThreads"/> run again; returns how many were stopped.</summary>
        public static long ResumeOtherThreads() => SystemCall.Invoke(SystemCallNumber.ThreadsResume);

        /// <summary>
        /// Installs the calling task's fault handler (0 removes it) and returns the previous one. A thread that faults in
        /// ring 3 continues at <paramref name="entry"/> with rdi = the address of its UTCB's <see cref="FaultRecord"/>, rsp
        /// 128 bytes (the red zone) below the faulting rsp aligned as after a call, and every other register as it was.
        /// </summary>
        public static ulong SetFaultHandler(ulong entry) => (ulong)SystemCall.Invoke(SystemCallNumber.TaskSetFaultHandler, (long)entry);

        /// <summary>Bytes in use in the kernel's own heap; <paramref name="allocations"/> gets its count of allocations ever made.</summary>
        /// <summary>SystemPower(root task, 1 power off / 2 reset): needs control over the root task; returns only on failure.</summary>
        public static SystemCallError SetSystemPower(ulong rootTaskId, ulong action) => AsError(SystemCall.Invoke(SystemCallNumber.SystemPower, (long)rootTaskId, (long)action));

        public static ulong KernelHeapBytes(out ulong allocations)
        {
            ulong count;
            long bytes = SystemCall.InvokeWithSecondResult(SystemCallNumber.KernelHeapInformation, 0, 0, 0, 0, &count);
            allocations = count;
            return (ulong)bytes;
        }

        /// <summary>Fills <paramref name="information"/> for the first thread at or after <paramref name="cursor"/>; returns the next cursor or NoSuchThread at the end.</summary>
        public static long QueryThread(ulong cursor, ThreadInformation* information) => SystemCall.Invoke(SystemCallNumber.ThreadInformation, (long)cursor, (long)information);

        /// <summary>As <see cref="QueryThread"/> for tasks.</summary>
        public static long QueryTask(ulong cursor, TaskInformation* information) => SystemCall.Invoke(SystemCallNumber.TaskInformation, (long)cursor, (long)information);

        /// <summary>The kernel information page (read-only).</summary>
        public static KernelInformation* Information => (KernelInformation*)SystemCall.Invoke(SystemCallNumber.KernelInformationPage);

        /// <summary>The running thread's UTCB.</summary>
        public static Utcb* CurrentUtcb => (Utcb*)SystemCall.ReadThreadPointer();

        /// <summary>A thread or task id as the kernel prints it: "slot.version".</summary>
        public static string FormatId(ulong id) => (id & 0xFFFF).ToString() + "." + (id >> 16).ToString();

        /// <summary>
        /// A string from ASCII bytes the kernel or a loader wrote (task names, the CPU vendor, the command line): at
        /// most <paramref name="maximumLength"/> bytes, ending early at a NUL; bytes above 127 become '?'.
        /// </summary>
        public static string DecodeAscii(byte* text, int maximumLength)
        {
            int length = 0;
            while (length < maximumLength && text[length] != 0)
            {
                length++;
            }
            char* characters = stackalloc char[length == 0 ? 1 : length];
            for (int i = 0; i < length; i++)
            {
                characters[i] = text[i] < 128 ? (char)text[i] : '?';
            }
            return new string(characters, 0, length);
        }

        /// <summary>A short name for an error code, for messages.</summary>
        public static string DescribeError(long result)
        {
            switch ((SystemCallError)result)
            {
                case SystemCallError.None: return "ok";
                case SystemCallError.UnknownCall: return "unknown call";
                case SystemCallError.BadAddress: return "bad address";
                case SystemCallError.InvalidArgument: return "invalid argument";
                case SystemCallError.OutOfMemory: return "out of memory";
                case SystemCallError.NoSuchThread: return "no such thread";
                case SystemCallError.NoSuchTask: return "no such task";
                case SystemCallError.PermissionDenied: return "permission denied";
                case SystemCallError.LimitReached: return "limit reached";
                case SystemCallError.AlreadyExists: return "already exists";
                case SystemCallError.WrongState: return "wrong state";
                case SystemCallError.TimedOut: return "timed out";
                case SystemCallError.InvalidSlot: return "invalid slot";
                case SystemCallError.EmptySlot: return "empty slot";
                case SystemCallError.WrongKind: return "wrong kind";
                case SystemCallError.InsufficientRights: return "insufficient rights";
                case SystemCallError.StaleCapability: return "stale capability";
                case SystemCallError.RightsExceedSource: return "rights exceed source";
                case SystemCallError.NotBadgeable: return "not badgeable";
                case SystemCallError.NotCopyable: return "not copyable";
                case SystemCallError.NotRevocable: return "not revocable";
                case SystemCallError.MalformedMessage: return "malformed message";
                case SystemCallError.PartnerGone: return "partner gone";
                case SystemCallError.TransferFailed: return "transfer failed";
                case SystemCallError.NotSupported: return "not supported";
                case SystemCallError.NoCaller: return "no caller";
                case SystemCallError.QuotaExceeded: return "memory quota exceeded";
                default: return result >= 0 ? "ok" : "unknown error";
            }
        }
    }
}
