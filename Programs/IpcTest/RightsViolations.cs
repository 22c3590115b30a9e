using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "rights": every misuse of a capability returns its documented error (docs/ARCHITECTURE.md, section 5), within one
    /// task: send on a receive-only capability, receive on a send-only one, the wrong kind, empty and invalid slots, a
    /// stale capability after a revocation, minting a badged capability, copying with more rights, revoking without
    /// Receive (InsufficientRights) or a kind that cannot be revoked (NotRevocable), malformed tags and items, and replies without a caller. Calls poll, so a wrong "success" cannot hang.
    /// </summary>
    internal static class RightsViolations
    {
        private const uint EmptySlot = 250;

        public static int Run()
        {
            Checks checks = new Checks("rights");
            long port = Capabilities.CreatePort();
            long notification = Capabilities.CreateNotification();
            if (!checks.Succeeded("create_port", port) | !checks.Succeeded("create_notification", notification))
            {
                return checks.Verdict();
            }
            uint portSlot = (uint)port;
            uint notificationSlot = (uint)notification;

            SystemCallError error = Capabilities.Information(portSlot, out CapabilityInformation information);
            checks.True(
                "new_port_rights",
                error == SystemCallError.None && information.Kind == CapabilityKind.Port && information.Rights == (CapabilityRights.Receive | CapabilityRights.Send | CapabilityRights.Grant) && !information.IsStale && information.Badge == 0,
                "information " + Output.Error((long)error) + " kind " + ((int)information.Kind).ToString() + " rights " + ((int)information.Rights).ToString());

            long sendOnly = Capabilities.Copy(portSlot, 0, CapabilityRights.Send);
            long receiveOnly = Capabilities.Copy(portSlot, 0, CapabilityRights.Receive);
            checks.Succeeded("copy_send_only", sendOnly);
            checks.Succeeded("copy_receive_only", receiveOnly);

            MessageTag empty = Tags.Of(1, 0);
            checks.Error("send_on_receive_only", Ipc.Send((uint)receiveOnly, empty, IpcTimeout.Poll).Value, SystemCallError.InsufficientRights);
            checks.Error("call_on_receive_only", Ipc.Call((uint)receiveOnly, empty, IpcTimeout.Poll).Value, SystemCallError.InsufficientRights);
            checks.Error("receive_on_send_only", Ipc.Receive((uint)sendOnly, IpcTimeout.Poll).Value, SystemCallError.InsufficientRights);
            checks.Error("reply_wait_on_send_only", Ipc.ReplyWait((uint)sendOnly, empty, IpcTimeout.Poll).Value, SystemCallError.InsufficientRights);
            checks.Error("send_poll_without_receiver", Ipc.Send((uint)sendOnly, empty, IpcTimeout.Poll).Value, SystemCallError.TimedOut);

            checks.Error("send_to_notification", Ipc.Send(notificationSlot, empty, IpcTimeout.Poll).Value, SystemCallError.WrongKind);
            checks.Error("receive_on_notification", Ipc.Receive(notificationSlot, IpcTimeout.Poll).Value, SystemCallError.WrongKind);
            checks.Error("signal_port", (long)NotificationCalls.Signal(portSlot, 1), SystemCallError.WrongKind);
            checks.Error("wait_on_port", NotificationCalls.Wait(portSlot, IpcTimeout.Poll, out _).Value, SystemCallError.WrongKind);

            checks.Error("send_to_empty_slot", Ipc.Send(EmptySlot, empty, IpcTimeout.Poll).Value, SystemCallError.EmptySlot);
            checks.Error("information_of_empty_slot", (long)Capabilities.Information(EmptySlot, out _), SystemCallError.EmptySlot);
            checks.Error("send_to_slot_0", Ipc.Send(0, empty, IpcTimeout.Poll).Value, SystemCallError.InvalidSlot);
            checks.Error("send_to_slot_256", Ipc.Send(256, empty, IpcTimeout.Poll).Value, SystemCallError.InvalidSlot);
            checks.Error("send_to_slot_2^32+port", SystemCall.InvokeIpc(SystemCallNumber.IpcSend, (1UL << 32) | portSlot, empty.Word, IpcTimeout.Poll), SystemCallError.InvalidSlot);
            checks.Error("send_to_slot_max", SystemCall.InvokeIpc(SystemCallNumber.IpcSend, ulong.MaxValue, empty.Word, IpcTimeout.Poll), SystemCallError.InvalidSlot);
            checks.Error("copy_from_slot_300", Capabilities.Copy(300, 0, CapabilityRights.Send), SystemCallError.InvalidSlot);
            checks.Error("delete_slot_0", (long)Capabilities.Delete(0), SystemCallError.InvalidSlot);

            checks.Error("copy_with_more_rights", Capabilities.Copy((uint)sendOnly, 0, CapabilityRights.Send | CapabilityRights.Receive), SystemCallError.RightsExceedSource);
            long minted = Capabilities.Mint(portSlot, 0, CapabilityRights.Send, 5);
            checks.Succeeded("mint_badge_5", minted);
            error = Capabilities.Information((uint)minted, out information);
            checks.True("minted_badge_reads_5", error == SystemCallError.None && information.Badge == 5 && information.Rights == CapabilityRights.Send, "badge " + information.Badge.ToString());
            checks.Error("mint_a_badged_capability", Capabilities.Mint((uint)minted, 0, CapabilityRights.Send, 6), SystemCallError.NotBadgeable);
            checks.Error("revoke_without_receive", (long)Capabilities.Revoke((uint)sendOnly), SystemCallError.InsufficientRights);
            checks.Error("revoke_debug_console", (long)Capabilities.Revoke(WellKnownSlots.DebugConsole), SystemCallError.NotRevocable);

            // Malformed messages: the tag, then an item; the MessageError comes back in rdi.
            ulong reservedBits = empty.Word | (1UL << 20);
            checks.Error("tag_with_reserved_bits", Ipc.Invoke(SystemCallNumber.IpcSend, (uint)sendOnly, reservedBits, IpcTimeout.Poll).Value, SystemCallError.MalformedMessage);
            checks.True("tag_with_reserved_bits_reason", Message.Current.ReceivedMessageError == MessageError.ReservedTagBitsSet, "message error " + ((int)Message.Current.ReceivedMessageError).ToString());
            ulong tooLong = 40UL | (13UL << MessageTag.TypedCountShift); // 40 + 2 * 13 = 66 registers
            checks.Error("tag_too_long", Ipc.Invoke(SystemCallNumber.IpcCall, (uint)sendOnly, tooLong, IpcTimeout.Poll).Value, SystemCallError.MalformedMessage);
            checks.True("tag_too_long_reason", Message.Current.ReceivedMessageError == MessageError.MessageTooLong, "message error " + ((int)Message.Current.ReceivedMessageError).ToString());
            Message message = Message.Current;
            message.SetWord(0, 0);
            message.SetWord(1, 0);
            checks.Error("item_of_kind_0", Ipc.Send((uint)sendOnly, Tags.Of(1, 0, 1), IpcTimeout.Poll).Value, SystemCallError.MalformedMessage);
            checks.True("item_of_kind_0_reason", Message.Current.ReceivedMessageError == MessageError.UnknownItemKind, "message error " + ((int)Message.Current.ReceivedMessageError).ToString());
            message.SetWord(0, (ulong)TypedItemKind.Map | 0x400000);
            message.SetWord(1, 0x400000 | (12UL << 4) | 1);
            checks.Error("map_item_is_a_valid_message", Ipc.Send((uint)sendOnly, Tags.Of(1, 0, 1), IpcTimeout.Poll).Value, SystemCallError.TimedOut); // nobody receives

            checks.Error("reply_without_caller", Ipc.Reply(empty).Value, SystemCallError.NoCaller);
            checks.Error("save_reply_without_caller", Ipc.SaveReply(), SystemCallError.NoCaller);

            // Revocation: every other capability to the port goes stale; the revoker's stays usable.
            checks.Error("revoke_port", (long)Capabilities.Revoke(portSlot), SystemCallError.None);
            checks.Error("send_after_revoke", Ipc.Send((uint)sendOnly, empty, IpcTimeout.Poll).Value, SystemCallError.StaleCapability);
            checks.Error("minted_after_revoke", Ipc.Send((uint)minted, empty, IpcTimeout.Poll).Value, SystemCallError.StaleCapability);
            checks.Error("receive_only_after_revoke", Ipc.Receive((uint)receiveOnly, IpcTimeout.Poll).Value, SystemCallError.StaleCapability);
            error = Capabilities.Information((uint)sendOnly, out information);
            checks.True("information_says_stale", error == SystemCallError.None && information.IsStale, "information " + Output.Error((long)error) + " stale " + (information.IsStale ? "yes" : "no"));
            checks.Error("revoker_still_receives", Ipc.Receive(portSlot, IpcTimeout.Poll).Value, SystemCallError.TimedOut);
            checks.Error("copy_of_stale", Capabilities.Copy((uint)sendOnly, 0, CapabilityRights.Send), SystemCallError.StaleCapability);

            // Delete empties the slot; move empties the source.
            checks.Error("delete_stale", (long)Capabilities.Delete((uint)sendOnly), SystemCallError.None);
            checks.Error("send_after_delete", Ipc.Send((uint)sendOnly, empty, IpcTimeout.Poll).Value, SystemCallError.EmptySlot);
            long moved = Capabilities.Move(notificationSlot, 0);
            checks.Succeeded("move_notification", moved);
            checks.Error("moved_source_is_empty", (long)NotificationCalls.Signal(notificationSlot, 1), SystemCallError.EmptySlot);
            checks.Error("moved_destination_works", (long)NotificationCalls.Signal((uint)moved, 1), SystemCallError.None);

            Capabilities.Delete((uint)moved);
            Capabilities.Delete((uint)minted);
            Capabilities.Delete((uint)receiveOnly);
            Capabilities.Delete(portSlot);
            return checks.Verdict();
        }
    }
}
