using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Api.Loading
{
    /// <summary>
    /// The loader service's client (<see cref="LoaderProtocol"/>): finds "loader" at the name broker and asks it to start a
    /// program. Allocation-free; every outcome is a <see cref="LoaderStatus"/>.
    /// </summary>
    public static unsafe class Loader
    {
        /// <summary>
        /// Starts the program <paramref name="runWord"/> names ("NAME[:ARGUMENT...][+SUFFIX...]", as after "run=" on the
        /// kernel command line). <paramref name="pagerSlot"/>: a port send right (with Grant) of the caller that becomes the
        /// program's pager, 0 for the root task's region pager. A limit of 0 keeps the kernel's default quota. On Ok the
        /// program runs, <paramref name="taskId"/> names it and a Task capability (Control, Grant) naming it is in
        /// <paramref name="taskCapabilitySlot"/>, which must be a free slot of the caller's table. The loader's send right is
        /// looked up into the lowest other free slot for the call and deleted afterwards.
        /// </summary>
        public static LoaderStatus Spawn(string runWord, uint pagerSlot, ulong mappingLimit, ulong pageTableLimit, uint taskCapabilitySlot, out ulong taskId)
        {
            taskId = 0;
            if (runWord == null || runWord.Length == 0 || runWord.Length > LoaderProtocol.MaximumRunWordLength)
            {
                return LoaderStatus.BadRequest;
            }
            uint loaderSlot = LowestFreeSlotExcept(taskCapabilitySlot);
            if (loaderSlot == 0 || NameBroker.Lookup(LoaderProtocol.ServiceName, loaderSlot) != NameBrokerStatus.Ok)
            {
                return LoaderStatus.LoaderUnreachable;
            }
            LoaderStatus status = Call(loaderSlot, runWord, pagerSlot, mappingLimit, pageTableLimit, taskCapabilitySlot, out taskId);
            Capabilities.Delete(loaderSlot);
            return status;
        }

        /// <summary>A status in words, for reports (the text is a literal: nothing is allocated).</summary>
        public static string Describe(LoaderStatus status) => status switch
        {
            LoaderStatus.Ok => "ok",
            LoaderStatus.NoSuchProgram => "no such program",
            LoaderStatus.BadRequest => "bad request",
            LoaderStatus.LoadFailed => "load failed",
            LoaderStatus.CapabilityFailed => "a capability could not be given",
            LoaderStatus.Refused => "refused",
            LoaderStatus.TooManyPrograms => "too many programs",
            LoaderStatus.TaskCapabilityNotDelivered => "task capability not delivered",
            LoaderStatus.UnknownRequest => "unknown request",
            LoaderStatus.LoaderUnreachable => "loader unreachable",
            _ => "unknown status",
        };

        private static LoaderStatus Call(uint loader, string runWord, uint pagerSlot, ulong mappingLimit, ulong pageTableLimit, uint taskCapabilitySlot, out ulong taskId)
        {
            taskId = 0;
            byte* text = stackalloc byte[runWord.Length];
            for (int i = 0; i < runWord.Length; i++)
            {
                text[i] = runWord[i] < 128 ? (byte)runWord[i] : (byte)'?';
            }
            Message message = Message.Current;
            MessageBuilder builder = message.Build(LoaderProtocol.Spawn, LoaderProtocol.SpawnWordCount);
            builder.SetWord(LoaderProtocol.MappingLimitWord, mappingLimit);
            builder.SetWord(LoaderProtocol.PageTableLimitWord, pageTableLimit);
            builder.AddString((ulong)text, (ulong)runWord.Length);
            if (pagerSlot != 0)
            {
                builder.AddCapability(pagerSlot, move: false);
            }
            if (builder.TryGetTag(out MessageTag tag) != MessageError.None)
            {
                return LoaderStatus.BadRequest;
            }
            Utcb* utcb = Kernel.CurrentUtcb;
            ulong savedWindow = utcb->CapabilityReceiveWindow;
            if (ReceiveDeclarations.SetCapabilityReceiveWindow(taskCapabilitySlot, 1) != MessageError.None)
            {
                return LoaderStatus.BadRequest;
            }
            IpcResult result = Ipc.Ipc.Call(loader, tag);
            utcb->CapabilityReceiveWindow = savedWindow;
            if (!result.IsMessage)
            {
                return LoaderStatus.LoaderUnreachable;
            }
            MessageTag reply = message.ReceivedTag;
            LoaderStatus status = (LoaderStatus)reply.Label;
            if (status == LoaderStatus.Ok)
            {
                // A loader that answers Ok passes the task id and exactly one capability, into the window.
                if (reply.UntypedCount != 1 || reply.TypedCount != 1 || message.Word(2) != taskCapabilitySlot)
                {
                    return LoaderStatus.LoaderUnreachable;
                }
                taskId = message.Word(LoaderProtocol.TaskIdWord);
            }
            else if (status == LoaderStatus.TaskCapabilityNotDelivered && reply.UntypedCount == 1)
            {
                taskId = message.Word(LoaderProtocol.TaskIdWord);
            }
            return status;
        }

        private static uint LowestFreeSlotExcept(uint excluded)
        {
            for (uint slot = 1; slot < 256; slot++)
            {
                if (slot != excluded && Capabilities.Information(slot, out _) == SystemCallError.EmptySlot)
                {
                    return slot;
                }
            }
            return 0;
        }
    }
}
