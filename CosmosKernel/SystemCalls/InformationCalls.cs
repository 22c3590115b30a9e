using System.Runtime.InteropServices;
using Cosmos.Api;
using CosmosKernel.Console;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;
using CosmosKernel.Time;

namespace CosmosKernel.SystemCalls
{
    /// <summary>The debug console and the thread/task listings (for `ps`).</summary>
    internal static unsafe class InformationCalls
    {
        /// <summary>The most one DebugWrite takes.</summary>
        public const ulong MaximumDebugWrite = 64 * 1024;
        private const int ChunkSize = 256;

        /// <summary>DebugWrite(text, length) -> length; needs the DebugConsole capability in well-known slot 2. Bytes go to the serial console; control bytes other than tab and newline show as '?'.</summary>
        public static long DebugWrite(ulong address, ulong length)
        {
            if (length > MaximumDebugWrite)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            SystemCallError error = Ipc.CapabilitySpace.Lookup(task, Cosmos.Api.Ipc.WellKnownSlots.DebugConsole, Cosmos.Api.Ipc.CapabilityKind.DebugConsole,
                Cosmos.Api.Ipc.CapabilityRights.Send, out _);
            if (error == SystemCallError.None)
            {
                error = UserMemory.Check(in task->Space, address, length, UserMemory.Access.Read);
            }
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            byte* chunk = stackalloc byte[ChunkSize];
            ulong written = 0;
            while (written < length)
            {
                ulong count = length - written < ChunkSize ? length - written : ChunkSize;
                UserMemory.CopyFrom(in task->Space, address + written, chunk, count);
                for (ulong i = 0; i < count; i++)
                {
                    byte value = chunk[i];
                    SerialPort.WriteByte((value >= 32 && value < 127) || value == (byte)'\n' || value == (byte)'\t' ? value : (byte)'?');
                }
                written += count;
            }
            return (long)length;
        }

        /// <summary>ThreadInformation(cursor, buffer) -> next cursor: fills the buffer for the first thread in a slot at or after the cursor; NoSuchThread past the last.</summary>
        public static long Thread(ulong cursor, ulong buffer)
        {
            TaskControlBlock* caller = SystemCallDispatcher.CurrentTask;
            for (ulong slot = cursor; slot < ThreadTable.Capacity; slot++)
            {
                ThreadControlBlock* thread = ThreadTable.At((int)slot);
                if (thread == null || thread->State == ThreadState.Dead)
                {
                    continue;
                }
                ThreadInformation information;
                NativeMemory.Clear(&information, (nuint)sizeof(ThreadInformation));
                information.ThreadId = thread->Id.Value;
                information.TaskId = thread->Task.Value;
                information.State = thread->State;
                information.BlockReason = thread->BlockReason;
                information.Priority = thread->Priority;
                information.CpuTimeNanoseconds = Clock.CyclesToNanoseconds(Scheduler.CpuCyclesOf(thread));
                information.UtcbAddress = thread->UtcbAddress;
                information.PagerThreadId = thread->Pager.Value;
                SystemCallError error = UserMemory.CopyTo(in caller->Space, buffer, (byte*)&information, (ulong)sizeof(ThreadInformation), UserMemory.Access.Write);
                return error != SystemCallError.None ? (long)error : (long)(slot + 1);
            }
            return (long)SystemCallError.NoSuchThread;
        }

        /// <summary>TaskInformation(cursor, buffer) -> next cursor, as <see cref="Thread"/> for tasks (ended ones included until their exit code is taken).</summary>
        public static long Task(ulong cursor, ulong buffer)
        {
            TaskControlBlock* caller = SystemCallDispatcher.CurrentTask;
            for (ulong slot = cursor; slot < TaskTable.Capacity; slot++)
            {
                TaskControlBlock* task = TaskTable.At((int)slot);
                if (task->Life == TaskLife.Free)
                {
                    continue;
                }
                TaskInformation information;
                NativeMemory.Clear(&information, (nuint)sizeof(TaskInformation));
                information.TaskId = task->Id.Value;
                information.ParentTaskId = task->Parent.Value;
                information.ThreadCount = task->ThreadCount;
                information.MaximumPriority = task->MaximumPriority;
                information.Ended = task->Life == TaskLife.Ended ? (byte)1 : (byte)0;
                information.NameLength = (short)task->NameLength;
                information.ResidentPages = task->OwnedPages + task->MappingsUsed;
                information.PageTablePages = task->Space.TableCount;
                information.ExitCode = task->ExitCode;
                information.EndReason = task->EndReason;
                ulong cycles = task->CpuCyclesOfEndedThreads;
                for (int threadSlot = task->FirstThread; threadSlot >= 0; threadSlot = ThreadTable.At(threadSlot)->NextInTask)
                {
                    cycles += Scheduler.CpuCyclesOf(ThreadTable.At(threadSlot));
                }
                information.CpuTimeNanoseconds = Clock.CyclesToNanoseconds(cycles);
                for (int i = 0; i < task->NameLength; i++)
                {
                    information.Name[i] = task->Name[i];
                }
                SystemCallError error = UserMemory.CopyTo(in caller->Space, buffer, (byte*)&information, (ulong)sizeof(TaskInformation), UserMemory.Access.Write);
                return error != SystemCallError.None ? (long)error : (long)(slot + 1);
            }
            return (long)SystemCallError.NoSuchTask;
        }
    }
}
