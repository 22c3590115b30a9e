using System;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "broker SCENARIO [NAME] [COUNT]": the name broker from a client's side (tests/Cosmos.Integration.Tests/NameBrokerTests.cs).
    /// Every check prints "broker: CHECK: RESULT", with " FAILED, expected EXPECTED" appended when the result is another;
    /// the last line is "broker: SCENARIO passed" (exit code 0) or "broker: SCENARIO failed N checks" (exit code 1).
    /// Scenarios: basic (+register: register, look up, list, unregister, a full table), unprivileged (no register
    /// right), malformed (requests the client library would never send), vanish (+register: register a name and
    /// exit), gone (the name must not resolve), serve (+register: register and answer COUNT calls), call (look the
    /// name up and call it).
    /// </summary>
    internal static unsafe class NameBrokerScenarios
    {
        /// <summary>The label and increment of the echo protocol between "serve" and "call".</summary>
        private const uint EchoLabel = 0x600D;

        // Free slots of this task's table for looked-up rights (slots 1-2 are inherited, 3 the register right).
        private const uint LookupSlot = 40;
        private const uint SecondLookupSlot = 41;

        private static int s_failures;

        public static int Run(string[] arguments)
        {
            string scenario = arguments.Length > 2 ? arguments[2] : "basic";
            string name = arguments.Length > 3 ? arguments[3] : "test.basic";
            s_failures = 0;
            switch (scenario)
            {
                case "basic": Basic(name); break;
                case "unprivileged": Unprivileged(name); break;
                case "malformed": Malformed(); break;
                case "vanish": Vanish(name); break;
                case "gone": Gone(name); break;
                case "serve": Serve(name, Output.Number(arguments, 4, 1)); break;
                case "call": Call(name); break;
                default:
                    Output.Line("broker: unknown scenario \"" + scenario + "\" (scenarios: basic unprivileged malformed vanish gone serve call)");
                    return 2;
            }
            Output.Line("broker: " + scenario + (s_failures == 0 ? " passed" : " failed " + s_failures.ToString() + " checks"));
            return s_failures == 0 ? 0 : 1;
        }

        private static void Basic(string name)
        {
            long port = Capabilities.CreatePort();
            if (!Check("create a port", port >= 0, port >= 0 ? "ok" : Kernel.DescribeError(port), "ok"))
            {
                return;
            }
            Expect("register", NameBroker.Register(name, (uint)port), NameBrokerStatus.Ok);
            Expect("register the same name again", NameBroker.Register(name, (uint)port), NameBrokerStatus.AlreadyRegistered);
            Expect("lookup", NameBroker.Lookup(name, LookupSlot), NameBrokerStatus.Ok);
            Capabilities.Information(LookupSlot, out CapabilityInformation found);
            bool sendOnly = found.Kind == CapabilityKind.Port && !found.IsStale && (found.Rights & CapabilityRights.Send) != 0
                && (found.Rights & CapabilityRights.Receive) == 0;
            Check("looked-up right is a live port send right without receive", sendOnly, sendOnly ? "yes" : "no", "yes");
            Expect("lookup into an occupied slot", NameBroker.Lookup(name, LookupSlot), NameBrokerStatus.MalformedRequest);
            Expect("lookup into a free slot afterwards", NameBroker.Lookup(name, SecondLookupSlot), NameBrokerStatus.Ok);
            Capabilities.Delete(SecondLookupSlot);
            Expect("lookup of an unknown name", NameBroker.Lookup("no.such.name", SecondLookupSlot), NameBrokerStatus.NotFound);
            Check("list shows the name", Listed(name), Listed(name) ? "yes" : "no", "yes");
            Expect("unregister", NameBroker.Unregister(name), NameBrokerStatus.Ok);
            Expect("lookup after unregister", NameBroker.Lookup(name, SecondLookupSlot), NameBrokerStatus.NotFound);
            Expect("unregister again", NameBroker.Unregister(name), NameBrokerStatus.NotFound);
            Check("list no longer shows the name", !Listed(name), Listed(name) ? "yes" : "no", "no");
            FillTheTable((uint)port);
        }

        // Registers names until the table is full (64 entries less what others hold), lists them over several pages,
        // then unregisters them all.
        private static void FillTheTable(uint port)
        {
            int registered = 0;
            NameBrokerStatus status = NameBrokerStatus.Ok;
            while (status == NameBrokerStatus.Ok && registered < 1000)
            {
                status = NameBroker.Register(FillName(registered), port);
                if (status == NameBrokerStatus.Ok)
                {
                    registered++;
                }
            }
            Expect("register until the table is full (" + registered.ToString() + " names)", status, NameBrokerStatus.TableFull);
            Check("the table holds more names than one list page", registered > NameBrokerListReply.MaximumNames, registered.ToString(), "more than " + NameBrokerListReply.MaximumNames.ToString());
            int listed = 0;
            int pages = 0;
            Span<BrokerName> names = stackalloc BrokerName[NameBrokerListReply.MaximumNames];
            ulong cursor = 0;
            do
            {
                status = NameBroker.List(cursor, names, out int count, out cursor);
                pages++;
                for (int i = 0; i < count; i++)
                {
                    if (names[i].Length > 5 && names[i][0] == 'f' && names[i][4] == '.')
                    {
                        listed++;
                    }
                }
            }
            while (status == NameBrokerStatus.Ok && cursor != 0 && pages < 100);
            Check("list over " + pages.ToString() + " pages finds every name", listed == registered && pages > 1, listed.ToString(), registered.ToString());
            int unregistered = 0;
            for (int i = 0; i < registered; i++)
            {
                if (NameBroker.Unregister(FillName(i)) == NameBrokerStatus.Ok)
                {
                    unregistered++;
                }
            }
            Check("unregister every name", unregistered == registered, unregistered.ToString(), registered.ToString());
            Expect("register after the table emptied", NameBroker.Register(FillName(0), port), NameBrokerStatus.Ok);
            Expect("unregister it", NameBroker.Unregister(FillName(0)), NameBrokerStatus.Ok);
        }

        private static string FillName(int index) => "fill." + index.ToString();

        private static void Unprivileged(string name)
        {
            // Checked first: the port created next takes the lowest free slot, which is this one.
            bool empty = Capabilities.Information(GivenCapabilitySlots.First, out _) == SystemCallError.EmptySlot;
            Check("no register right was given", empty, empty ? "slot 3 empty" : "slot 3 holds a capability", "slot 3 empty");
            long port = Capabilities.CreatePort();
            if (!Check("create a port", port >= 0, port >= 0 ? "ok" : Kernel.DescribeError(port), "ok"))
            {
                return;
            }
            Expect("register through the unbadged send right", NameBroker.Register(name, (uint)port, WellKnownSlots.NameBroker), NameBrokerStatus.NotPermitted);
            Expect("unregister through the unbadged send right", NameBroker.Unregister(name, WellKnownSlots.NameBroker), NameBrokerStatus.NotPermitted);
            Expect("lookup of the name", NameBroker.Lookup(name, LookupSlot), NameBrokerStatus.NotFound);
            Span<BrokerName> names = stackalloc BrokerName[NameBrokerListReply.MaximumNames];
            Expect("list", NameBroker.List(0, names, out _, out _), NameBrokerStatus.Ok);
        }

        private static void Malformed()
        {
            const uint Lookup = (uint)NameBrokerLabel.Lookup;
            Expect("lookup of an empty name", Raw(Lookup, 0, 0x41, 0, 0, 0, 5), NameBrokerStatus.InvalidName);
            Expect("lookup of a 33-byte name", Raw(Lookup, 33, 0x4141414141414141, 0x4141414141414141, 0x4141414141414141, 0x4141414141414141, 5), NameBrokerStatus.InvalidName);
            Expect("lookup of a name with a space", Raw(Lookup, 3, 0x412041, 0, 0, 0, 5), NameBrokerStatus.InvalidName);
            Expect("lookup of a name with bytes past its length", Raw(Lookup, 1, 0x4141, 0, 0, 0, 5), NameBrokerStatus.InvalidName);
            Expect("lookup of a name with a byte above 0x7e", Raw(Lookup, 1, 0x80, 0, 0, 0, 5), NameBrokerStatus.InvalidName);
            Expect("lookup with four words", Raw(Lookup, 1, 0x41, 0, 0, 0, 4), NameBrokerStatus.MalformedRequest);
            Expect("list without a cursor", Raw((uint)NameBrokerLabel.List, 0, 0, 0, 0, 0, 0), NameBrokerStatus.MalformedRequest);
            Expect("list from a cursor past the table", Raw((uint)NameBrokerLabel.List, ulong.MaxValue, 0, 0, 0, 0, 1), NameBrokerStatus.Ok);
            Expect("label 0", Raw(0, 0, 0, 0, 0, 0, 0), NameBrokerStatus.UnknownRequest);
            Expect("label 99", Raw(99, 1, 0x41, 0, 0, 0, 5), NameBrokerStatus.UnknownRequest);

            // A capability where none belongs: refused, and the broker does not keep it.
            long port = Capabilities.CreatePort();
            Message message = Message.Current;
            message.SetWord(0, 1);
            message.SetWord(1, 0x41);
            message.SetWord(2, 0);
            message.SetWord(3, 0);
            message.SetWord(4, 0);
            MessageBuilder builder = message.Build(Lookup, BrokerName.WordCount);
            builder.AddCapability((uint)port, move: false);
            builder.TryGetTag(out MessageTag tag);
            Expect("lookup carrying a capability", StatusOf(Ipc.Call(WellKnownSlots.NameBroker, tag)), NameBrokerStatus.MalformedRequest);
            Expect("register without a register right, carrying a capability", RegisterThroughSlotOne((uint)port), NameBrokerStatus.NotPermitted);

            Expect("a well-formed lookup afterwards", NameBroker.Lookup("still.serving", LookupSlot), NameBrokerStatus.NotFound);
        }

        private static NameBrokerStatus RegisterThroughSlotOne(uint port) => NameBroker.Register("sneaky", port, WellKnownSlots.NameBroker);

        // Sends label and words 0-4 (the first untypedCount of them) to the broker without the client library's checks.
        private static NameBrokerStatus Raw(uint label, ulong word0, ulong word1, ulong word2, ulong word3, ulong word4, int untypedCount)
        {
            Message message = Message.Current;
            message.SetWord(0, word0);
            message.SetWord(1, word1);
            message.SetWord(2, word2);
            message.SetWord(3, word3);
            message.SetWord(4, word4);
            MessageTag.TryCreate(label, untypedCount, 0, MessageTagFlags.None, out MessageTag tag);
            return StatusOf(Ipc.Call(WellKnownSlots.NameBroker, tag));
        }

        private static NameBrokerStatus StatusOf(IpcResult result) =>
            result.Succeeded && result.IsMessage ? (NameBrokerStatus)Message.Current.ReceivedLabel : NameBrokerStatus.BrokerUnreachable;

        private static void Vanish(string name)
        {
            long port = Capabilities.CreatePort();
            if (!Check("create a port", port >= 0, port >= 0 ? "ok" : Kernel.DescribeError(port), "ok"))
            {
                return;
            }
            Expect("register", NameBroker.Register(name, (uint)port), NameBrokerStatus.Ok);
            Expect("lookup", NameBroker.Lookup(name, LookupSlot), NameBrokerStatus.Ok);
            // The task ends without unregistering: its port dies with it, and so must the name.
        }

        private static void Gone(string name)
        {
            Expect("lookup of a name whose server ended", NameBroker.Lookup(name, LookupSlot), NameBrokerStatus.NotFound);
            Check("list does not show the name", !Listed(name), Listed(name) ? "yes" : "no", "no");
        }

        private static void Serve(string name, int count)
        {
            long port = Capabilities.CreatePort();
            if (!Check("create a port", port >= 0, port >= 0 ? "ok" : Kernel.DescribeError(port), "ok"))
            {
                return;
            }
            if (!Expect("register", NameBroker.Register(name, (uint)port), NameBrokerStatus.Ok))
            {
                return;
            }
            Message message = Message.Current;
            int answered = 0;
            for (int i = 0; i < count; i++)
            {
                IpcResult received = Ipc.Receive((uint)port, 10_000_000_000);
                if (!received.Succeeded || message.ReceivedLabel != EchoLabel)
                {
                    break;
                }
                message.SetWord(0, message.Word(0) + 1);
                MessageTag.TryCreate(EchoLabel, 1, 0, MessageTagFlags.None, out MessageTag reply);
                if (Ipc.Reply(reply).Succeeded)
                {
                    answered++;
                }
            }
            Check("answered calls", answered == count, answered.ToString(), count.ToString());
        }

        private static void Call(string name)
        {
            // The server may not have registered yet: try for up to 10 seconds.
            NameBrokerStatus status = NameBrokerStatus.NotFound;
            for (int attempt = 0; attempt < 1000 && status == NameBrokerStatus.NotFound; attempt++)
            {
                status = NameBroker.Lookup(name, LookupSlot);
                if (status == NameBrokerStatus.NotFound)
                {
                    Kernel.Sleep(10_000_000);
                }
            }
            if (!Expect("lookup", status, NameBrokerStatus.Ok))
            {
                return;
            }
            Message message = Message.Current;
            message.SetWord(0, 41);
            MessageTag.TryCreate(EchoLabel, 1, 0, MessageTagFlags.None, out MessageTag tag);
            IpcResult result = Ipc.Call(LookupSlot, tag);
            ulong answer = result.Succeeded ? message.Word(0) : 0;
            Check("call through the looked-up right", result.Succeeded && message.ReceivedLabel == EchoLabel && answer == 42,
                result.Succeeded ? "answer " + answer.ToString() : Kernel.DescribeError(result.Value), "answer 42");
        }

        // Whether any page of the listing has the name.
        private static bool Listed(string name)
        {
            Span<BrokerName> names = stackalloc BrokerName[NameBrokerListReply.MaximumNames];
            ulong cursor = 0;
            for (int pages = 0; pages < 100; pages++)
            {
                if (NameBroker.List(cursor, names, out int count, out cursor) != NameBrokerStatus.Ok)
                {
                    return false;
                }
                for (int i = 0; i < count; i++)
                {
                    if (names[i].Matches(name))
                    {
                        return true;
                    }
                }
                if (cursor == 0)
                {
                    return false;
                }
            }
            return false;
        }

        private static bool Expect(string what, NameBrokerStatus status, NameBrokerStatus expected) =>
            Check(what, status == expected, NameBroker.Describe(status), NameBroker.Describe(expected));

        private static bool Check(string what, bool passed, string result, string expected)
        {
            if (passed)
            {
                Output.Line("broker: " + what + ": " + result);
                return true;
            }
            s_failures++;
            Output.Line("broker: " + what + ": " + result + " FAILED, expected " + expected);
            return false;
        }
    }
}
