using System;

namespace Cosmos.Api.Devices
{
    /// <summary>One PCI function as the PCI driver describes it (<see cref="PciFunctionWords"/>).</summary>
    public struct PciFunction
    {
        public ushort Address;
        public ushort Vendor;
        public ushort Device;
        public uint ClassCode;
        public byte Revision;
        public byte HeaderType;
        public byte InterruptLine;
        public byte InterruptPin;
        public PciBar Bar0;
        public PciBar Bar1;
        public PciBar Bar2;
        public PciBar Bar3;
        public PciBar Bar4;
        public PciBar Bar5;

        public int Bus => Address >> 8;
        public int DeviceNumber => (Address >> 3) & 0x1F;
        public int FunctionNumber => Address & 7;
        public byte BaseClass => (byte)(ClassCode >> 16);
        public byte SubClass => (byte)(ClassCode >> 8);
        public byte ProgrammingInterface => (byte)ClassCode;

        /// <summary>Base address register <paramref name="index"/> (0-5).</summary>
        public PciBar Bar(int index) => index switch
        {
            0 => Bar0,
            1 => Bar1,
            2 => Bar2,
            3 => Bar3,
            4 => Bar4,
            _ => Bar5,
        };

        /// <summary>Sets base address register <paramref name="index"/> (0-5).</summary>
        public void SetBar(int index, PciBar bar)
        {
            switch (index)
            {
                case 0: Bar0 = bar; break;
                case 1: Bar1 = bar; break;
                case 2: Bar2 = bar; break;
                case 3: Bar3 = bar; break;
                case 4: Bar4 = bar; break;
                default: Bar5 = bar; break;
            }
        }

        public void Encode(Span<ulong> words)
        {
            words[PciFunctionWords.Address] = Address;
            words[PciFunctionWords.Vendor] = Vendor;
            words[PciFunctionWords.Device] = Device;
            words[PciFunctionWords.ClassCode] = ClassCode;
            words[PciFunctionWords.Revision] = Revision;
            words[PciFunctionWords.HeaderType] = HeaderType;
            words[PciFunctionWords.InterruptLine] = InterruptLine;
            words[PciFunctionWords.InterruptPin] = InterruptPin;
            for (int i = 0; i < PciFunctionWords.BarCount; i++)
            {
                PciBar bar = Bar(i);
                int first = PciFunctionWords.FirstBar + i * PciFunctionWords.WordsPerBar;
                words[first] = bar.Base;
                words[first + 1] = bar.Size;
                words[first + 2] = (ulong)bar.Flags;
            }
        }

        /// <summary>Reads the words of one function; false when a field is out of its range.</summary>
        public static bool TryDecode(ReadOnlySpan<ulong> words, out PciFunction function)
        {
            function = default;
            if (words.Length < PciProtocol.FunctionWordCount || words[PciFunctionWords.Address] > 0xFFFF
                || words[PciFunctionWords.Vendor] > 0xFFFF || words[PciFunctionWords.Device] > 0xFFFF
                || words[PciFunctionWords.ClassCode] > 0xFFFFFF || words[PciFunctionWords.Revision] > 0xFF
                || words[PciFunctionWords.HeaderType] > 0xFF || words[PciFunctionWords.InterruptLine] > 0xFF
                || words[PciFunctionWords.InterruptPin] > 4)
            {
                return false;
            }
            function.Address = (ushort)words[PciFunctionWords.Address];
            function.Vendor = (ushort)words[PciFunctionWords.Vendor];
            function.Device = (ushort)words[PciFunctionWords.Device];
            function.ClassCode = (uint)words[PciFunctionWords.ClassCode];
            function.Revision = (byte)words[PciFunctionWords.Revision];
            function.HeaderType = (byte)words[PciFunctionWords.HeaderType];
            function.InterruptLine = (byte)words[PciFunctionWords.InterruptLine];
            function.InterruptPin = (byte)words[PciFunctionWords.InterruptPin];
            for (int i = 0; i < PciFunctionWords.BarCount; i++)
            {
                int first = PciFunctionWords.FirstBar + i * PciFunctionWords.WordsPerBar;
                function.SetBar(i, new PciBar { Base = words[first], Size = words[first + 1], Flags = (PciBarFlags)words[first + 2] });
            }
            return true;
        }
    }

    /// <summary>One base address register: an I/O port range or a physical memory range; <see cref="Size"/> 0 when not implemented.</summary>
    public struct PciBar
    {
        public ulong Base;
        public ulong Size;
        public PciBarFlags Flags;

        public bool IsImplemented => Size != 0;
        public bool IsIo => (Flags & PciBarFlags.Io) != 0;
    }
}
