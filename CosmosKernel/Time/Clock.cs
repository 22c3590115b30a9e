using CosmosKernel.Platform;

namespace CosmosKernel.Time
{
    /// <summary>
    /// The monotonic uptime clock: the time-stamp counter, calibrated at boot against the PIT, converted to
    /// nanoseconds since <see cref="Calibrate"/>. (Under QEMU TCG the guest TSC follows the host's, so it is
    /// wall time; on real CPUs it is the invariant TSC.) Also calibrates the local APIC timer in the same
    /// measurement window.
    /// </summary>
    internal static class Clock
    {
        public const ulong NanosecondsPerSecond = 1_000_000_000;

        /// <summary>The calibration window: 20 ms of PIT ticks (fits the PIT's 16-bit counter; the error is a few parts per million).</summary>
        private const ushort CalibrationPitTicks = 23864;

        private static ulong s_tscHz;
        private static ulong s_bootTsc;

        public static ulong TimestampFrequencyHz => s_tscHz;

        /// <summary>The TSC value at uptime zero.</summary>
        public static ulong BootTimestamp => s_bootTsc;

        /// <summary>Measures the TSC and (when <paramref name="withLocalApic"/>) the APIC timer against the PIT; uptime starts now.</summary>
        public static void Calibrate(bool withLocalApic)
        {
            ulong start = Native.ReadTimestampCounter();
            ulong apicTicks = withLocalApic ? LocalApic.MeasureTimerTicks(CalibrationPitTicks) : MeasurePitOnly();
            ulong end = Native.ReadTimestampCounter();
            s_tscHz = ScaleToOneSecond(end - start);
            if (withLocalApic)
            {
                LocalApic.SetTimerFrequency(ScaleToOneSecond(apicTicks));
            }
            s_bootTsc = Native.ReadTimestampCounter();
        }

        /// <summary>Nanoseconds since calibration.</summary>
        public static ulong UptimeNanoseconds => CyclesToNanoseconds(Native.ReadTimestampCounter() - s_bootTsc);

        public static ulong ReadTimestamp() => Native.ReadTimestampCounter();

        /// <summary>The uptime <paramref name="nanoseconds"/> from now; ulong.MaxValue ("never") when that overflows or is asked for.</summary>
        public static ulong DeadlineAfter(ulong nanoseconds)
        {
            ulong now = UptimeNanoseconds;
            return nanoseconds == ulong.MaxValue || now + nanoseconds < now ? ulong.MaxValue : now + nanoseconds;
        }

        /// <summary>Converts TSC cycles to nanoseconds without overflowing for any uptime below centuries.</summary>
        public static ulong CyclesToNanoseconds(ulong cycles)
        {
            if (s_tscHz == 0)
            {
                return 0;
            }
            ulong seconds = cycles / s_tscHz;
            ulong remainder = cycles % s_tscHz;
            return seconds * NanosecondsPerSecond + remainder * NanosecondsPerSecond / s_tscHz;
        }

        private static ulong MeasurePitOnly()
        {
            ProgrammableIntervalTimer.StartOneShot(CalibrationPitTicks);
            while (!ProgrammableIntervalTimer.HasExpired())
            {
            }
            return 0;
        }

        // count events took CalibrationPitTicks PIT ticks: events per second.
        private static ulong ScaleToOneSecond(ulong count) => count * ProgrammableIntervalTimer.FrequencyHz / CalibrationPitTicks;
    }
}
