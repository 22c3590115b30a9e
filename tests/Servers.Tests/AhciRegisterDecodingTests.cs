using Cosmos.Drivers.Disk.Ahci;
using Xunit;

namespace Servers.Tests
{
    /// <summary>The AHCI back end's register decoding: CAP/CAP2, PxSSTS, PxTFD, PxSIG, register offsets, the ABAR's mapping block.</summary>
    public class AhciRegisterDecodingTests
    {
        [Fact]
        public void DecodesQemuIch9Capabilities()
        {
            // QEMU's ICH9 AHCI: CAP 0xC0141F05 (64-bit, NCQ, AHCI only, gen 1, 32 slots, 6 ports), CAP2 0.
            HostCapabilities capabilities = new HostCapabilities(0xC0141F05, 0);

            Assert.Equal(6, capabilities.PortCount);
            Assert.Equal(32, capabilities.CommandSlots);
            Assert.True(capabilities.Addresses64Bit);
            Assert.True(capabilities.NativeCommandQueueing);
            Assert.True(capabilities.AhciOnly);
            Assert.Equal(1, capabilities.InterfaceSpeed);
            Assert.False(capabilities.StaggeredSpinUp);
            Assert.False(capabilities.CommandListOverride);
            Assert.False(capabilities.BiosHandoff);
            Assert.True(capabilities.CanReach(1UL << 40));
        }

        [Fact]
        public void DecodesStaggeredSpinUpHandoffAnd32BitLimit()
        {
            HostCapabilities capabilities = new HostCapabilities((1u << 27) | (1u << 24) | 0x3, HostRegisters.HandoffSupported);

            Assert.Equal(4, capabilities.PortCount);
            Assert.Equal(1, capabilities.CommandSlots);
            Assert.True(capabilities.StaggeredSpinUp);
            Assert.True(capabilities.CommandListOverride);
            Assert.True(capabilities.BiosHandoff);
            Assert.False(capabilities.Addresses64Bit);
            Assert.True(capabilities.CanReach(1UL << 32));
            Assert.False(capabilities.CanReach((1UL << 32) + 1));
        }

        [Fact]
        public void DecodesSataStatus()
        {
            SataStatus up = new SataStatus(0x113);
            Assert.Equal(3, up.Detection);
            Assert.Equal(1, up.Speed);
            Assert.Equal(1, up.PowerState);
            Assert.True(up.DeviceReady);

            Assert.False(new SataStatus(0).DeviceReady);
            Assert.False(new SataStatus(0x001).DeviceReady);
            Assert.False(new SataStatus(0x004).DeviceReady);
        }

        [Fact]
        public void DecodesTaskFile()
        {
            TaskFile ready = new TaskFile(0x0050);
            Assert.False(ready.Busy);
            Assert.False(ready.Failed);

            Assert.True(new TaskFile(0x0080).Busy);
            Assert.True(new TaskFile(0x0058).Busy);
            TaskFile failed = new TaskFile(0x0451);
            Assert.True(failed.Failed);
            Assert.Equal(0x51, failed.Status);
            Assert.Equal(0x04, failed.Error);
            Assert.Equal("status 0x51 error 0x04", failed.ToString());
            Assert.True(new TaskFile(0x0070).Failed);
        }

        [Theory]
        [InlineData(0x00000101u, (int)DeviceKind.Sata)]
        [InlineData(0xEB140101u, (int)DeviceKind.Atapi)]
        [InlineData(0xC33C0101u, (int)DeviceKind.EnclosureBridge)]
        [InlineData(0x96690101u, (int)DeviceKind.PortMultiplier)]
        [InlineData(0xFFFFFFFFu, (int)DeviceKind.Unknown)]
        [InlineData(0x00000000u, (int)DeviceKind.Unknown)]
        public void ClassifiesSignatures(uint signature, int kind)
        {
            Assert.Equal((DeviceKind)kind, DeviceSignature.Classify(signature));
        }

        [Fact]
        public void PortRegistersFollowTheHostRegisters()
        {
            Assert.Equal(0x100, HostRegisters.PortRegister(0, PortRegisters.CommandListBase));
            Assert.Equal(0x118, HostRegisters.PortRegister(0, PortRegisters.Command));
            Assert.Equal(0x1B8, HostRegisters.PortRegister(1, PortRegisters.CommandIssue));
            Assert.Equal(0x2A4, HostRegisters.PortRegister(3, PortRegisters.Signature));
            Assert.Equal(0x10FC, HostRegisters.PortRegister(31, 0x7C));
        }

        [Fact]
        public void ErrorInterruptsAreAllEnabled()
        {
            Assert.Equal(PortRegisters.InterruptErrors, PortRegisters.InterruptsEnabled & PortRegisters.InterruptErrors);
            Assert.NotEqual(0u, PortRegisters.InterruptsEnabled & PortRegisters.InterruptDeviceToHostRegister);
            Assert.NotEqual(0u, PortRegisters.InterruptsEnabled & PortRegisters.InterruptPioSetup);
        }

        [Fact]
        public void RegisterBlockCoversAPageAlignedAbarExactly()
        {
            Assert.True(RegisterBlock.TryCover(0xFEBD_5000, 0x1000, out RegisterBlock block));
            Assert.Equal(0xFEBD_5000UL, block.Base);
            Assert.Equal(12, block.SizeLog2);
            Assert.Equal(0UL, block.Offset);
        }

        [Fact]
        public void RegisterBlockCoversASmallAbarInsideItsPage()
        {
            Assert.True(RegisterBlock.TryCover(0xF7E1_A800, 0x800, out RegisterBlock block));
            Assert.Equal(0xF7E1_A000UL, block.Base);
            Assert.Equal(12, block.SizeLog2);
            Assert.Equal(0x800UL, block.Offset);
        }

        [Fact]
        public void RegisterBlockGrowsForALargeAbarAndRefusesEmptyOnes()
        {
            Assert.True(RegisterBlock.TryCover(0xFE00_2000, 0x2000, out RegisterBlock block));
            Assert.Equal(0xFE00_2000UL, block.Base);
            Assert.Equal(13, block.SizeLog2);

            // 0x3000-0x4FFF straddles the 8 KiB and 16 KiB boundaries: it needs the aligned 32 KiB block.
            Assert.True(RegisterBlock.TryCover(0x3000, 0x2000, out block));
            Assert.Equal(0UL, block.Base);
            Assert.Equal(15, block.SizeLog2);
            Assert.Equal(0x3000UL, block.Offset);

            Assert.False(RegisterBlock.TryCover(0, 0x1000, out _));
            Assert.False(RegisterBlock.TryCover(0xFEBD_5000, 0, out _));
            Assert.False(RegisterBlock.TryCover(0xF000_0000, 1UL << 23, out _));
        }

        [Theory]
        [InlineData(0x01, 0x06, 0x01, true)]
        [InlineData(0x01, 0x04, 0x00, true)]
        [InlineData(0x01, 0x06, 0x00, false)]
        [InlineData(0x01, 0x01, 0x80, false)]
        [InlineData(0x02, 0x06, 0x01, false)]
        public void AcceptsAhciAndRaidControllersOnly(byte baseClass, byte subClass, byte programmingInterface, bool accepted)
        {
            Assert.Equal(accepted, AhciClassCode.Accepts(baseClass, subClass, programmingInterface));
        }
    }
}
