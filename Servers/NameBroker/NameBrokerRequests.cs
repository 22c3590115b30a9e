using System;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.NameBroker
{
    /// <summary>
    /// The broker's request handler for <see cref="ServerLoop"/> (protocol: docs/ARCHITECTURE.md, section 5, "The name
    /// broker"). Every request is checked in full (label, word and item counts, the name, the badge, the capability)
    /// before anything changes; a refusal is a <see cref="NameBrokerStatus"/> in the reply's label, never a fault.
    /// Nothing is allocated: the request is read from the message registers and the reply written over it.
    /// </summary>
    internal unsafe struct NameBrokerRequests : IMessageHandler
    {
        private readonly RegistrationTable _table;

        public NameBrokerRequests(RegistrationTable table)
        {
            _table = table;
        }

        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
        {
            Message message = Message.Current;
            NameBrokerStatus status;
            switch ((NameBrokerLabel)request.Label)
            {
                case NameBrokerLabel.Register:
                    status = Register(message, request, badge);
                    break;
                case NameBrokerLabel.Lookup:
                    status = Lookup(message, request, out reply);
                    if (status == NameBrokerStatus.Ok)
                    {
                        return ServerAction.Reply;
                    }
                    break;
                case NameBrokerLabel.List:
                    status = List(message, request, out reply);
                    if (status == NameBrokerStatus.Ok)
                    {
                        return ServerAction.Reply;
                    }
                    break;
                case NameBrokerLabel.Unregister:
                    status = Unregister(message, request, badge);
                    break;
                default:
                    status = NameBrokerStatus.UnknownRequest;
                    break;
            }
            if (request.TypedCount != 0)
            {
                // A capability that arrived with a request is never kept past it (a registered one was copied), so the
                // receive window is empty for the next message.
                Capabilities.Delete(BrokerCapabilitySlots.Incoming);
            }
            reply = StatusOnly(status);
            return ServerAction.Reply;
        }

        // Nothing binds a notification to the broker's port.
        public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;

        private NameBrokerStatus Register(Message message, MessageTag request, ulong badge)
        {
            if (!NameBrokerBadge.MayRegister(badge))
            {
                return NameBrokerStatus.NotPermitted;
            }
            if (request.UntypedCount != BrokerName.WordCount || request.TypedCount != 1)
            {
                return NameBrokerStatus.MalformedRequest;
            }
            NameBrokerStatus status = BrokerName.TryDecode(NameWords(message), out BrokerName name);
            if (status != NameBrokerStatus.Ok)
            {
                return status;
            }
            // The delivered item names the slot the kernel put the capability in: it must be the receive window's.
            ulong itemKind = message.Word(BrokerName.WordCount);
            ulong itemSlot = message.Word(BrokerName.WordCount + 1);
            if (TypedItem.KindOf(itemKind) != TypedItemKind.CapabilityTransfer || itemSlot != BrokerCapabilitySlots.Incoming)
            {
                return NameBrokerStatus.InvalidCapability;
            }
            const CapabilityRights Needed = CapabilityRights.Send | CapabilityRights.Grant;
            if (Capabilities.Information(BrokerCapabilitySlots.Incoming, out CapabilityInformation information) != SystemCallError.None
                || information.IsStale || information.Kind != CapabilityKind.Port || (information.Rights & Needed) != Needed)
            {
                return NameBrokerStatus.InvalidCapability;
            }
            status = _table.Add(name, badge, out int index);
            if (status != NameBrokerStatus.Ok)
            {
                return status;
            }
            // Only Send and Grant are kept, so a look-up can never hand out a receive right.
            if (Capabilities.Copy(BrokerCapabilitySlots.Incoming, _table.SlotOf(index), Needed) < 0)
            {
                _table.Remove(index);
                return NameBrokerStatus.InvalidCapability;
            }
            return NameBrokerStatus.Ok;
        }

        private NameBrokerStatus Lookup(Message message, MessageTag request, out MessageTag reply)
        {
            reply = default;
            if (request.UntypedCount != BrokerName.WordCount || request.TypedCount != 0)
            {
                return NameBrokerStatus.MalformedRequest;
            }
            NameBrokerStatus status = BrokerName.TryDecode(NameWords(message), out BrokerName name);
            if (status != NameBrokerStatus.Ok)
            {
                return status;
            }
            int index = _table.Find(name);
            if (index < 0)
            {
                return NameBrokerStatus.NotFound;
            }
            MessageBuilder builder = message.Build((uint)NameBrokerStatus.Ok, 0);
            builder.AddCapability(_table.SlotOf(index), move: false);
            builder.TryGetTag(out reply);
            return NameBrokerStatus.Ok;
        }

        private NameBrokerStatus List(Message message, MessageTag request, out MessageTag reply)
        {
            reply = default;
            if (request.UntypedCount != 1 || request.TypedCount != 0)
            {
                return NameBrokerStatus.MalformedRequest;
            }
            ulong cursor = message.Word(0);
            int index = _table.NextFrom(cursor > (ulong)_table.Capacity ? _table.Capacity : (int)cursor);
            int count = 0;
            Span<ulong> registers = message.RegisterSpan;
            while (index >= 0 && count < NameBrokerListReply.MaximumNames)
            {
                _table.NameAt(index).WriteTo(registers.Slice(NameBrokerListReply.FirstNameWord + count * BrokerName.WordCount));
                count++;
                index = _table.NextFrom(index + 1);
            }
            // index is -1 (no more names) or the entry after a full reply's last, which is never 0.
            registers[NameBrokerListReply.NextCursorWord] = index < 0 ? 0 : (ulong)index;
            registers[NameBrokerListReply.CountWord] = (ulong)count;
            MessageTag.TryCreate((uint)NameBrokerStatus.Ok, NameBrokerListReply.WordCountFor(count), 0, MessageTagFlags.None, out reply);
            return NameBrokerStatus.Ok;
        }

        private NameBrokerStatus Unregister(Message message, MessageTag request, ulong badge)
        {
            if (!NameBrokerBadge.MayRegister(badge))
            {
                return NameBrokerStatus.NotPermitted;
            }
            if (request.UntypedCount != BrokerName.WordCount || request.TypedCount != 0)
            {
                return NameBrokerStatus.MalformedRequest;
            }
            NameBrokerStatus status = BrokerName.TryDecode(NameWords(message), out BrokerName name);
            return status != NameBrokerStatus.Ok ? status : _table.Unregister(name, badge);
        }

        private static ReadOnlySpan<ulong> NameWords(Message message) => new ReadOnlySpan<ulong>(message.Registers, BrokerName.WordCount);

        private static MessageTag StatusOnly(NameBrokerStatus status)
        {
            MessageTag.TryCreate((uint)status, 0, 0, MessageTagFlags.None, out MessageTag tag);
            return tag;
        }
    }
}
