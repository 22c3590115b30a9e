using System;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// Sigma0's replies, written into the message registers (the request's words are no longer needed by then) and
    /// returned as the tag to answer with. A map item's flexpage names physical addresses: the kernel reads sigma0's
    /// items in its idempotent view. Nothing is allocated. Pure logic over a span: host-tested.
    /// </summary>
    internal static class Sigma0Replies
    {
        /// <summary>A reply with only a label: a status, or a page fault left unresolved.</summary>
        public static MessageTag LabelOnly(uint label)
        {
            MessageTag.TryCreate(label, 0, 0, MessageTagFlags.None, out MessageTag tag);
            return tag;
        }

        public static MessageTag Status(Sigma0Status status) => LabelOnly((uint)status);

        /// <summary>
        /// Success for an allocation or a device mapping: word 0 the block's physical base, then a map item of the block
        /// with hot spot 0, so the kernel places it at the base of the requester's receive window.
        /// </summary>
        public static MessageTag BlockGiven(Span<ulong> registers, PhysicalBlock block, FlexpageRights rights)
        {
            registers[0] = block.BaseAddress;
            return WithMapItem(registers, (uint)Sigma0Status.Success, 1, block, 0, rights);
        }

        /// <summary>
        /// A resolved page fault: no words, a map item of the frame whose hot spot is the faulting page, so the kernel
        /// (whose window for this reply is the whole user half) maps the frame there.
        /// </summary>
        public static MessageTag PageResolved(Span<ulong> registers, PhysicalBlock frame, ulong faultAddress, FlexpageRights rights)
            => WithMapItem(registers, PageFaultMessage.ResolvedLabel, 0, frame, faultAddress & FlexpageItem.HotSpotMask, rights);

        /// <summary>Statistics: words 0-3 total RAM frames, free frames, frames given, device blocks given.</summary>
        public static MessageTag Statistics(Span<ulong> registers, long totalFrames, long freeFrames, long givenFrames, int deviceBlocks)
        {
            registers[0] = (ulong)totalFrames;
            registers[1] = (ulong)freeFrames;
            registers[2] = (ulong)givenFrames;
            registers[3] = (ulong)deviceBlocks;
            MessageTag.TryCreate((uint)Sigma0Status.Success, 4, 0, MessageTagFlags.None, out MessageTag tag);
            return tag;
        }

        private static MessageTag WithMapItem(Span<ulong> registers, uint label, int untypedCount, PhysicalBlock block, ulong hotSpot, FlexpageRights rights)
        {
            // Both always succeed for a well-formed block and a hot spot below the user limit (the callers check the fault address).
            FlexpageItem.TryCreate(block.ToFlexpage(rights), hotSpot, false, out FlexpageItem item);
            registers[untypedCount] = item.FirstWord;
            registers[untypedCount + 1] = item.SecondWord;
            MessageTag.TryCreate(label, untypedCount, 1, MessageTagFlags.None, out MessageTag tag);
            return tag;
        }
    }
}
