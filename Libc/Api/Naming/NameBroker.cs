using System;
using Cosmos.Api.Ipc;

namespace Cosmos.Api.Naming
{
    /// <summary>
    /// The name broker's client (protocol: docs/ARCHITECTURE.md, section 5, "The name broker"): each call is one IpcCall
    /// to the broker through <see cref="WellKnownSlots.NameBroker"/> (every task inherits a send right there) or, for
    /// register and unregister, through the task's register right (the root task gives it to programs started with
    /// "+register", normally in slot <see cref="GivenCapabilitySlots.First"/>). Nothing here allocates; names are
    /// <see cref="BrokerName"/>s or strings encoded on the stack. Every outcome is a <see cref="NameBrokerStatus"/>;
    /// <see cref="NameBrokerStatus.BrokerUnreachable"/> means the IPC itself failed (no broker, or its port is gone).
    /// </summary>
    public static unsafe class NameBroker
    {
        /// <summary>
        /// Registers <paramref name="name"/> for a copy of the port send right in <paramref name="sendRight"/> (which
        /// needs Send and Grant), through the register right in <paramref name="registerRight"/>. The name stays
        /// registered until the caller unregisters it or the port is destroyed (its server ended).
        /// </summary>
        public static NameBrokerStatus Register(in BrokerName name, uint sendRight, uint registerRight = GivenCapabilitySlots.First)
        {
            Message message = Message.Current;
            name.WriteTo(message.RegisterSpan);
            MessageBuilder builder = message.Build((uint)NameBrokerLabel.Register, BrokerName.WordCount);
            builder.AddCapability(sendRight, move: false);
            if (builder.TryGetTag(out MessageTag tag) != MessageError.None)
            {
                return NameBrokerStatus.MalformedRequest;
            }
            return StatusOf(Ipc.Ipc.Call(registerRight, tag));
        }

        /// <summary><see cref="Register(in BrokerName, uint, uint)"/> for a name given as text (InvalidName if it is not a valid name).</summary>
        public static NameBrokerStatus Register(string name, uint sendRight, uint registerRight = GivenCapabilitySlots.First)
        {
            NameBrokerStatus status = BrokerName.TryEncode(name, out BrokerName encoded);
            return status != NameBrokerStatus.Ok ? status : Register(encoded, sendRight, registerRight);
        }

        /// <summary>
        /// Registers <paramref name="name"/> for the port whose capability (with Send and Grant, normally the receive
        /// right a server made) is in <paramref name="port"/>: a send right is copied for the broker (Send and Grant only,
        /// so a look-up can never hand out more), registered, and the copy deleted again. InvalidCapability when no such
        /// copy can be made.
        /// </summary>
        public static NameBrokerStatus RegisterPort(string name, uint port, uint registerRight = GivenCapabilitySlots.First)
        {
            long sendRight = Capabilities.Copy(port, 0, CapabilityRights.Send | CapabilityRights.Grant);
            if (sendRight < 0)
            {
                return NameBrokerStatus.InvalidCapability;
            }
            NameBrokerStatus status = Register(name, (uint)sendRight, registerRight);
            Capabilities.Delete((uint)sendRight);
            return status;
        }

        /// <summary>
        /// Looks <paramref name="name"/> up; on Ok a copy of the registered send right is in <paramref name="destination"/>,
        /// which must be a free slot of the caller's table. The caller's capability receive window is set to that one
        /// slot for the call and put back afterwards.
        /// </summary>
        public static NameBrokerStatus Lookup(in BrokerName name, uint destination, uint broker = WellKnownSlots.NameBroker)
        {
            Message message = Message.Current;
            name.WriteTo(message.RegisterSpan);
            MessageTag.TryCreate((uint)NameBrokerLabel.Lookup, BrokerName.WordCount, 0, MessageTagFlags.None, out MessageTag tag);
            Utcb* utcb = Kernel.CurrentUtcb;
            ulong savedWindow = utcb->CapabilityReceiveWindow;
            if (ReceiveDeclarations.SetCapabilityReceiveWindow(destination, 1) != MessageError.None)
            {
                return NameBrokerStatus.MalformedRequest;
            }
            IpcResult result = Ipc.Ipc.Call(broker, tag);
            utcb->CapabilityReceiveWindow = savedWindow;
            NameBrokerStatus status = StatusOf(result);
            if (status != NameBrokerStatus.Ok)
            {
                return status;
            }
            // A broker that answers Ok passes exactly one capability; anything else is not a broker's answer.
            MessageTag reply = message.ReceivedTag;
            if (reply.TypedCount != 1 || message.Word(reply.UntypedCount + 1) != destination)
            {
                return NameBrokerStatus.BrokerUnreachable;
            }
            return NameBrokerStatus.Ok;
        }

        /// <summary><see cref="Lookup(in BrokerName, uint, uint)"/> for a name given as text (InvalidName if it is not a valid name).</summary>
        public static NameBrokerStatus Lookup(string name, uint destination, uint broker = WellKnownSlots.NameBroker)
        {
            NameBrokerStatus status = BrokerName.TryEncode(name, out BrokerName encoded);
            return status != NameBrokerStatus.Ok ? status : Lookup(encoded, destination, broker);
        }

        /// <summary>Unregisters <paramref name="name"/>, which must have been registered through the same register right.</summary>
        public static NameBrokerStatus Unregister(in BrokerName name, uint registerRight = GivenCapabilitySlots.First)
        {
            Message message = Message.Current;
            name.WriteTo(message.RegisterSpan);
            MessageTag.TryCreate((uint)NameBrokerLabel.Unregister, BrokerName.WordCount, 0, MessageTagFlags.None, out MessageTag tag);
            return StatusOf(Ipc.Ipc.Call(registerRight, tag));
        }

        /// <summary><see cref="Unregister(in BrokerName, uint)"/> for a name given as text.</summary>
        public static NameBrokerStatus Unregister(string name, uint registerRight = GivenCapabilitySlots.First)
        {
            NameBrokerStatus status = BrokerName.TryEncode(name, out BrokerName encoded);
            return status != NameBrokerStatus.Ok ? status : Unregister(encoded, registerRight);
        }

        /// <summary>
        /// One page of the registered names from <paramref name="cursor"/> (0: the first page) into
        /// <paramref name="names"/>, which must hold <see cref="NameBrokerListReply.MaximumNames"/> (MalformedRequest
        /// otherwise); <paramref name="nextCursor"/> is the cursor of the next page, 0 when this was the last.
        /// </summary>
        public static NameBrokerStatus List(ulong cursor, Span<BrokerName> names, out int count, out ulong nextCursor, uint broker = WellKnownSlots.NameBroker)
        {
            count = 0;
            nextCursor = 0;
            if (names.Length < NameBrokerListReply.MaximumNames)
            {
                return NameBrokerStatus.MalformedRequest;
            }
            Message message = Message.Current;
            message.SetWord(0, cursor);
            MessageTag.TryCreate((uint)NameBrokerLabel.List, 1, 0, MessageTagFlags.None, out MessageTag tag);
            NameBrokerStatus status = StatusOf(Ipc.Ipc.Call(broker, tag));
            if (status != NameBrokerStatus.Ok)
            {
                return status;
            }
            MessageTag reply = message.ReceivedTag;
            ulong replied = message.Word(NameBrokerListReply.CountWord);
            if (reply.UntypedCount < NameBrokerListReply.FirstNameWord || replied > NameBrokerListReply.MaximumNames
                || reply.UntypedCount != NameBrokerListReply.WordCountFor((int)replied))
            {
                return NameBrokerStatus.BrokerUnreachable;
            }
            ReadOnlySpan<ulong> registers = message.RegisterSpan;
            for (int i = 0; i < (int)replied; i++)
            {
                status = BrokerName.TryDecode(registers.Slice(NameBrokerListReply.FirstNameWord + i * BrokerName.WordCount), out names[i]);
                if (status != NameBrokerStatus.Ok)
                {
                    return NameBrokerStatus.BrokerUnreachable;
                }
            }
            count = (int)replied;
            nextCursor = message.Word(NameBrokerListReply.NextCursorWord);
            return NameBrokerStatus.Ok;
        }

        /// <summary>A status in words, for reports (the text is a literal: nothing is allocated).</summary>
        public static string Describe(NameBrokerStatus status) => status switch
        {
            NameBrokerStatus.Ok => "ok",
            NameBrokerStatus.NotFound => "not found",
            NameBrokerStatus.AlreadyRegistered => "already registered",
            NameBrokerStatus.TableFull => "table full",
            NameBrokerStatus.InvalidName => "invalid name",
            NameBrokerStatus.NotPermitted => "not permitted",
            NameBrokerStatus.MalformedRequest => "malformed request",
            NameBrokerStatus.UnknownRequest => "unknown request",
            NameBrokerStatus.InvalidCapability => "invalid capability",
            NameBrokerStatus.BrokerUnreachable => "broker unreachable",
            _ => "unknown status",
        };

        // The broker's status is the reply's label; a failed IPC or a reply the kernel marked as an error is no answer.
        private static NameBrokerStatus StatusOf(IpcResult result)
        {
            if (!result.Succeeded || !result.IsMessage)
            {
                return NameBrokerStatus.BrokerUnreachable;
            }
            MessageTag reply = Message.Current.ReceivedTag;
            return (reply.Flags & MessageTagFlags.Error) != 0 ? NameBrokerStatus.BrokerUnreachable : (NameBrokerStatus)reply.Label;
        }
    }
}
