using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Loading;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Handles the loader service's requests (<see cref="LoaderProtocol"/>) on its thread: checks the message, starts the
    /// program with <see cref="ProgramStarter"/> under the creation lock, and answers with the task id and a Task
    /// capability (Control, Grant) moved from <see cref="LoaderService.ReplySlot"/>. What a request leaves in the root's
    /// table (the received pager capability, a Task capability whose move failed) is deleted before the next request.
    /// </summary>
    internal unsafe struct LoaderRequestHandler : IMessageHandler
    {
        private readonly byte* _runWord;

        public LoaderRequestHandler(byte* runWordBuffer)
        {
            _runWord = runWordBuffer;
        }

        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
        {
            Capabilities.Delete(LoaderService.ReplySlot);
            Message message = Message.Current;
            ulong task = 0;
            LoaderStatus status = request.Label == LoaderProtocol.Spawn ? Spawn(message, request, out task) : LoaderStatus.UnknownRequest;
            Capabilities.Delete(LoaderService.WindowSlot);
            if (status != LoaderStatus.Ok)
            {
                // Word 0 (the task id) was written by Spawn for a program that runs without its capability delivered.
                int words = status == LoaderStatus.TaskCapabilityNotDelivered ? 1 : 0;
                MessageTag.TryCreate((uint)status, words, 0, MessageTagFlags.None, out reply);
                return ServerAction.Reply;
            }
            MessageBuilder builder = message.Build((uint)LoaderStatus.Ok, 1);
            builder.SetWord(LoaderProtocol.TaskIdWord, task);
            builder.AddCapability(LoaderService.ReplySlot, move: true);
            builder.TryGetTag(out reply);
            return ServerAction.Reply;
        }

        public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;

        private LoaderStatus Spawn(Message message, MessageTag request, out ulong task)
        {
            task = 0;
            if (request.UntypedCount != LoaderProtocol.SpawnWordCount || request.TypedCount < 1 || request.TypedCount > 2)
            {
                return LoaderStatus.BadRequest;
            }
            int item = LoaderProtocol.SpawnWordCount;
            ulong stringWord = message.Word(item);
            ulong length = stringWord >> StringItem.LengthShift;
            if (TypedItem.KindOf(stringWord) != TypedItemKind.String || length == 0 || length > LoaderProtocol.MaximumRunWordLength)
            {
                return LoaderStatus.BadRequest;
            }
            uint pagerSlot = 0;
            if (request.TypedCount == 2)
            {
                if (TypedItem.KindOf(message.Word(item + 2)) != TypedItemKind.CapabilityTransfer || message.Word(item + 3) != LoaderService.WindowSlot)
                {
                    return LoaderStatus.BadRequest;
                }
                pagerSlot = LoaderService.WindowSlot;
            }
            ulong mappingLimit = message.Word(LoaderProtocol.MappingLimitWord);
            ulong pageTableLimit = message.Word(LoaderProtocol.PageTableLimitWord);
            string runWord = Kernel.DecodeAscii(_runWord, (int)length);

            ProgramLoader.AcquireCreation();
            // TaskCreate puts the root's Task capability for the new task into the lowest free slot, which nothing else
            // takes while the creation lock is held.
            uint taskSlot = LowestFreeSlot();
            task = ProgramStarter.Start(runWord, pagerSlot, mappingLimit, pageTableLimit, waited: false, out LoaderStatus status);
            if (task != 0 && (Capabilities.Information(taskSlot, out CapabilityInformation information) != SystemCallError.None
                || information.Kind != CapabilityKind.Task
                || Capabilities.Copy(taskSlot, LoaderService.ReplySlot, CapabilityRights.Control | CapabilityRights.Grant) < 0))
            {
                status = LoaderStatus.TaskCapabilityNotDelivered;
            }
            ProgramLoader.ReleaseCreation();
            if (status == LoaderStatus.TaskCapabilityNotDelivered)
            {
                message.SetWord(LoaderProtocol.TaskIdWord, task);
            }
            return status;
        }

        private static uint LowestFreeSlot()
        {
            for (uint slot = 1; slot < LoaderService.ReplySlot; slot++)
            {
                if (Capabilities.Information(slot, out _) == SystemCallError.EmptySlot)
                {
                    return slot;
                }
            }
            return 0;
        }
    }
}
