using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// Requests on the memory port (Sigma0Protocol): AllocateAny, AllocatePhysical, Release, Statistics, and the page
    /// faults of the tasks sigma0 pages. Ownership is per badge (0: the root task). Each request is checked in full
    /// before the <see cref="FrameTable"/> changes; anything malformed or unknown gets BadRequest (a page fault that
    /// cannot be served gets UnresolvedLabel). Nothing is allocated: requests are read from the message registers and
    /// replies written over them.
    /// </summary>
    internal struct MemoryPortHandler : IMappingHandler
    {
        private readonly FrameTable _frames;
        private readonly DeviceGrants _devices;
        private PendingMapping _pending;

        public MemoryPortHandler(FrameTable frames, DeviceGrants devices)
        {
            _frames = frames;
            _devices = devices;
            _pending = default;
        }

        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
        {
            _pending = default;
            Message message = Message.Current;
            if (request.Label == PageFaultMessage.Label)
            {
                reply = PageFault(message, request, badge);
                return ServerAction.Reply;
            }
            Sigma0Status status;
            switch (request.Label)
            {
                case Sigma0Protocol.AllocateAny:
                    status = AllocateAny(message, request, badge, out reply);
                    break;
                case Sigma0Protocol.AllocatePhysical:
                    status = AllocatePhysical(message, request, badge, out reply);
                    break;
                case Sigma0Protocol.Release:
                    status = Release(message, request, badge, out reply);
                    break;
                case Sigma0Protocol.Statistics:
                    status = Statistics(message, request, out reply);
                    break;
                default:
                    status = Sigma0Status.BadRequest;
                    reply = default;
                    break;
            }
            if (status != Sigma0Status.Success)
            {
                reply = Sigma0Replies.Status(status);
            }
            return ServerAction.Reply;
        }

        // Nothing binds a notification to the memory port.
        public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;

        public PendingMapping TakePendingMapping()
        {
            PendingMapping pending = _pending;
            _pending = default;
            return pending;
        }

        public void CancelMapping(in PendingMapping mapping) => _frames.Free(mapping.Block);

        private Sigma0Status AllocateAny(Message message, MessageTag request, ulong badge, out MessageTag reply)
        {
            reply = default;
            if (request.UntypedCount != 1 || request.TypedCount != 0)
            {
                return Sigma0Status.BadRequest;
            }
            Sigma0Status status = _frames.AllocateAny(message.Word(0), badge, out PhysicalBlock block);
            if (status == Sigma0Status.Success)
            {
                reply = Give(message, block);
            }
            return status;
        }

        private Sigma0Status AllocatePhysical(Message message, MessageTag request, ulong badge, out MessageTag reply)
        {
            reply = default;
            if (request.UntypedCount != 2 || request.TypedCount != 0 || !PhysicalBlock.TryCreate(message.Word(0), message.Word(1), out PhysicalBlock block))
            {
                return Sigma0Status.BadRequest;
            }
            Sigma0Status status = _frames.AllocatePhysical(block, badge);
            if (status == Sigma0Status.Success)
            {
                reply = Give(message, block);
            }
            return status;
        }

        private Sigma0Status Release(Message message, MessageTag request, ulong badge, out MessageTag reply)
        {
            reply = default;
            if (request.UntypedCount != 2 || request.TypedCount != 0 || !PhysicalBlock.TryCreate(message.Word(0), message.Word(1), out PhysicalBlock block))
            {
                return Sigma0Status.BadRequest;
            }
            Sigma0Status status = _frames.CheckRelease(block, badge);
            if (status != Sigma0Status.Success)
            {
                return status;
            }
            // Every mapping derived from these frames goes, in every address space, before they can be given again.
            if (AddressSpace.Unmap(block.ToFlexpage(FlexpageRights.All), MemoryUnmapFlags.IncludeOwn) != SystemCallError.None)
            {
                return Sigma0Status.MapFailed;
            }
            _frames.Free(block);
            reply = Sigma0Replies.Status(Sigma0Status.Success);
            return Sigma0Status.Success;
        }

        private Sigma0Status Statistics(Message message, MessageTag request, out MessageTag reply)
        {
            reply = default;
            if (request.UntypedCount != 0 || request.TypedCount != 0)
            {
                return Sigma0Status.BadRequest;
            }
            reply = Sigma0Replies.Statistics(message.RegisterSpan, _frames.TotalFrames, _frames.FreeFrames, _frames.GivenFrames, _devices.Count);
            return Sigma0Status.Success;
        }

        // A page fault of a task sigma0 pages: one free frame at the faulting page, read and write, and execute when the
        // access needed it. A fault on a page that is mapped (a missing right) is not sigma0's to mend: a new frame would
        // replace the page's contents. Page 0 is never mapped, so null-pointer faults stay faults.
        private MessageTag PageFault(Message message, MessageTag request, ulong badge)
        {
            MessageTag unresolved = Sigma0Replies.LabelOnly(PageFaultMessage.UnresolvedLabel);
            if (request.UntypedCount != PageFaultMessage.WordCount || request.TypedCount != 0)
            {
                return unresolved;
            }
            ulong address = message.Word(PageFaultMessage.AddressWord);
            ulong access = message.Word(PageFaultMessage.AccessWord);
            if (address < PhysicalBlock.FrameSize || address >= MessageLimits.UserAddressLimit || (access & PageFaultMessage.PresentBit) != 0)
            {
                return unresolved;
            }
            if (_frames.AllocateAny(PhysicalBlock.FrameSizeLog2, badge, out PhysicalBlock frame) != Sigma0Status.Success)
            {
                return unresolved;
            }
            FlexpageRights rights = FlexpageRights.Read | FlexpageRights.Write;
            if ((access & (ulong)FlexpageRights.Execute) != 0)
            {
                rights |= FlexpageRights.Execute;
            }
            _pending = new PendingMapping(frame, -1, PageFaultMessage.UnresolvedLabel);
            return Sigma0Replies.PageResolved(message.RegisterSpan, frame, address, rights);
        }

        private MessageTag Give(Message message, PhysicalBlock block)
        {
            _pending = new PendingMapping(block, -1, (uint)Sigma0Status.MapFailed);
            return Sigma0Replies.BlockGiven(message.RegisterSpan, block, FlexpageRights.All);
        }
    }
}
