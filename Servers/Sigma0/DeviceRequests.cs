using System;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// Requests on the device port (Sigma0Protocol): MapDevice(base, size log2), with the capability's badge as the
    /// authority (<see cref="DeviceAuthority"/>), and Release(base, size log2) of a device block the same badge was given
    /// (the memory port's Release is for RAM). Device blocks are mapped read and write; the kernel maps memory that is not
    /// RAM uncached. A MapDevice of exactly a block the same badge was given gives it anew, after removing the earlier
    /// mappings: that is a restarted driver (the root task gives it a capability with the same badge, the range it may
    /// use), whose predecessor's grant would otherwise hold the device for good. Anything malformed or unknown gets BadRequest. Nothing is allocated. Only the device port's thread
    /// uses it. Pure logic: host-tested.
    /// </summary>
    internal sealed class DeviceRequests : ISigma0Requests
    {
        private readonly RamRanges _ram;
        private readonly DeviceGrants _grants;
        private readonly IPhysicalUnmap _unmap;

        public DeviceRequests(RamRanges ram, DeviceGrants grants, IPhysicalUnmap unmap)
        {
            _ram = ram;
            _grants = grants;
            _unmap = unmap;
        }

        public MessageTag Handle(MessageTag request, ulong badge, Span<ulong> registers, out PendingMapping pending)
        {
            pending = default;
            if (request.UntypedCount != 2 || request.TypedCount != 0 || !PhysicalBlock.TryCreate(registers[0], registers[1], out PhysicalBlock block))
            {
                return Sigma0Replies.Status(Sigma0Status.BadRequest);
            }
            switch (request.Label)
            {
                case Sigma0Protocol.MapDevice:
                    return MapDevice(block, badge, registers, out pending);
                case Sigma0Protocol.Release:
                    return Sigma0Replies.Status(Release(block, badge));
                default:
                    return Sigma0Replies.Status(Sigma0Status.BadRequest);
            }
        }

        public void CancelMapping(in PendingMapping mapping) => _grants.RemoveAt(mapping.DeviceGrant);

        // The authority is checked first, so a badge learns nothing about memory outside its region.
        private MessageTag MapDevice(PhysicalBlock block, ulong badge, Span<ulong> registers, out PendingMapping pending)
        {
            pending = default;
            if (!DeviceAuthority.Allows(badge, block))
            {
                return Sigma0Replies.Status(Sigma0Status.NotAuthorized);
            }
            if (_ram.ContainsAny(block))
            {
                return Sigma0Replies.Status(Sigma0Status.NotDeviceMemory);
            }
            int previous = _grants.Find(block, badge);
            if (previous >= 0)
            {
                if (!_unmap.Unmap(block))
                {
                    return Sigma0Replies.Status(Sigma0Status.MapFailed);
                }
                _grants.RemoveAt(previous);
            }
            Sigma0Status status = _grants.Add(block, badge, out int grant);
            if (status != Sigma0Status.Success)
            {
                return Sigma0Replies.Status(status);
            }
            pending = new PendingMapping(block, grant, (uint)Sigma0Status.MapFailed);
            return Sigma0Replies.BlockGiven(registers, block, FlexpageRights.Read | FlexpageRights.Write);
        }

        private Sigma0Status Release(PhysicalBlock block, ulong badge)
        {
            int grant = _grants.Find(block, badge);
            if (grant < 0)
            {
                return Sigma0Status.NotOwned;
            }
            if (!_unmap.Unmap(block))
            {
                return Sigma0Status.MapFailed;
            }
            _grants.RemoveAt(grant);
            return Sigma0Status.Success;
        }
    }
}
