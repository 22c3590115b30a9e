using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// Requests on the device port (Sigma0Protocol): MapDevice, with the capability's badge as the authority
    /// (<see cref="DeviceAuthority"/>), and Release of a device block the same badge was given (the memory port's
    /// Release is for RAM). Device blocks are mapped read and write; the kernel maps memory that is not RAM uncached.
    /// Anything malformed or unknown gets BadRequest. Nothing is allocated.
    /// </summary>
    internal struct DevicePortHandler : IMappingHandler
    {
        private readonly RamRanges _ram;
        private readonly DeviceGrants _grants;
        private PendingMapping _pending;

        public DevicePortHandler(RamRanges ram, DeviceGrants grants)
        {
            _ram = ram;
            _grants = grants;
            _pending = default;
        }

        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
        {
            _pending = default;
            Message message = Message.Current;
            Sigma0Status status;
            reply = default;
            if (request.UntypedCount != 2 || request.TypedCount != 0 || !PhysicalBlock.TryCreate(message.Word(0), message.Word(1), out PhysicalBlock block))
            {
                status = Sigma0Status.BadRequest;
            }
            else if (request.Label == Sigma0Protocol.MapDevice)
            {
                status = MapDevice(message, block, badge, out reply);
            }
            else if (request.Label == Sigma0Protocol.Release)
            {
                status = Release(block, badge);
            }
            else
            {
                status = Sigma0Status.BadRequest;
            }
            if (status != Sigma0Status.Success || request.Label == Sigma0Protocol.Release)
            {
                reply = Sigma0Replies.Status(status);
            }
            return ServerAction.Reply;
        }

        // Nothing binds a notification to the device port.
        public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;

        public PendingMapping TakePendingMapping()
        {
            PendingMapping pending = _pending;
            _pending = default;
            return pending;
        }

        public void CancelMapping(in PendingMapping mapping) => _grants.RemoveAt(mapping.DeviceGrant);

        private Sigma0Status MapDevice(Message message, PhysicalBlock block, ulong badge, out MessageTag reply)
        {
            reply = default;
            if (!DeviceAuthority.Allows(badge, block))
            {
                return Sigma0Status.NotAuthorized;
            }
            if (_ram.ContainsAny(block))
            {
                return Sigma0Status.NotDeviceMemory;
            }
            Sigma0Status status = _grants.Add(block, badge, out int grant);
            if (status != Sigma0Status.Success)
            {
                return status;
            }
            _pending = new PendingMapping(block, grant, (uint)Sigma0Status.MapFailed);
            reply = Sigma0Replies.BlockGiven(message.RegisterSpan, block, FlexpageRights.Read | FlexpageRights.Write);
            return Sigma0Status.Success;
        }

        private Sigma0Status Release(PhysicalBlock block, ulong badge)
        {
            int grant = _grants.Find(block, badge);
            if (grant < 0)
            {
                return Sigma0Status.NotOwned;
            }
            if (AddressSpace.Unmap(block.ToFlexpage(FlexpageRights.All), MemoryUnmapFlags.IncludeOwn) != SystemCallError.None)
            {
                return Sigma0Status.MapFailed;
            }
            _grants.RemoveAt(grant);
            return Sigma0Status.Success;
        }
    }
}
