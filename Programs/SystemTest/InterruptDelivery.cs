using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "irq [COUNT] [HZ]": the PIT (8254 channel 0, IRQ 0, ports 0x40-0x43) driven from ring 3 through capabilities the
    /// root task gives with the run word "run=systest:irq+irq=0+io=0x40-0x43+irq=2" (slots GivenCapabilitySlots.First + 0,
    /// 1, 2). First the refusals: a line acknowledged before it is bound, an empty slot, a slot of the wrong kind, a
    /// notification without Send, the cascade line 2, zero bits, a derived range outside its source, a ninth enabled
    /// range (a task holds at most 8). Then it derives and enables the PIT's ports, programs channel 0 as a rate
    /// generator at HZ (default 1000), binds line 0 to a new notification, and waits COUNT times (default 200),
    /// acknowledging each interrupt, and prints the count and the rate the uptime clock measured. Last, the line must stay
    /// masked until acknowledged, and a binding whose notification was deleted must be dropped at the next interrupt
    /// and can be replaced. The kernel uses the local APIC timer; the PIT is free after boot calibration.
    /// </summary>
    internal static class InterruptDelivery
    {
        private const uint LineSlot = GivenCapabilitySlots.First;
        private const uint PortsSlot = GivenCapabilitySlots.First + 1;
        private const uint CascadeSlot = GivenCapabilitySlots.First + 2;
        private const uint EmptySlot = 200;
        private const ulong TimerBit = 1;

        private const ushort Channel0Data = 0x40;
        private const ushort ModeCommand = 0x43;
        private const byte Channel0RateGeneratorBinary = 0x34; // channel 0, low then high byte, mode 2, binary
        private const byte Channel0OneShotBinary = 0x30;       // channel 0, low then high byte, mode 0: counts down once, then stays quiet
        private const ulong PitFrequencyHz = 1193182;

        private static int s_passed;
        private static int s_total;

        public static int Run(string[] arguments)
        {
            int count = Output.Number(arguments, 2, 200);
            int hertz = Output.Number(arguments, 3, 1000);
            if (count < 2 || hertz < 19 || hertz > 10000)
            {
                Output.Line("irq: usage: irq [COUNT >= 2] [HZ 19-10000]");
                return 2;
            }

            long notification = Capabilities.CreateNotification();
            if (notification < 0)
            {
                Output.Line("irq: cannot create a notification: " + Describe(notification));
                return 1;
            }
            uint notificationSlot = (uint)notification;
            long receiveOnly = Capabilities.Copy(notificationSlot, 0, CapabilityRights.Receive);

            Check("acknowledge before binding", (long)Interrupts.Acknowledge(LineSlot), SystemCallError.WrongState);
            Check("bind an empty line slot", (long)Interrupts.Bind(EmptySlot, notificationSlot, TimerBit), SystemCallError.EmptySlot);
            Check("bind a notification as the line", (long)Interrupts.Bind(notificationSlot, notificationSlot, TimerBit), SystemCallError.WrongKind);
            Check("bind to a port range instead of a notification", (long)Interrupts.Bind(LineSlot, PortsSlot, TimerBit), SystemCallError.WrongKind);
            Check("bind to a notification without Send", receiveOnly < 0 ? receiveOnly : (long)Interrupts.Bind(LineSlot, (uint)receiveOnly, TimerBit), SystemCallError.InsufficientRights);
            Check("bind the cascade line 2", (long)Interrupts.Bind(CascadeSlot, notificationSlot, TimerBit), SystemCallError.InvalidArgument);
            Check("bind with zero bits", (long)Interrupts.Bind(LineSlot, notificationSlot, 0), SystemCallError.InvalidArgument);
            Check("derive ports outside the range", IoPorts.Derive(PortsSlot, 0x3F, 2), SystemCallError.InvalidArgument);
            Check("derive no ports", IoPorts.Derive(PortsSlot, 0x40, 0), SystemCallError.InvalidArgument);
            Check("enable ports with a line capability", (long)IoPorts.Enable(LineSlot), SystemCallError.WrongKind);

            // Channel 0's data port and the mode register, as two derived single-port ranges.
            long dataPort = IoPorts.Derive(PortsSlot, Channel0Data, 1);
            long modePort = IoPorts.Derive(PortsSlot, ModeCommand, 1);
            Check("derive port 0x40", dataPort < 0 ? dataPort : 0, SystemCallError.None);
            Check("derive port 0x43", modePort < 0 ? modePort : 0, SystemCallError.None);
            Check("enable port 0x40", dataPort < 0 ? dataPort : (long)IoPorts.Enable((uint)dataPort), SystemCallError.None);
            Check("enable port 0x43", modePort < 0 ? modePort : (long)IoPorts.Enable((uint)modePort), SystemCallError.None);
            Check("enable a ninth range", EnableUntilTheLimit(), SystemCallError.LimitReached);
            if (s_passed != s_total)
            {
                return Verdict(1);
            }

            ushort divisor = (ushort)(PitFrequencyHz / (ulong)hertz);
            PortIo.OutByte(ModeCommand, Channel0RateGeneratorBinary);
            PortIo.OutByte(Channel0Data, (byte)divisor);
            PortIo.OutByte(Channel0Data, (byte)(divisor >> 8));
            SystemCallError bound = Interrupts.Bind(LineSlot, notificationSlot, TimerBit);
            if (bound != SystemCallError.None)
            {
                Output.Line("irq: bind line 0 failed: " + Describe((long)bound));
                return Verdict(1);
            }

            int received = 0;
            int otherBits = 0;
            ulong first = 0;
            ulong last = 0;
            for (int i = 0; i < count; i++)
            {
                IpcResult result = NotificationCalls.Wait(notificationSlot, IpcTimeout.Infinite, out ulong bits);
                ulong now = Kernel.Uptime();
                if (!result.Succeeded || !result.IsNotification)
                {
                    Output.Line("irq: wait " + i.ToString() + " failed: " + Describe(result.Value));
                    break;
                }
                if (bits != TimerBit)
                {
                    otherBits++;
                }
                if (received == 0)
                {
                    first = now;
                }
                last = now;
                received++;
                SystemCallError acknowledged = Interrupts.Acknowledge(LineSlot);
                if (acknowledged != SystemCallError.None)
                {
                    Output.Line("irq: acknowledge failed: " + Describe((long)acknowledged));
                    break;
                }
            }

            ulong elapsed = last - first;
            ulong rate = elapsed == 0 ? 0 : (ulong)(received - 1) * 1000000000UL / elapsed;
            Output.Line("irq: received " + received.ToString() + " of " + count.ToString() + " interrupts, " + otherBits.ToString() +
                " with other bits, in " + (elapsed / 1000).ToString() + " us: " + rate.ToString() + " Hz (programmed " + hertz.ToString() + " Hz)");
            if (received == count)
            {
                CheckMaskingAndLostNotification(notificationSlot, (uint)receiveOnly);
            }

            // Quiet the PIT again: a one-shot count that ends and stays ended.
            PortIo.OutByte(ModeCommand, Channel0OneShotBinary);
            PortIo.OutByte(Channel0Data, 0xFF);
            PortIo.OutByte(Channel0Data, 0xFF);
            return Verdict(received == count && otherBits == 0 ? 0 : 1);
        }

        // With the PIT still running and line 0 acknowledged: a fired line stays masked until acknowledged; a binding
        // whose notification is gone is dropped by the kernel at the next interrupt (the line is then not bound:
        // WrongState), and binding a new notification brings the interrupts back.
        private static void CheckMaskingAndLostNotification(uint notificationSlot, uint receiveOnlySlot)
        {
            const ulong TwentyMilliseconds = 20000000;
            const ulong OneSecond = 1000000000;
            Check("an interrupt after acknowledging", NotificationCalls.Wait(notificationSlot, OneSecond, out _).Value, (long)IpcStatus.Notification);
            Check("no interrupt while not acknowledged", NotificationCalls.Wait(notificationSlot, TwentyMilliseconds, out _).Value, (long)SystemCallError.TimedOut);

            // Both receive rights gone: the notification is destroyed. Then unmask: the next interrupt finds it gone.
            Check("delete the notification", (long)Capabilities.Delete(notificationSlot), 0L);
            Check("delete its receive-only copy", (long)Capabilities.Delete(receiveOnlySlot), 0L);
            Check("acknowledge with the notification gone", (long)Interrupts.Acknowledge(LineSlot), 0L);
            Kernel.Sleep(TwentyMilliseconds);
            Check("acknowledge after the kernel dropped the binding", (long)Interrupts.Acknowledge(LineSlot), (long)SystemCallError.WrongState);

            long notification = Capabilities.CreateNotification();
            Check("create a new notification", notification < 0 ? notification : 0, 0L);
            if (notification >= 0)
            {
                Check("bind line 0 again", (long)Interrupts.Bind(LineSlot, (uint)notification, TimerBit), 0L);
                Check("an interrupt after binding again", NotificationCalls.Wait((uint)notification, OneSecond, out _).Value, (long)IpcStatus.Notification);
            }
        }

        private static int Verdict(int code)
        {
            Output.Line("irq: " + s_passed.ToString() + " of " + s_total.ToString() + " checks passed");
            return s_passed == s_total ? code : 1;
        }

        // A task holds at most 8 enabled ranges. With 0x40 and 0x43 enabled, six more ranges inside 0x40-0x43 that no
        // enabled one covers fill the eight; the ninth is refused. Returns the first failure, or the ninth's result.
        private static long EnableUntilTheLimit()
        {
            long result = 0;
            for (int i = 0; i < s_rangesToTheLimit.Length / 2 && result >= 0; i++)
            {
                result = IoPorts.Derive(PortsSlot, s_rangesToTheLimit[2 * i], s_rangesToTheLimit[2 * i + 1]);
                if (result >= 0)
                {
                    result = (long)IoPorts.Enable((uint)result);
                }
            }
            return result;
        }

        // (first, count) pairs: 0x41, 0x42, then 0x40-0x41, 0x41-0x42, 0x42-0x43, 0x40-0x42 (ranges 3-8), then 0x41-0x43 (the ninth).
        private static readonly ushort[] s_rangesToTheLimit = new ushort[] { 0x41, 1, 0x42, 1, 0x40, 2, 0x41, 2, 0x42, 2, 0x40, 3, 0x41, 3 };

        private static void Check(string what, long result, SystemCallError expected) => Check(what, result, (long)expected);

        private static void Check(string what, long result, long expected)
        {
            s_total++;
            bool passed = result == expected;
            if (passed)
            {
                s_passed++;
            }
            Output.Line("irq: check " + what + ": " + Describe(result) + " (" + result.ToString() + ")" +
                (passed ? "" : " FAILED, expected " + Describe(expected) + " (" + expected.ToString() + ")"));
        }

        private static string Describe(long result)
        {
            switch ((SystemCallError)result)
            {
                case SystemCallError.InvalidSlot: return "invalid slot";
                case SystemCallError.EmptySlot: return "empty slot";
                case SystemCallError.WrongKind: return "wrong kind";
                case SystemCallError.InsufficientRights: return "insufficient rights";
                case SystemCallError.StaleCapability: return "stale capability";
                default: return Kernel.DescribeError(result);
            }
        }
    }
}
