using System;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// Requests on the memory port (Sigma0Protocol): AllocateAny(size log2), AllocatePhysical(base, size log2),
    /// Release(base, size log2), Statistics(), and the page faults of the tasks sigma0 pages. Ownership is per badge (0:
    /// the root task). Each request is checked in full (label, word and item counts, size, alignment) before the
    /// <see cref="FrameTable"/> changes; anything malformed or unknown gets BadRequest, and a page fault sigma0 cannot
    /// serve gets UnresolvedLabel. Nothing is allocated. Only the memory port's thread uses it. Pure logic: host-tested.
    /// </summary>
    internal sealed class MemoryRequests : ISigma0Requests
    {
        private readonly FrameTable _frames;
        private readonly DeviceGrants _devices;
        private readonly IPhysicalUnmap _unmap;

        public MemoryRequests(FrameTable frames, DeviceGrants devices, IPhysicalUnmap unmap)
        {
            _frames = frames;
            _devices = devices;
            _unmap = unmap;
        }

        public MessageTag Handle(MessageTag request, ulong badge, Span<ulong> registers, out PendingMapping pending)
        {
            pending = default;
            if (request.Label == PageFaultMessage.Label)
            {
                return PageFault(request, badge, registers, out pending);
            }
            if (request.TypedCount != 0)
            {
                return Sigma0Replies.Status(Sigma0Status.BadRequest);
            }
            switch (request.Label)
            {
                case Sigma0Protocol.AllocateAny:
                    return AllocateAny(request, badge, registers, out pending);
                case Sigma0Protocol.AllocatePhysical:
                    return AllocatePhysical(request, badge, registers, out pending);
                case Sigma0Protocol.Release:
                    return Release(request, badge, registers);
                case Sigma0Protocol.Statistics:
                    return request.UntypedCount != 0
                        ? Sigma0Replies.Status(Sigma0Status.BadRequest)
                        : Sigma0Replies.Statistics(registers, _frames.TotalFrames, _frames.FreeFrames, _frames.GivenFrames, _devices.Count);
                default:
                    return Sigma0Replies.Status(Sigma0Status.BadRequest);
            }
        }

        public void CancelMapping(in PendingMapping mapping) => _frames.Free(mapping.Block);

        private MessageTag AllocateAny(MessageTag request, ulong badge, Span<ulong> registers, out PendingMapping pending)
        {
            pending = default;
            if (request.UntypedCount != 1)
            {
                return Sigma0Replies.Status(Sigma0Status.BadRequest);
            }
            Sigma0Status status = AllocateReclaiming(registers[0], badge, out PhysicalBlock block);
            return status != Sigma0Status.Success ? Sigma0Replies.Status(status) : Give(block, registers, out pending);
        }

        private MessageTag AllocatePhysical(MessageTag request, ulong badge, Span<ulong> registers, out PendingMapping pending)
        {
            pending = default;
            if (request.UntypedCount != 2 || !PhysicalBlock.TryCreate(registers[0], registers[1], out PhysicalBlock block))
            {
                return Sigma0Replies.Status(Sigma0Status.BadRequest);
            }
            Sigma0Status status = _frames.AllocatePhysical(block, badge);
            return status != Sigma0Status.Success ? Sigma0Replies.Status(status) : Give(block, registers, out pending);
        }

        // The frames become free only after every mapping of them is gone; if the kernel refuses the unmapping they stay
        // the requester's, and the answer is MapFailed (the kernel refused a mapping operation).
        private MessageTag Release(MessageTag request, ulong badge, Span<ulong> registers)
        {
            if (request.UntypedCount != 2 || !PhysicalBlock.TryCreate(registers[0], registers[1], out PhysicalBlock block))
            {
                return Sigma0Replies.Status(Sigma0Status.BadRequest);
            }
            Sigma0Status status = _frames.CheckRelease(block, badge);
            if (status != Sigma0Status.Success)
            {
                return Sigma0Replies.Status(status);
            }
            if (!_unmap.Unmap(block))
            {
                return Sigma0Replies.Status(Sigma0Status.MapFailed);
            }
            _frames.Free(block);
            return Sigma0Replies.Status(Sigma0Status.Success);
        }

        // One free frame at the faulting page, read and write, and execute when the access needed it. A fault on a page
        // that is mapped (a right missing) is not sigma0's to mend: a new frame would replace the page's contents. Page 0
        // is never mapped, so null-pointer faults stay faults.
        private MessageTag PageFault(MessageTag request, ulong badge, Span<ulong> registers, out PendingMapping pending)
        {
            pending = default;
            MessageTag unresolved = Sigma0Replies.LabelOnly(PageFaultMessage.UnresolvedLabel);
            if (request.UntypedCount != PageFaultMessage.WordCount || request.TypedCount != 0)
            {
                return unresolved;
            }
            ulong address = registers[PageFaultMessage.AddressWord];
            ulong access = registers[PageFaultMessage.AccessWord];
            if (address < PhysicalBlock.FrameSize || address >= MessageLimits.UserAddressLimit || (access & PageFaultMessage.PresentBit) != 0)
            {
                return unresolved;
            }
            if (AllocateReclaiming(PhysicalBlock.FrameSizeLog2, badge, out PhysicalBlock frame) != Sigma0Status.Success)
            {
                return unresolved;
            }
            FlexpageRights rights = FlexpageRights.Read | FlexpageRights.Write;
            if ((access & (ulong)FlexpageRights.Execute) != 0)
            {
                rights |= FlexpageRights.Execute;
            }
            pending = new PendingMapping(frame, -1, PageFaultMessage.UnresolvedLabel);
            return Sigma0Replies.PageResolved(registers, frame, address, rights);
        }

        // AllocateAny; when no block is free, frames nobody maps any more (given to tasks that ended) are taken back first.
        private Sigma0Status AllocateReclaiming(ulong sizeLog2, ulong badge, out PhysicalBlock block)
        {
            Sigma0Status status = _frames.AllocateAny(sizeLog2, badge, out block);
            if (status == Sigma0Status.NoMemory && _frames.ReclaimAbandoned(_unmap) != 0)
            {
                status = _frames.AllocateAny(sizeLog2, badge, out block);
            }
            return status;
        }

        private static MessageTag Give(PhysicalBlock block, Span<ulong> registers, out PendingMapping pending)
        {
            pending = new PendingMapping(block, -1, (uint)Sigma0Status.MapFailed);
            return Sigma0Replies.BlockGiven(registers, block, FlexpageRights.All);
        }
    }
}
