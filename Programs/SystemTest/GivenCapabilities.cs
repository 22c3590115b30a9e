using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "given": describes the capabilities the root task gave this task before it started (the run word's "+" suffixes),
    /// one line per slot from <see cref="GivenCapabilitySlots.First"/> up to the first empty one:
    /// "given: slot 3 kind 6 rights 8 badge 0 live", and for an I/O port range whether IoPortsEnable accepts it:
    /// "given: slot 4 enable ok". The last line is "given: N capabilities".
    /// </summary>
    internal static class GivenCapabilities
    {
        public static int Run()
        {
            uint slot = GivenCapabilitySlots.First;
            for (; slot < 32; slot++)
            {
                if (Capabilities.Information(slot, out CapabilityInformation information) != SystemCallError.None)
                {
                    break;
                }
                Output.Line("given: slot " + slot.ToString() + " kind " + ((int)information.Kind).ToString() + " rights " + ((int)information.Rights).ToString()
                    + " badge " + information.Badge.ToString() + (information.IsStale ? " stale" : " live"));
                if (information.Kind == CapabilityKind.IoPortRange)
                {
                    Output.Line("given: slot " + slot.ToString() + " enable " + Kernel.DescribeError((long)IoPorts.Enable(slot)));
                }
            }
            Output.Line("given: " + (slot - GivenCapabilitySlots.First).ToString() + " capabilities");
            return 0;
        }
    }
}
