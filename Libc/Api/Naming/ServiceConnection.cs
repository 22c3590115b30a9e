using System;
using System.Threading;
using Cosmos.Api.Ipc;

namespace Cosmos.Api.Naming
{
    /// <summary>
    /// A connection to a service the name broker names ("serial", "disk0", ...) that survives the service's restart. It
    /// looks the name up when first used and keeps the send right in a slot of its own. When a call fails because the
    /// service is gone — its port destroyed (StaleCapability), the server ended during the call (PartnerGone), or the slot
    /// emptied — it drops the right, looks the name up again until the supervisor has restarted the service and it has
    /// registered (for at most <see cref="ReconnectNanoseconds"/>), and repeats the call once with the same message. So a
    /// request reaches a restarted server at most twice: requests of the standard protocols may be repeated (reads,
    /// writes of whole sectors, queries). Slots come from a range no other part of Libc uses (<see cref="FirstSlot"/> on,
    /// <see cref="SlotCount"/> of them per task).
    /// </summary>
    public sealed unsafe class ServiceConnection
    {
        /// <summary>The first capability slot connections use.</summary>
        public const uint FirstSlot = 200;

        /// <summary>How many connections a task can make (slots 200-231).</summary>
        public const int SlotCount = 32;

        /// <summary>How long a call waits for a service that went away to come back: 5 s.</summary>
        public const ulong ReconnectNanoseconds = 5_000_000_000;

        // Pause between look-ups while the service is away.
        private const ulong RetryNanoseconds = 10_000_000;

        private static int s_nextSlot;

        private readonly string _name;
        private readonly uint _slot;
        private bool _connected;
        private int _reconnections;

        /// <summary>A connection to <paramref name="name"/>; nothing is looked up yet. Throws when the task has made <see cref="SlotCount"/> connections.</summary>
        public ServiceConnection(string name)
        {
            int index = Interlocked.Increment(ref s_nextSlot) - 1;
            if (index >= SlotCount)
            {
                throw new InvalidOperationException("ServiceConnection: no slot left");
            }
            _name = name;
            _slot = FirstSlot + (uint)index;
        }

        /// <summary>The name looked up.</summary>
        public string Name => _name;

        /// <summary>The slot of the send right (valid while <see cref="IsConnected"/>).</summary>
        public uint Slot => _slot;

        public bool IsConnected => _connected;

        /// <summary>How often the connection found the service gone and looked it up again.</summary>
        public int Reconnections => _reconnections;

        /// <summary>Looks the name up if not connected yet, retrying for up to <paramref name="timeoutNanoseconds"/> while it is not registered.</summary>
        public NameBrokerStatus Connect(ulong timeoutNanoseconds = 0)
        {
            if (_connected)
            {
                return NameBrokerStatus.Ok;
            }
            ulong deadline = Kernel.Uptime() + timeoutNanoseconds;
            while (true)
            {
                Capabilities.Delete(_slot);
                NameBrokerStatus status = NameBroker.Lookup(_name, _slot);
                if (status == NameBrokerStatus.Ok)
                {
                    _connected = true;
                    return status;
                }
                if (status != NameBrokerStatus.NotFound || Kernel.Uptime() >= deadline)
                {
                    return status;
                }
                Kernel.Sleep(RetryNanoseconds);
            }
        }

        /// <summary>Forgets the send right (the next call looks the name up again).</summary>
        public void Disconnect()
        {
            Capabilities.Delete(_slot);
            _connected = false;
        }

        /// <summary>
        /// IpcCall of the current thread's message (<paramref name="tag"/> and its registers) to the service, reconnecting and
        /// repeating it once as described above. An error result means the service could not be reached.
        /// </summary>
        public IpcResult Call(MessageTag tag, ulong timeout = IpcTimeout.Infinite)
        {
            // A look-up overwrites the message registers: keep the request, before the first look-up too.
            int count = tag.RegisterCount;
            ulong* saved = stackalloc ulong[MessageLimits.MessageRegisterCount];
            Message message = Message.Current;
            for (int i = 0; i < count; i++)
            {
                saved[i] = message.Word(i);
            }
            if (!_connected)
            {
                if (Connect(ReconnectNanoseconds) != NameBrokerStatus.Ok)
                {
                    return new IpcResult((long)SystemCallError.PartnerGone);
                }
                for (int i = 0; i < count; i++)
                {
                    message.SetWord(i, saved[i]);
                }
            }
            IpcResult result = Ipc.Ipc.Call(_slot, tag, timeout);
            if (result.Succeeded || !IsServiceGone(result.Error))
            {
                return result;
            }
            _reconnections++;
            Disconnect();
            if (Connect(ReconnectNanoseconds) != NameBrokerStatus.Ok)
            {
                return result;
            }
            for (int i = 0; i < count; i++)
            {
                message.SetWord(i, saved[i]);
            }
            return Ipc.Ipc.Call(_slot, tag, timeout);
        }

        /// <summary>
        /// <see cref="Call"/> for protocols whose reply label is the status: the reply's label, or
        /// <paramref name="unreachable"/> when the service could not be reached (or answered with a notification).
        /// </summary>
        public uint CallForStatus(MessageTag tag, uint unreachable)
        {
            IpcResult result = Call(tag);
            return result.Succeeded && result.IsMessage ? Message.Current.ReceivedLabel : unreachable;
        }

        /// <summary>Whether a failed call means the service behind the slot is gone (not a mistake in the request).</summary>
        public static bool IsServiceGone(SystemCallError error) =>
            error == SystemCallError.StaleCapability || error == SystemCallError.PartnerGone || error == SystemCallError.EmptySlot;
    }
}
