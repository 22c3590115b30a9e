using Cosmos.Drivers.Keyboard.Controller;
using Xunit;

namespace Servers.Tests
{
    public class LedCommandSequenceTests
    {
        private const byte Ack = LedCommandSequence.Acknowledge;

        [Fact]
        public void CommandThenValueEachAfterAnAcknowledgement()
        {
            var leds = new LedCommandSequence();
            Assert.False(leds.Accept(Ack, out _, out _));
            Assert.True(leds.Request(LedCommandSequence.CapsLockLed, out byte first));
            Assert.Equal(LedCommandSequence.SetLedsCommand, first);
            Assert.True(leds.Busy);

            Assert.True(leds.Accept(Ack, out bool send, out byte value));
            Assert.True(send);
            Assert.Equal(LedCommandSequence.CapsLockLed, value);

            Assert.Equal(0, leds.Shown);
            Assert.True(leds.Accept(Ack, out send, out _));
            Assert.False(send);
            Assert.False(leds.Busy);
            Assert.Equal(LedCommandSequence.CapsLockLed, leds.Shown);
            Assert.False(leds.Accept(Ack, out _, out _));
        }

        [Fact]
        public void KeyBytesDuringTheCommandPassToTheDecoder()
        {
            var leds = new LedCommandSequence();
            leds.Request(0, out _);
            Assert.False(leds.Accept(0x1E, out _, out _));
            Assert.False(leds.Accept(0x9E, out _, out _));
            Assert.True(leds.Accept(Ack, out bool send, out byte value));
            Assert.True(send);
            Assert.Equal(0, value);
        }

        [Fact]
        public void AResendRequestRepeatsTheLastByteAFewTimesThenGivesUp()
        {
            var leds = new LedCommandSequence();
            leds.Request(LedCommandSequence.CapsLockLed, out _);
            Assert.True(leds.Accept(LedCommandSequence.Resend, out bool send, out byte value));
            Assert.True(send);
            Assert.Equal(LedCommandSequence.SetLedsCommand, value);
            leds.Accept(Ack, out _, out _);
            for (int i = 0; i < LedCommandSequence.MaximumResends; i++)
            {
                Assert.True(leds.Accept(LedCommandSequence.Resend, out send, out value));
                Assert.True(send);
                Assert.Equal(LedCommandSequence.CapsLockLed, value);
            }

            Assert.True(leds.Accept(LedCommandSequence.Resend, out send, out _));
            Assert.False(send);
            Assert.False(leds.Busy);
            Assert.Equal(1, leds.Abandoned);
        }

        [Fact]
        public void AKeyboardThatNeverAnswersDoesNotWedgeTheSequence()
        {
            var leds = new LedCommandSequence();
            leds.Request(LedCommandSequence.CapsLockLed, out _);
            for (int i = 0; i < LedCommandSequence.MaximumUnrelatedBytes; i++)
            {
                Assert.False(leds.Accept(0x1E, out _, out _));
            }

            Assert.False(leds.Busy);
            Assert.True(leds.Request(0, out byte command));
            Assert.Equal(LedCommandSequence.SetLedsCommand, command);
        }

        [Fact]
        public void ARequestDuringACommandFollowsIt()
        {
            var leds = new LedCommandSequence();
            leds.Request(LedCommandSequence.CapsLockLed, out _);
            Assert.False(leds.Request(0, out _));
            leds.Accept(Ack, out _, out _);
            Assert.True(leds.Accept(Ack, out bool send, out byte next));
            Assert.True(send);
            Assert.Equal(LedCommandSequence.SetLedsCommand, next);
            Assert.True(leds.Accept(Ack, out send, out byte value));
            Assert.True(send);
            Assert.Equal(0, value);
            Assert.True(leds.Accept(Ack, out send, out _));
            Assert.False(send);
            Assert.False(leds.Busy);
        }
    }
}
