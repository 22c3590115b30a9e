namespace Cosmos.Api.Devices
{
    /// <summary>
    /// The PCI driver's protocol (registered as "pci"; docs/ARCHITECTURE.md, section 7). Every request is an IpcCall; the
    /// reply's label is a <see cref="PciStatus"/>. The driver enumerates every bus, device and function once at start-up;
    /// functions are numbered 0 to count − 1 in bus, device, function order.
    /// <list type="bullet">
    /// <item><see cref="Count"/>: reply word 0 the number of functions.</item>
    /// <item><see cref="Function"/>: word 0 the function's number. Reply: the <see cref="FunctionWordCount"/> words of
    /// <see cref="PciFunctionWords"/>.</item>
    /// <item><see cref="FindClass"/>: word 0 class code &lt;&lt; 8 | subclass, word 1 which match (0: the first). Reply: word 0
    /// the function's number, then its words from word 1 on (NotFound when there is no such match).</item>
    /// <item><see cref="EnableBusMastering"/>: word 0 the function's number. Sets the command register's I/O space, memory
    /// space and bus-master bits (what a DMA driver needs). Reply: word 0 the new command register.</item>
    /// </list>
    /// </summary>
    public static class PciProtocol
    {
        public const uint Count = 1;
        public const uint Function = 2;
        public const uint FindClass = 3;
        public const uint EnableBusMastering = 4;

        /// <summary>Words that describe one function (<see cref="PciFunctionWords"/>).</summary>
        public const int FunctionWordCount = 26;
    }

    /// <summary>
    /// The word layout of one PCI function in replies: 0 the address (bus &lt;&lt; 8 | device &lt;&lt; 3 | function), 1 vendor id,
    /// 2 device id, 3 class code &lt;&lt; 16 | subclass &lt;&lt; 8 | programming interface, 4 revision, 5 header type, 6 interrupt
    /// line (0xFF: none), 7 interrupt pin (0: none, 1-4 INTA-INTD), then six base address registers of three words each
    /// from word 8: the base address (I/O port or physical memory), the size in bytes (0: not implemented) and the
    /// <see cref="PciBarFlags"/>. The second half of a 64-bit BAR reads as not implemented.
    /// </summary>
    public static class PciFunctionWords
    {
        public const int Address = 0;
        public const int Vendor = 1;
        public const int Device = 2;
        public const int ClassCode = 3;
        public const int Revision = 4;
        public const int HeaderType = 5;
        public const int InterruptLine = 6;
        public const int InterruptPin = 7;
        public const int FirstBar = 8;
        public const int WordsPerBar = 3;
        public const int BarCount = 6;
    }

    /// <summary>Flags of a base address register in replies.</summary>
    [System.Flags]
    public enum PciBarFlags : ulong
    {
        None = 0,
        /// <summary>An I/O port range (otherwise memory).</summary>
        Io = 1,
        /// <summary>A 64-bit memory BAR (it took two registers).</summary>
        Memory64 = 2,
        Prefetchable = 4,
    }

    /// <summary>The label of the PCI driver's reply.</summary>
    public enum PciStatus : uint
    {
        Ok = 0,
        /// <summary>No function with that number, or no such match.</summary>
        NotFound = 1,
        MalformedRequest = 2,
        UnknownRequest = 3,
        /// <summary>Client side only: the IPC failed and the driver could not be found again.</summary>
        Unreachable = 0x100,
    }
}
