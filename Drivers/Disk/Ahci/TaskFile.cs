namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>A port's PxTFD register: the ATA status and error registers of its device (AHCI 1.3.1, 3.3.8).</summary>
    internal readonly struct TaskFile
    {
        public const byte StatusError = 1 << 0;
        public const byte StatusDataRequest = 1 << 3;
        public const byte StatusDeviceFault = 1 << 5;
        public const byte StatusBusy = 1 << 7;

        public readonly uint Value;

        public TaskFile(uint value) => Value = value;

        public byte Status => (byte)Value;

        public byte Error => (byte)(Value >> 8);

        /// <summary>BSY or DRQ: the device is not ready for a new command (the engine must not be started).</summary>
        public bool Busy => (Status & (StatusBusy | StatusDataRequest)) != 0;

        /// <summary>ERR or DF: the last command failed.</summary>
        public bool Failed => (Status & (StatusError | StatusDeviceFault)) != 0;

        public override string ToString() => "status 0x" + Status.ToString("x2") + " error 0x" + Error.ToString("x2");
    }
}
