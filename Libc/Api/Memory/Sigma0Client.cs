using Cosmos.Api.Ipc;

namespace Cosmos.Api.Memory
{
    /// <summary>
    /// Sigma0's client (<see cref="Sigma0Protocol"/>): each call is one IpcCall through a send right to one of sigma0's
    /// ports, named by its slot (the root task's are <see cref="WellKnownSlots.RootSigma0Memory"/> and
    /// <see cref="WellKnownSlots.RootSigma0Device"/>). A call that receives a block first declares the calling thread's
    /// memory receive window (Utcb.MemoryReceiveWindow) as a flexpage of the block's size at <c>windowBase</c>, where the
    /// block is then mapped, and sets the window back to 0 afterwards (none). Nothing here allocates.
    /// Every outcome is a <see cref="Sigma0Status"/>: sigma0's answer, BadRequest without a call when the arguments cannot
    /// form the window (window base not a multiple of the block's size or outside the user half, size out of range), or
    /// <see cref="Unreachable"/> when the IPC itself failed (no sigma0 behind the slot, a slot without Send) or the answer
    /// was not shaped like sigma0's.
    /// </summary>
    public static unsafe class Sigma0Client
    {
        /// <summary>Client side only, never in a reply: the IPC failed or the answer was not sigma0's.</summary>
        public const Sigma0Status Unreachable = (Sigma0Status)0x100;

        /// <summary>
        /// Asks for any free, naturally aligned block of 2^<paramref name="sizeLog2"/> bytes (12-22), mapped at
        /// <paramref name="windowBase"/>; <paramref name="physical"/> gets its physical base (0 unless Success).
        /// </summary>
        public static Sigma0Status AllocateAny(uint slot, int sizeLog2, ulong windowBase, out ulong physical)
        {
            Message message = Message.Current;
            message.SetWord(0, (ulong)sizeLog2);
            return Receive(slot, Sigma0Protocol.AllocateAny, 1, sizeLog2, windowBase, out physical);
        }

        /// <summary>Asks for the RAM block at <paramref name="physical"/> of 2^<paramref name="sizeLog2"/> bytes, mapped at <paramref name="windowBase"/>.</summary>
        public static Sigma0Status AllocatePhysical(uint slot, ulong physical, int sizeLog2, ulong windowBase)
        {
            Message message = Message.Current;
            message.SetWord(0, physical);
            message.SetWord(1, (ulong)sizeLog2);
            return Receive(slot, Sigma0Protocol.AllocatePhysical, 2, sizeLog2, windowBase, out _);
        }

        /// <summary>
        /// Maps the device block (memory that is not RAM) at <paramref name="physical"/> of 2^<paramref name="sizeLog2"/>
        /// bytes at <paramref name="windowBase"/>, read and write, uncached; through a device-port right whose badge allows it.
        /// </summary>
        public static Sigma0Status MapDevice(uint slot, ulong physical, int sizeLog2, ulong windowBase)
        {
            Message message = Message.Current;
            message.SetWord(0, physical);
            message.SetWord(1, (ulong)sizeLog2);
            return Receive(slot, Sigma0Protocol.MapDevice, 2, sizeLog2, windowBase, out _);
        }

        /// <summary>
        /// Gives the block at <paramref name="physical"/> back: RAM through the memory port, a device block through the
        /// device port (the right it was mapped through). Sigma0 removes every mapping of it, in every address space.
        /// </summary>
        public static Sigma0Status Release(uint slot, ulong physical, int sizeLog2)
        {
            Message message = Message.Current;
            message.SetWord(0, physical);
            message.SetWord(1, (ulong)sizeLog2);
            MessageTag.TryCreate(Sigma0Protocol.Release, 2, 0, MessageTagFlags.None, out MessageTag tag);
            IpcResult result = Ipc.Ipc.Call(slot, tag);
            return result.Succeeded && result.IsMessage ? (Sigma0Status)message.ReceivedLabel : Unreachable;
        }

        /// <summary>Sigma0's counts of frames and device blocks (zero unless Success).</summary>
        public static Sigma0Status Statistics(uint slot, out Sigma0Statistics statistics)
        {
            statistics = default;
            Message message = Message.Current;
            MessageTag.TryCreate(Sigma0Protocol.Statistics, 0, 0, MessageTagFlags.None, out MessageTag tag);
            IpcResult result = Ipc.Ipc.Call(slot, tag);
            if (!result.Succeeded || !result.IsMessage)
            {
                return Unreachable;
            }
            Sigma0Status status = (Sigma0Status)message.ReceivedLabel;
            if (status != Sigma0Status.Success)
            {
                return status;
            }
            if (message.ReceivedTag.UntypedCount != 4)
            {
                return Unreachable;
            }
            statistics.TotalFrames = message.Word(0);
            statistics.FreeFrames = message.Word(1);
            statistics.GivenFrames = message.Word(2);
            statistics.DeviceBlocks = message.Word(3);
            return Sigma0Status.Success;
        }

        // One request whose success reply maps a block of 2^sizeLog2 bytes into the window at windowBase: word 0 the
        // block's physical base, then the map item (its delivered form is the kernel's business, so only the counts are checked).
        private static Sigma0Status Receive(uint slot, uint label, int untypedCount, int sizeLog2, ulong windowBase, out ulong physical)
        {
            physical = 0;
            if (sizeLog2 < Sigma0Protocol.SmallestBlockLog2 || sizeLog2 > Sigma0Protocol.LargestBlockLog2
                || Flexpage.TryCreate(windowBase, sizeLog2, FlexpageRights.None, out Flexpage window) != MessageError.None)
            {
                return Sigma0Status.BadRequest;
            }
            MessageTag.TryCreate(label, untypedCount, 0, MessageTagFlags.None, out MessageTag tag);
            Utcb* utcb = Kernel.CurrentUtcb;
            utcb->MemoryReceiveWindow = window.Word;
            IpcResult result = Ipc.Ipc.Call(slot, tag);
            utcb->MemoryReceiveWindow = 0;
            if (!result.Succeeded || !result.IsMessage)
            {
                return Unreachable;
            }
            Message message = Message.Current;
            Sigma0Status status = (Sigma0Status)message.ReceivedLabel;
            if (status != Sigma0Status.Success)
            {
                return status;
            }
            MessageTag reply = message.ReceivedTag;
            if (reply.UntypedCount != 1 || reply.TypedCount != 1)
            {
                return Unreachable;
            }
            physical = message.Word(0);
            return Sigma0Status.Success;
        }
    }
}
