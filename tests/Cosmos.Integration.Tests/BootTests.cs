using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>The default boot (SeaBIOS, CD-ROM, 256 MiB): banner, ready line, free memory.</summary>
    public sealed class BootTests
    {
        [Fact]
        public async Task BootsToReadyAfterNamingTheKernelAndItsVersion()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync();

            SerialLine banner = await machine.WaitForLineAsync(KernelContract.Banner);
            // Waits continue after the previous match, so finding the ready line now also proves it came after the banner.
            SerialLine ready = await machine.WaitForLineAsync(KernelContract.Ready);

            Assert.True(banner.Number < ready.Number);
            MachineAssert.True(machine, !machine.Output.Text.Contains("panic:"), "A plain boot must not panic.");
        }

        [Fact]
        public async Task ReadyLineReportsFreeMemoryWithinTheMachinesMemory()
        {
            const int MachineMebibytes = 256;
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions { MemoryMiB = MachineMebibytes });

            SerialLine ready = await machine.WaitForLineAsync(KernelContract.Ready);
            int free = KernelContract.ReadFreeMebibytes(machine, ready);

            MachineAssert.True(
                machine,
                free > 0 && free <= MachineMebibytes,
                $"Free memory {free} MiB is not within 1..{MachineMebibytes} MiB of a {MachineMebibytes} MiB machine.");
        }

        [Fact]
        public async Task FreeMemoryFollowsTheMachinesMemory()
        {
            // A figure that is computed from the firmware's memory map grows by about the memory added; a constant does not.
            int freeSmall = await BootAndReadFreeMebibytesAsync(128);
            int freeLarge = await BootAndReadFreeMebibytesAsync(512);

            int difference = freeLarge - freeSmall;
            Assert.True(
                difference >= 256 && difference <= 384,
                $"Going from 128 MiB to 512 MiB of machine memory changed the reported free memory from {freeSmall} MiB to " +
                $"{freeLarge} MiB ({difference} MiB); expected an increase between 256 and 384 MiB.");
        }

        private static async Task<int> BootAndReadFreeMebibytesAsync(int machineMebibytes)
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions { MemoryMiB = machineMebibytes });
            SerialLine ready = await machine.WaitForLineAsync(KernelContract.Ready);
            return KernelContract.ReadFreeMebibytes(machine, ready);
        }
    }
}
