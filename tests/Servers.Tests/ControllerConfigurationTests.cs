using Cosmos.Drivers.Keyboard.Controller;
using Xunit;

namespace Servers.Tests
{
    public class ControllerConfigurationTests
    {
        [Theory]
        [InlineData(0x00)]
        [InlineData(0x47)]
        [InlineData(0x61)]
        [InlineData(0xFF)]
        [InlineData(0x13)]
        public void SetUpAndRunningKeepTranslationOnAndPort2Off(byte current)
        {
            byte setUp = ControllerConfiguration.DuringSetUp(current);
            Assert.Equal(0, setUp & (ControllerConfiguration.Port1Interrupt | ControllerConfiguration.Port2Interrupt));
            Assert.Equal(ControllerConfiguration.Port2ClockDisabled, setUp & ControllerConfiguration.Port2ClockDisabled);
            Assert.Equal(0, setUp & ControllerConfiguration.Port1ClockDisabled);
            Assert.Equal(0, setUp & ControllerConfiguration.Reserved);
            Assert.True(ControllerConfiguration.Translates(setUp));
            Assert.Equal(current & ControllerConfiguration.SystemFlag, setUp & ControllerConfiguration.SystemFlag);

            byte running = ControllerConfiguration.Running(current);
            Assert.Equal(setUp | ControllerConfiguration.Port1Interrupt, running);
        }

        [Fact]
        public void QemusDefaultBecomesKeyboardOnlyWithItsInterrupt()
        {
            // QEMU's firmware leaves 0x47 (both interrupts, system flag, translation) or 0x65 after disabling the mouse.
            Assert.Equal(0x65, ControllerConfiguration.Running(0x47));
        }
    }
}
