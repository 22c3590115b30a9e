using System;

namespace Libc.Tests
{
    /// <summary>
    /// .eh_frame bytes recorded from a real build (systest.elf, ilc 10.0.14 + ld --eh-frame-hdr), laid out as a tiny
    /// .eh_frame: the image's one CIE, then one FDE whose CIE pointer is rewritten for this layout. readelf's decoding
    /// of the FDE (function at 0x405a90, 0x1a8 bytes):
    ///   +1 def_cfa_offset 16, rbp at cfa-16; +3 cfa 24, r15 at -24; +5 cfa 32, r14; +7 cfa 40, r13; +9 cfa 48, r12;
    ///   +0xa cfa 56, rbx at -56; +0xe cfa 112; +0x13 def_cfa_register rbp, def_cfa_offset 16.
    /// </summary>
    internal static class RecordedUnwindData
    {
        public static readonly byte[] CommonInformationEntry =
        {
            0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x7A, 0x4C, 0x52, 0x00, 0x01, 0x78, 0x10, 0x02, 0x1B, 0x1B, 0x0C, 0x07, 0x08, 0x90, 0x01,
        };

        public static readonly byte[] FrameDescriptionEntry =
        {
            0x38, 0x00, 0x00, 0x00, 0x1C, 0x17, 0x00, 0x00, 0x08, 0x68, 0xFF, 0xFF, 0xA8, 0x01, 0x00, 0x00, 0x04, 0x6C, 0x19, 0x00, 0x00, 0x41,
            0x0E, 0x10, 0x86, 0x02, 0x42, 0x0E, 0x18, 0x8F, 0x03, 0x42, 0x0E, 0x20, 0x8E, 0x04, 0x42, 0x0E, 0x28, 0x8D, 0x05, 0x42, 0x0E, 0x30,
            0x8C, 0x06, 0x41, 0x0E, 0x38, 0x83, 0x07, 0x44, 0x0E, 0x70, 0x45, 0x0D, 0x06, 0x0E, 0x10, 0x00,
        };

        public const int FunctionLength = 0x1A8;
        // Offsets inside FrameDescriptionEntry.
        public const int CiePointerOffset = 4;
        public const int FunctionStartOffset = 8;
        public const int LsdaFieldOffset = 17;
        public const int FirstInstructionOffset = 21;
        public const int RecordedLsdaDisplacement = 0x196C;

        /// <summary>CIE then FDE, the FDE's CIE pointer fixed up; the FDE starts at <see cref="CommonInformationEntry"/>.Length.</summary>
        public static byte[] Section()
        {
            byte[] section = new byte[CommonInformationEntry.Length + FrameDescriptionEntry.Length];
            CommonInformationEntry.CopyTo(section, 0);
            FrameDescriptionEntry.CopyTo(section, CommonInformationEntry.Length);
            int ciePointerField = CommonInformationEntry.Length + CiePointerOffset;
            BitConverter.GetBytes(ciePointerField).CopyTo(section, ciePointerField); // back to offset 0
            return section;
        }
    }
}
