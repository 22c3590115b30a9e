using System.Runtime.InteropServices;
using Cosmos.Api;
using CosmosKernel.Console;
using CosmosKernel.Interrupts;
using CosmosKernel.Memory;
using CosmosKernel.Platform;
using CosmosKernel.Scheduling;

namespace CosmosKernel.Tasks
{
    /// <summary>
    /// Creating and ending tasks and threads, and everything they own: the address space, the UTCB pages,
    /// the kernel stack blocks and the memory mapped for them. A task ends when its last thread exits, when
    /// it exits as a whole, when a CPU exception ends it or when it is killed; its memory is freed once its
    /// last thread is off the CPU, and its exit code waits for a task-wait (or its parent's end).
    /// </summary>
    internal static unsafe class TaskLifecycle
    {
        public const byte HighestUserPriority = 254;

        /// <summary>Creates a task with an empty user half (plus the kernel information page) and its first thread, not started.</summary>
        public static SystemCallError CreateTask(TaskControlBlock* parent, byte* name, int nameLength, byte maximumPriority, byte threadPriority, out TaskControlBlock* task, out ThreadControlBlock* firstThread)
        {
            task = null;
            firstThread = null;
            if (maximumPriority == 0 || maximumPriority > HighestUserPriority || threadPriority == 0 || threadPriority > maximumPriority
                || (parent != null && maximumPriority > parent->MaximumPriority) || nameLength < 0)
            {
                return SystemCallError.InvalidArgument;
            }
            TaskControlBlock* created = TaskTable.Allocate();
            if (created == null)
            {
                return SystemCallError.LimitReached;
            }
            PageTableError error = PageTable.Create(ref KernelMemory.Frames, KernelMemory.Window, true, out created->Space);
            if (error != PageTableError.None)
            {
                TaskTable.Release(created);
                return SystemCallError.OutOfMemory;
            }
            created->Space.ShareKernelHalf(in KernelMemory.KernelSpace);
            created->Life = TaskLife.Alive;
            created->Parent = parent == null ? TaskId.None : parent->Id;
            created->MaximumPriority = maximumPriority;
            created->MappingLimit = parent == null ? Mappings.Unlimited : Mappings.DefaultMappingLimit;
            created->PageTableLimit = parent == null ? Mappings.Unlimited : Mappings.DefaultPageTableLimit;
            created->NameLength = nameLength > TaskControlBlock.NameCapacity ? TaskControlBlock.NameCapacity : nameLength;
            for (int i = 0; i < created->NameLength; i++)
            {
                byte character = name[i];
                created->Name[i] = character >= 32 && character < 127 ? character : (byte)'?';
            }
            error = created->Space.Map(new VirtualAddress(UserLayout.KernelInformationAddress), KernelInformationPage.Frame,
                PageFlags.User | PageFlags.NoExecute, ref KernelMemory.Frames);
            SystemCallError result = error == PageTableError.None ? CreateThread(created, threadPriority, out firstThread) : SystemCallError.OutOfMemory;
            if (result != SystemCallError.None)
            {
                created->Space.Release(ref KernelMemory.Frames, out _);
                TaskTable.Release(created);
                return result;
            }
            task = created;
            return SystemCallError.None;
        }

        /// <summary>Creates a thread in <paramref name="task"/>: control block and kernel stack, UTCB mapped in the task. It stays blocked until started.</summary>
        public static SystemCallError CreateThread(TaskControlBlock* task, byte priority, out ThreadControlBlock* thread)
        {
            thread = null;
            if (task->Life != TaskLife.Alive)
            {
                return SystemCallError.WrongState;
            }
            if (priority == 0 || priority > task->MaximumPriority)
            {
                return SystemCallError.InvalidArgument;
            }
            ThreadControlBlock* created = ThreadStack.Allocate();
            if (created == null)
            {
                return SystemCallError.OutOfMemory;
            }
            FrameResult utcbFrame = KernelMemory.Frames.AllocateFrame();
            if (!utcbFrame.Succeeded)
            {
                ThreadStack.Free(created);
                return SystemCallError.OutOfMemory;
            }
            ThreadId id = ThreadTable.Add(created);
            if (id.IsNone)
            {
                KernelMemory.Frames.FreeFrame(utcbFrame.Address);
                ThreadStack.Free(created);
                return SystemCallError.LimitReached;
            }
            created->Id = id;
            created->Task = task->Id;
            created->TaskSlot = task->Id.Slot;
            created->Priority = priority;
            created->State = ThreadState.Blocked;
            created->BlockReason = BlockReason.NotStarted;
            created->AddressSpaceRoot = task->Space.Root.Value;
            created->UtcbFrame = utcbFrame.Address;
            created->UtcbAddress = UserLayout.UtcbBase + (ulong)id.Slot * UserLayout.PageSize;

            Utcb* utcb = (Utcb*)KernelMemory.Window.ToPointer(utcbFrame.Address);
            NativeMemory.Clear(utcb, (nuint)UserLayout.PageSize);
            utcb->Self = created->UtcbAddress;
            utcb->ThreadId = id.Value;
            utcb->TaskId = task->Id.Value;
            PageTableError error = task->Space.Map(new VirtualAddress(created->UtcbAddress), utcbFrame.Address,
                PageFlags.User | PageFlags.Writable | PageFlags.NoExecute, ref KernelMemory.Frames);
            if (error != PageTableError.None)
            {
                ThreadTable.Remove(id);
                KernelMemory.Frames.FreeFrame(utcbFrame.Address);
                ThreadStack.Free(created);
                return SystemCallError.OutOfMemory;
            }

            created->PreviousInTask = -1;
            created->NextInTask = task->FirstThread;
            if (task->FirstThread >= 0)
            {
                ThreadTable.At(task->FirstThread)->PreviousInTask = id.Slot;
            }
            task->FirstThread = id.Slot;
            task->ThreadCount++;
            thread = created;
            return SystemCallError.None;
        }

        /// <summary>Starts a created thread in ring 3 at <paramref name="instructionPointer"/> with <paramref name="stackPointer"/> and rdi = <paramref name="argument"/>.</summary>
        public static SystemCallError StartThread(ThreadControlBlock* thread, ulong instructionPointer, ulong stackPointer, ulong argument, ulong entryTrampoline)
        {
            if (thread->State != ThreadState.Blocked || thread->BlockReason != BlockReason.NotStarted)
            {
                return SystemCallError.WrongState;
            }
            if (instructionPointer >= UserLayout.MappableEnd || stackPointer > UserLayout.MappableEnd)
            {
                return SystemCallError.BadAddress;
            }
            ThreadStack.PrepareUserEntry(thread, entryTrampoline, instructionPointer, stackPointer, argument);
            Scheduler.Wake(thread);
            return SystemCallError.None;
        }

        /// <summary>
        /// Maps <paramref name="length"/> bytes of new zeroed kernel frames at <paramref name="address"/> in <paramref name="task"/>,
        /// owned by it: how the kernel loads sigma0 and the root task (every other page comes from a pager). All or nothing:
        /// the range must be page-aligned, mappable and wholly unmapped.
        /// </summary>
        public static SystemCallError MapNewMemory(TaskControlBlock* task, ulong address, ulong length, PageFlags flags)
        {
            SystemCallError rangeError = CheckMappableRange(address, length);
            if (rangeError != SystemCallError.None)
            {
                return rangeError;
            }
            for (ulong offset = 0; offset < length; offset += UserLayout.PageSize)
            {
                if (task->Space.Translate(new VirtualAddress(address + offset)).IsMapped)
                {
                    return SystemCallError.AlreadyExists;
                }
            }
            for (ulong offset = 0; offset < length; offset += UserLayout.PageSize)
            {
                FrameResult frame = KernelMemory.Frames.AllocateFrame();
                PageTableError error = PageTableError.OutOfMemory;
                if (frame.Succeeded)
                {
                    NativeMemory.Clear(KernelMemory.Window.ToPointer(frame.Address), (nuint)UserLayout.PageSize);
                    error = task->Space.Map(new VirtualAddress(address + offset), frame.Address, flags | PageFlags.User | PageFlags.Owned, ref KernelMemory.Frames);
                    if (error != PageTableError.None)
                    {
                        KernelMemory.Frames.FreeFrame(frame.Address);
                    }
                }
                if (error != PageTableError.None)
                {
                    UnmapPages(task, address, offset);
                    return SystemCallError.OutOfMemory;
                }
                task->OwnedPages++;
            }
            return SystemCallError.None;
        }

        // A range MapNewMemory accepts: page-aligned, not empty, inside what a task may map.
        private static SystemCallError CheckMappableRange(ulong address, ulong length)
        {
            if ((address & (UserLayout.PageSize - 1)) != 0 || (length & (UserLayout.PageSize - 1)) != 0 || length == 0)
            {
                return SystemCallError.InvalidArgument;
            }
            return UserLayout.IsMappableRange(address, length) ? SystemCallError.None : SystemCallError.BadAddress;
        }

        /// <summary>Maps frames the task does not own (boot modules) read-only at <paramref name="address"/>.</summary>
        public static SystemCallError MapShared(TaskControlBlock* task, ulong address, PhysicalAddress first, ulong pageCount)
        {
            for (ulong page = 0; page < pageCount; page++)
            {
                PageTableError error = task->Space.Map(new VirtualAddress(address + page * UserLayout.PageSize), first.Add(page * UserLayout.PageSize),
                    PageFlags.User | PageFlags.NoExecute, ref KernelMemory.Frames);
                if (error != PageTableError.None)
                {
                    return error == PageTableError.OutOfMemory ? SystemCallError.OutOfMemory : SystemCallError.InvalidArgument;
                }
            }
            return SystemCallError.None;
        }

        /// <summary>Resumes every suspended thread of <paramref name="task"/>; returns how many were suspended.</summary>
        public static long ResumeThreads(TaskControlBlock* task)
        {
            task->SuspendingThread = ThreadId.None;
            long resumed = 0;
            int slot = task->FirstThread;
            while (slot >= 0)
            {
                ThreadControlBlock* thread = ThreadTable.At(slot);
                slot = thread->NextInTask;
                if (thread->Suspended)
                {
                    resumed++;
                    Scheduler.Resume(thread); // may switch to a higher-priority thread and come back
                }
            }
            return resumed;
        }

        /// <summary>The running thread exits; the last thread's exit ends its task with <paramref name="code"/>. Does not return.</summary>
        public static void ExitCurrentThread(long code)
        {
            ThreadControlBlock* current = Scheduler.Current;
            TaskControlBlock* task = TaskTable.At(current->TaskSlot);
            if (task->ThreadCount == 1)
            {
                EndTask(task, TaskEndReason.Exited, code);
            }
            if (task->SuspendingThread.Value == current->Id.Value)
            {
                ResumeThreads(task); // a thread that stopped the others and exits must not leave them stopped
            }
            Scheduler.ExitCurrent();
        }

        /// <summary>
        /// Ends <paramref name="task"/>: every thread is stopped and freed, then its memory. When the running thread
        /// belongs to it, this does not return (the thread is freed after the switch away).
        /// </summary>
        public static void EndTask(TaskControlBlock* task, TaskEndReason reason, long code)
        {
            if (task->Life != TaskLife.Alive)
            {
                return;
            }
            task->Life = TaskLife.Ending;
            task->EndReason = reason;
            task->ExitCode = code;
            ThreadControlBlock* current = Scheduler.Current;
            // IPC first: the task's threads leave every wait queue and their callers get PartnerGone; then its
            // capabilities go, destroying the ports and notifications only it could receive on.
            for (int ipcSlot = task->FirstThread; ipcSlot >= 0; ipcSlot = ThreadTable.At(ipcSlot)->NextInTask)
            {
                Ipc.IpcOperations.CancelForEndingThread(ThreadTable.At(ipcSlot));
            }
            Ipc.CapabilitySpace.DeleteAll(task);
            bool endsCurrent = false;
            int slot = task->FirstThread;
            while (slot >= 0)
            {
                ThreadControlBlock* thread = ThreadTable.At(slot);
                slot = thread->NextInTask;
                if (thread == current)
                {
                    endsCurrent = true;
                    continue;
                }
                Scheduler.Detach(thread);
                thread->State = ThreadState.Dead;
                ReapThread(thread);
            }
            if (endsCurrent)
            {
                Scheduler.ExitCurrent();
            }
        }

        /// <summary>Frees a dead thread that is not on the CPU: UTCB, kernel stack, slot. The task's last thread takes the task with it.</summary>
        public static void ReapThread(ThreadControlBlock* thread)
        {
            TaskControlBlock* task = TaskTable.At(thread->TaskSlot);
            if (thread->PreviousInTask >= 0)
            {
                ThreadTable.At(thread->PreviousInTask)->NextInTask = thread->NextInTask;
            }
            else
            {
                task->FirstThread = thread->NextInTask;
            }
            if (thread->NextInTask >= 0)
            {
                ThreadTable.At(thread->NextInTask)->PreviousInTask = thread->PreviousInTask;
            }
            task->ThreadCount--;
            task->CpuCyclesOfEndedThreads += thread->CpuCycles;
            Ipc.IpcOperations.CancelForEndingThread(thread);

            if (task->Space.Unmap(new VirtualAddress(thread->UtcbAddress), out _) == PageTableError.None && Scheduler.IsLoaded(task->Space.Root.Value))
            {
                Native.InvalidatePage(thread->UtcbAddress);
            }
            KernelMemory.Frames.FreeFrame(thread->UtcbFrame);
            Scheduler.CheckStack(thread);
            ThreadTable.Remove(thread->Id);
            ThreadStack.Free(thread);

            if (task->ThreadCount == 0)
            {
                if (task->Life == TaskLife.Alive)
                {
                    task->Life = TaskLife.Ending;
                    task->EndReason = TaskEndReason.Exited;
                }
                FinishTask(task);
            }
        }

        /// <summary>
        /// Waits until <paramref name="target"/> has ended (at most <paramref name="timeoutNanoseconds"/>; 0 polls,
        /// ulong.MaxValue waits forever) and takes its exit code. Returns the code, or a negative error with reason None.
        /// </summary>
        public static long Wait(TaskControlBlock* target, ulong timeoutNanoseconds, out TaskEndReason reason)
        {
            reason = TaskEndReason.None;
            if (target->Life == TaskLife.Ended)
            {
                reason = target->EndReason;
                long code = target->ExitCode;
                TaskTable.Release(target);
                return code;
            }
            if (timeoutNanoseconds == 0)
            {
                return (long)SystemCallError.TimedOut;
            }
            ThreadControlBlock* current = Scheduler.Current;
            current->WaitTarget = target->Id;
            current->WakeSecondResult = 0;
            Scheduler.Block(BlockReason.WaitingForTask, Time.Clock.DeadlineAfter(timeoutNanoseconds));
            current->WaitTarget = TaskId.None;
            reason = (TaskEndReason)current->WakeSecondResult;
            return current->WakeResult;
        }

        // The last thread is gone: free the address space, settle children, hand the exit code to waiters.
        private static void FinishTask(TaskControlBlock* task)
        {
            Scheduler.LeaveAddressSpace(task->Space.Root.Value);
            IoPortPermissions.Release(task); // its I/O ports are denied again
            Mappings.RemoveAll(task); // with everything derived from its pages, in every address space
            task->Pager = Capabilities.Capability.Empty;
            ulong tablePages = task->Space.TableCount;
            task->Space.Release(ref KernelMemory.Frames, out ulong ownedFreed);
            task->Life = TaskLife.Ended;
            KernelLog.Info("task").Text("task ").Identifier(task->Id.Slot, task->Id.Version).Text(" \"")
                .Ascii(task->Name, task->NameLength).Text("\" ended (").Text(DescribeEnd(task->EndReason)).Text(", code ").Decimal(task->ExitCode).Text("): ")
                .Decimal(ownedFreed).Text(" pages and ").Decimal(tablePages).Text(" page tables freed").End();

            for (int slot = 0; slot < TaskTable.Capacity; slot++)
            {
                TaskControlBlock* child = TaskTable.At(slot);
                if (child->Life != TaskLife.Free && child->Parent == task->Id)
                {
                    if (child->Life == TaskLife.Ended)
                    {
                        TaskTable.Release(child);
                    }
                    else
                    {
                        child->Parent = TaskTable.Root == task->Id ? TaskId.None : TaskTable.Root;
                    }
                }
            }

            bool waited = false;
            for (int slot = 0; slot < ThreadTable.Capacity; slot++)
            {
                ThreadControlBlock* waiter = ThreadTable.At(slot);
                if (waiter != null && waiter->State == ThreadState.Blocked && waiter->BlockReason == BlockReason.WaitingForTask && waiter->WaitTarget == task->Id)
                {
                    waiter->WakeResult = task->ExitCode;
                    waiter->WakeSecondResult = (ulong)task->EndReason;
                    Scheduler.Wake(waiter);
                    waited = true;
                }
            }
            if (task->Id == TaskTable.Root)
            {
                KernelLog.Warn("task", "the root task ended: no new tasks can be started");
            }
            if (waited || TaskTable.Find(task->Parent) == null)
            {
                TaskTable.Release(task);
            }
        }

        // Unmaps and frees the first `length` bytes mapped by a failed MapNewMemory (a page-table entry's Owned bit decides).
        private static void UnmapPages(TaskControlBlock* task, ulong address, ulong length)
        {
            bool loaded = Scheduler.IsLoaded(task->Space.Root.Value);
            for (ulong offset = 0; offset < length; offset += UserLayout.PageSize)
            {
                VirtualAddress page = new VirtualAddress(address + offset);
                PageTranslation translation = task->Space.Translate(page);
                if (!translation.IsMapped || task->Space.Unmap(page, out PhysicalAddress frame) != PageTableError.None)
                {
                    continue;
                }
                if ((translation.Flags & PageFlags.Owned) != 0)
                {
                    KernelMemory.Frames.FreeFrame(frame);
                    task->OwnedPages--;
                }
                if (loaded)
                {
                    Native.InvalidatePage(address + offset);
                }
            }
        }

        public static string DescribeEnd(TaskEndReason reason)
        {
            switch (reason)
            {
                case TaskEndReason.Exited: return "exited";
                case TaskEndReason.Faulted: return "fault";
                case TaskEndReason.Killed: return "killed";
                default: return "running";
            }
        }
    }
}
