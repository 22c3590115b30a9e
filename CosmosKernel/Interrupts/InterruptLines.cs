using System.Runtime.CompilerServices;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Console;
using CosmosKernel.Ipc;
using CosmosKernel.Time;

namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// Hardware interrupts as notifications: the 16 legacy (8259) lines, each bound by InterruptBind to a notification
    /// and the bits to signal on it. When a line fires the kernel masks it, ends the interrupt at the PIC at once and
    /// signals the notification; the line stays masked until its driver calls InterruptAcknowledge, so a
    /// level-triggered device that still asserts its line cannot storm the CPU before the driver has served it.
    /// An InterruptLine capability names line n as object index n, generation 1 (lines are never freed, so such a
    /// capability is never stale). Line 2 is the cascade to the secondary PIC and cannot be bound. A binding is not
    /// undone when the driver's task ends: its notification dies with it, Signal then fails, and the line is unbound
    /// and left masked until someone binds it again.
    /// </summary>
    internal static unsafe class InterruptLines
    {
        /// <summary>The rights the kernel gives with a line: Control (bind, acknowledge) and Grant (pass it on).</summary>
        public const CapabilityRights Rights = CapabilityRights.Control | CapabilityRights.Grant;

        private struct Bindings
        {
            // Per line: the notification (index | generation << 32) and the bits signalled on it.
            public fixed ulong Notification[LegacyPic.LineCount];
            public fixed ulong Bits[LegacyPic.LineCount];
        }

        private static Bindings s_bindings;

        // Bit n set: line n is bound (its Notification and Bits are meaningful).
        private static uint s_bound;

        private static ulong s_spuriousCount;

        /// <summary>The capability the root task receives for legacy line <paramref name="line"/> (0-15).</summary>
        public static Capability CapabilityFor(int line) =>
            new Capability(CapabilityKind.InterruptLine, Rights, new KernelObjectReference((uint)line, 1));

        /// <summary>True when <paramref name="index"/> names a line (the generation check of InterruptLine capabilities: 1 if so, else 0).</summary>
        public static bool IsValidObjectIndex(uint index) => index < LegacyPic.LineCount;

        /// <summary>True when <paramref name="line"/> may be bound: a legacy line other than the cascade.</summary>
        public static bool IsBindable(uint line) => line < LegacyPic.LineCount && line != LegacyPic.CascadeLine;

        /// <summary>Spurious IRQ 7 and 15 seen since boot.</summary>
        public static ulong SpuriousCount => s_spuriousCount;

        /// <summary>
        /// Binds <paramref name="line"/> (<see cref="IsBindable"/>) to <paramref name="notification"/> with non-zero
        /// <paramref name="bits"/>, replacing an earlier binding, and unmasks the line. Cannot fail. Interrupts off.
        /// </summary>
        public static void Bind(int line, KernelObjectReference notification, ulong bits)
        {
            fixed (Bindings* bindings = &s_bindings)
            {
                bindings->Notification[line] = notification.Index | ((ulong)notification.Generation << 32);
                bindings->Bits[line] = bits;
            }
            s_bound |= 1u << line;
            LegacyPic.Unmask(line);
        }

        /// <summary>True when <paramref name="line"/> is bound to a notification.</summary>
        public static bool IsBound(int line) => (s_bound & (1u << line)) != 0;

        /// <summary>Unmasks a bound <paramref name="line"/> again after its driver has served the interrupt. The caller checked <see cref="IsBound"/>. Interrupts off.</summary>
        public static void Acknowledge(int line)
        {
            LegacyPic.Unmask(line);
        }

        /// <summary>
        /// The interrupt of legacy <paramref name="line"/> arrived (from TrapDispatcher, interrupts off): unless it is
        /// spurious, mask the line, end the interrupt and signal the bound notification. May switch threads (the
        /// signal can wake a waiter of higher priority).
        /// </summary>
        public static void OnInterrupt(int line)
        {
            if (LegacyPic.IsSpurious(line))
            {
                s_spuriousCount++;
                return;
            }
            if (line == LegacyPic.CascadeLine)
            {
                // Never raised in cascade mode (the secondary's lines arrive with their own vectors); masking it would
                // silence lines 8-15, so it is only ended.
                LegacyPic.EndOfInterrupt(line);
                return;
            }
            LegacyPic.Mask(line);
            LegacyPic.EndOfInterrupt(line);
            if (!IsBound(line))
            {
                return; // a line raised while being unbound: it stays masked
            }
            KernelObjectReference notification;
            ulong bits;
            fixed (Bindings* bindings = &s_bindings)
            {
                ulong packed = bindings->Notification[line];
                notification = new KernelObjectReference((uint)packed, (uint)(packed >> 32));
                bits = bindings->Bits[line];
            }
            if (!Notifications.Signal(notification, bits))
            {
                DropBinding(line);
            }
        }

        // The bound notification is gone (its owner ended or revoked it): forget the binding, keep the line masked.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void DropBinding(int line)
        {
            s_bound &= ~(1u << line);
            KernelLog.Info("interrupt").Text("line ").Decimal((ulong)line).Text(": its notification is gone; the line stays masked until bound again").End();
        }
    }
}
