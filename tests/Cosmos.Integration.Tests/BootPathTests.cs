using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// Every way the one hybrid ISO is meant to boot: El Torito from a CD with SeaBIOS and with OVMF, and the MBR/GPT
    /// image written to a USB stick, which is how it reaches a real PC.
    /// </summary>
    public sealed class BootPathTests
    {
        public static TheoryData<Firmware, BootMedium, MachineType> BootPaths => new TheoryData<Firmware, BootMedium, MachineType>
        {
            { Firmware.Bios, BootMedium.CdRom, MachineType.Pc },
            { Firmware.Uefi, BootMedium.CdRom, MachineType.Pc },
            { Firmware.Bios, BootMedium.UsbStick, MachineType.Pc },
            { Firmware.Uefi, BootMedium.UsbStick, MachineType.Pc },
            { Firmware.Bios, BootMedium.CdRom, MachineType.Q35 },
        };

        [Theory]
        [MemberData(nameof(BootPaths))]
        public async Task ReachesReady(Firmware firmware, BootMedium medium, MachineType machineType)
        {
            var options = new QemuOptions
            {
                Firmware = firmware,
                BootMedium = medium,
                MachineType = machineType,
            };
            await using QemuMachine machine = await QemuMachine.StartAsync(options);

            await machine.WaitForLineAsync(KernelContract.Banner);
            SerialLine ready = await machine.WaitForLineAsync(KernelContract.Ready);

            Assert.Contains("kernel: ready", ready.Text);
        }
    }
}
