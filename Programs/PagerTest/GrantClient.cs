using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "granter": the client of <see cref="GrantScenario"/>. Writes <see cref="Pattern"/> into its test page, grants the page
    /// to its pager, checks that it no longer holds it (MappingOf), reads it again (a fault: its pager maps it anew) and
    /// exits with 0 when all went as expected.
    /// </summary>
    internal static unsafe class GrantClient
    {
        public static ulong Pattern(ulong word) => 0x6A47_0000_0000_0000UL | word;

        public static int Run()
        {
            const string Mode = "grant: granter";
            ulong* words = (ulong*)Regions.TestRegion;
            for (ulong word = 0; word < UserLayout.PageSize / sizeof(ulong); word++)
            {
                words[word] = Pattern(word);
            }
            long before = AddressSpace.MappingOf(Regions.TestRegion, out _);
            Flexpage.TryCreate(Regions.TestRegion, Flexpage.MinimumSizeLog2, FlexpageRights.Read | FlexpageRights.Write, out Flexpage page);
            FlexpageItem.TryCreate(page, 0, true, out FlexpageItem item);
            Message message = Message.Current;
            message.SetWord(0, Regions.TestRegion);
            message.SetWord(1, item.FirstWord);
            message.SetWord(2, item.SecondWord);
            IpcResult result = Ipc.Call(WellKnownSlots.Pager, Tags.Of(PagerControlProtocol.Grant, 1, 1));
            uint label = message.ReceivedLabel;
            long after = AddressSpace.MappingOf(Regions.TestRegion, out _);
            ulong first = words[0]; // faults: the page left with the grant
            long again = AddressSpace.MappingOf(Regions.TestRegion, out _);
            Output.Line(Mode + ": mapped with rights " + before.ToString() + " before the grant, " + after.ToString() + " after it, "
                + again.ToString() + " after touching it again; grant " + Output.Error(result.Value) + " label " + label.ToString()
                + "; first word now " + Output.Hex(first));
            return result.IsMessage && label == PagerControlProtocol.SuccessLabel && before > 0 && after == 0 && again > 0 ? 0 : 1;
        }
    }
}
