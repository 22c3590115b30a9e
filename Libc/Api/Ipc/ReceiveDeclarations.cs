using System;

namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The running thread's receive declarations in its UTCB, which the kernel reads when it delivers a message to this
    /// thread: where received capabilities go (<see cref="CapabilityReceiveWindow"/>) and where string items are copied
    /// (<see cref="StringReceiveBuffer"/>s, the n-th string into the n-th buffer). They stay until changed.
    /// </summary>
    public static unsafe class ReceiveDeclarations
    {
        /// <summary>Accepts capabilities into slots [firstSlot, firstSlot + slotCount); a count of 0 accepts none.</summary>
        public static MessageError SetCapabilityReceiveWindow(uint firstSlot, uint slotCount)
        {
            MessageError error = CapabilityReceiveWindow.TryCreate(firstSlot, slotCount, out CapabilityReceiveWindow window);
            if (error == MessageError.None)
            {
                CurrentUtcb->CapabilityReceiveWindow = window.Word;
            }
            return error;
        }

        /// <summary>Accepts no capabilities: a message carrying one then fails with TransferFailed.</summary>
        public static void ClearCapabilityReceiveWindow() => CurrentUtcb->CapabilityReceiveWindow = 0;

        /// <summary>Declares exactly one string receive buffer.</summary>
        public static MessageError SetStringReceiveBuffer(ulong address, ulong length)
        {
            MessageError error = StringReceiveBuffer.TryCreate(address, length, out StringReceiveBuffer buffer);
            if (error != MessageError.None)
            {
                return error;
            }
            Utcb* utcb = CurrentUtcb;
            utcb->StringReceiveBuffers[0] = buffer.FirstWord;
            utcb->StringReceiveBuffers[1] = buffer.SecondWord;
            utcb->StringReceiveBufferCount = 1;
            return MessageError.None;
        }

        /// <summary>Declares the buffers in order (at most <see cref="Utcb.StringReceiveBufferCapacity"/>; MessageTooLong beyond); nothing changes on an error.</summary>
        public static MessageError SetStringReceiveBuffers(ReadOnlySpan<StringReceiveBuffer> buffers)
        {
            if (buffers.Length > Utcb.StringReceiveBufferCapacity)
            {
                return MessageError.MessageTooLong;
            }
            Utcb* utcb = CurrentUtcb;
            for (int i = 0; i < buffers.Length; i++)
            {
                utcb->StringReceiveBuffers[2 * i] = buffers[i].FirstWord;
                utcb->StringReceiveBuffers[2 * i + 1] = buffers[i].SecondWord;
            }
            utcb->StringReceiveBufferCount = (ulong)buffers.Length;
            return MessageError.None;
        }

        /// <summary>Declares no string buffers: a message carrying a string then fails with TransferFailed.</summary>
        public static void ClearStringReceiveBuffers() => CurrentUtcb->StringReceiveBufferCount = 0;

        private static Utcb* CurrentUtcb => (Utcb*)SystemCall.ReadThreadPointer();
    }
}
