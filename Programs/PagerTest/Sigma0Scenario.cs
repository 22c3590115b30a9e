using Cosmos.Api;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "sigma0" (run=pagertest:sigma0+sigma0+device=0xFED00000/12): sigma0's refusals. Through the memory port (slot 3): a
    /// frame given once is AlreadyGiven the second time (even to the same requester), and given again after its release;
    /// a non-RAM address is NotRam. Through a device port limited to one range (slot 4): a block outside the range is
    /// NotAuthorized, the range itself is mapped.
    /// </summary>
    internal static class Sigma0Scenario
    {
        public const ulong DeviceBase = 0xFED0_0000;
        public const int DeviceSizeLog2 = 12;

        private const ulong PageSize = UserLayout.PageSize;

        public static int Run()
        {
            const string Mode = "sigma0";
            uint memory = GivenCapabilitySlots.First;
            uint device = GivenCapabilitySlots.First + 1;
            string failure = null;

            Sigma0Status first = Sigma0Client.AllocateAny(memory, 12, Regions.Sigma0Window, out ulong physical);
            Sigma0Status second = Sigma0Client.AllocatePhysical(memory, physical, 12, Regions.Sigma0Window + PageSize);
            Output.Line(Mode + ": allocate any: " + Sigma0StatusNames.Of(first) + " (frame " + Output.Hex(physical) + "); the same frame again: " + Sigma0StatusNames.Of(second));
            Check(ref failure, "a frame given twice", second, Sigma0Status.AlreadyGiven, first == Sigma0Status.Success);

            Sigma0Status released = Sigma0Client.Release(memory, physical, 12);
            Sigma0Status again = Sigma0Client.AllocatePhysical(memory, physical, 12, Regions.Sigma0Window + 2 * PageSize);
            Output.Line(Mode + ": release: " + Sigma0StatusNames.Of(released) + "; the frame after its release: " + Sigma0StatusNames.Of(again));
            Check(ref failure, "a released frame asked for again", again, Sigma0Status.Success, released == Sigma0Status.Success);

            Sigma0Status notRam = Sigma0Client.AllocatePhysical(memory, DeviceBase, 12, Regions.Sigma0Window + 3 * PageSize);
            Output.Line(Mode + ": device memory through the memory port: " + Sigma0StatusNames.Of(notRam));
            Check(ref failure, "device memory through the memory port", notRam, Sigma0Status.NotRam, true);

            Sigma0Status outside = Sigma0Client.MapDevice(device, DeviceBase + PageSize, DeviceSizeLog2, Regions.Sigma0Window + 4 * PageSize);
            Sigma0Status inside = Sigma0Client.MapDevice(device, DeviceBase, DeviceSizeLog2, Regions.Sigma0Window + 5 * PageSize);
            long rights = AddressSpace.MappingOf(Regions.Sigma0Window + 5 * PageSize, out ulong frame);
            Output.Line(Mode + ": device block outside the capability's range: " + Sigma0StatusNames.Of(outside) + "; inside: " + Sigma0StatusNames.Of(inside)
                + " (mapped with rights " + rights.ToString() + ", frame " + Output.Hex(frame) + ")");
            Check(ref failure, "a device block outside the allowed range", outside, Sigma0Status.NotAuthorized, true);
            Check(ref failure, "the allowed device block", inside, Sigma0Status.Success, true);
            if (failure == null && frame != DeviceBase)
            {
                failure = "the device block is not mapped at its frame";
            }
            return Output.Verdict(Mode, failure);
        }

        private static void Check(ref string failure, string what, Sigma0Status actual, Sigma0Status expected, bool precondition)
        {
            if (failure != null)
            {
                return;
            }
            if (!precondition)
            {
                failure = what + ": the request before it failed";
            }
            else if (actual != expected)
            {
                failure = what + ": " + Sigma0StatusNames.Of(actual) + ", expected " + Sigma0StatusNames.Of(expected);
            }
        }
    }
}
