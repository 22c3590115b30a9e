using System.Text.RegularExpressions;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The serial-output contract of the name broker (Servers/NameBroker), of the root task's capability hand-out and
    /// broker start (Servers/RootTask/CapabilityHandOut.cs, NameBrokerBoot.cs), and of systest's "broker" and "given"
    /// modes (Programs/SystemTest/NameBrokerScenarios.cs, GivenCapabilities.cs); a change to either side must change both.
    /// </summary>
    internal static class NameBrokerContract
    {
        private const string Id = @"\d+\.\d+";
        private const RegexOptions Options = RegexOptions.CultureInvariant;

        /// <summary>The root task started the broker: "roottask: started the name broker, task 1.1, receiving in its slot 3".</summary>
        public static readonly Regex BrokerStarted = new Regex($@"^roottask: started the name broker, task (?<task>{Id}), receiving in its slot (?<slot>\d+)$", Options);

        /// <summary>The root task could not start the broker: "roottask: no name broker: cannot create its port: unknown call".</summary>
        public static readonly Regex NoBroker = new Regex(@"^roottask: no name broker: (?<why>.+)$", Options);

        /// <summary>The broker is ready: "namebroker: serving on slot 3, 64 entries".</summary>
        public static readonly Regex BrokerServing = new Regex(@"^namebroker: serving on slot (?<slot>\d+), (?<entries>\d+) entries$", Options);

        /// <summary>Any line of the broker's that reports an error or a failed exchange.</summary>
        public static readonly Regex BrokerTrouble = new Regex(@"^namebroker: (error|an exchange failed)", Options);

        /// <summary>
        /// One capability the root task gave before a program's first thread ran: "roottask: gave task 1.2 interrupt line 1 in
        /// slot 3", "... I/O ports 0x60-0x64 in slot 4", "... a register right at the name broker (badge 3) in slot 5".
        /// </summary>
        public static readonly Regex CapabilityGiven = new Regex($@"^roottask: gave task (?<task>{Id}) (?<what>.+) in slot (?<slot>\d+)$", Options);

        /// <summary>A capability the root task could not give (the program is then not started): "roottask: cannot give task 1.2 interrupt line 1: empty slot".</summary>
        public static readonly Regex CapabilityNotGiven = new Regex($@"^roottask: cannot give task (?<task>{Id}) (?<what>.+): (?<error>.+)$", Options);

        /// <summary>One check of systest broker: "broker: lookup: ok" or "broker: lookup: not found FAILED, expected ok".</summary>
        public static readonly Regex Check = new Regex(@"^broker: (?<what>.+?): (?<result>.+?)(?<failed> FAILED, expected (?<expected>.+))?$", Options);

        /// <summary>A failed check of systest broker (anywhere in the line).</summary>
        public static readonly Regex CheckFailed = new Regex(@"^broker: .* FAILED, expected ", Options);

        /// <summary>The verdict of systest broker: "broker: basic passed" or "broker: basic failed 2 checks".</summary>
        public static readonly Regex Verdict = new Regex(@"^broker: (?<scenario>\S+) (?<verdict>passed|failed \d+ checks)$", Options);

        /// <summary>systest given, one slot: "given: slot 3 kind 6 rights 8 badge 0 live".</summary>
        public static readonly Regex GivenSlot = new Regex(@"^given: slot (?<slot>\d+) kind (?<kind>\d+) rights (?<rights>\d+) badge (?<badge>\d+) (?<state>live|stale)$", Options);

        /// <summary>systest given, IoPortsEnable on a given range: "given: slot 4 enable ok".</summary>
        public static readonly Regex GivenEnable = new Regex(@"^given: slot (?<slot>\d+) enable (?<result>.+)$", Options);

        /// <summary>systest given's count: "given: 3 capabilities".</summary>
        public static readonly Regex GivenCount = new Regex(@"^given: (?<count>\d+) capabilities$", Options);

        // Cosmos.Api.Ipc.CapabilityKind and CapabilityRights values as systest given prints them.
        public const int PortKind = 1;
        public const int InterruptLineKind = 6;
        public const int IoPortRangeKind = 7;
        public const int SendRight = 2;
        public const int ControlRight = 8;
    }
}
