using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// The running image's unwind tables: its .eh_frame_hdr (Native/image_tables.asm finds it through kernel.ld's or
    /// Program.ld's symbol), opened on first use. A missing or unreadable header means no frame can be unwound: a
    /// throw then ends as an unhandled exception without a trace.
    /// </summary>
    public static unsafe class ExceptionTables
    {
        private static EhFrameHeader s_header;

        private static UnwindError s_openError;
        private static bool s_opened;

        [RuntimeImport("image_eh_frame_header")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern byte* ImageEhFrameHeader();

        /// <summary>The FDE covering <paramref name="address"/> in this image.</summary>
        public static UnwindError Find(ulong address, out FrameDescriptionEntry entry)
        {
            if (!s_opened)
            {
                s_opened = true;
                byte* header = ImageEhFrameHeader();
                s_openError = header == null ? UnwindError.UnsupportedHeader : EhFrameHeader.Open(header, out s_header);
            }
            if (s_openError != UnwindError.None)
            {
                entry = default;
                return s_openError;
            }
            return s_header.Find(address, out entry);
        }
    }
}
