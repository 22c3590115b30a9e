using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// What systest needs to start threads by hand rather than through a loader: machine code at an address of its
    /// choosing (in this task or a child). The code is a page of systest's own text (Native/hand_code.asm), mapped there
    /// read and execute with MemoryMap; a child without a pager touches nothing else. Stack tops for threads on heap
    /// arrays come from Kernel.StackTopOf.
    /// </summary>
    internal static unsafe class HandStartedThreads
    {
        [RuntimeImport("systest_hand_code")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern byte* HandCodePage(long which);

        // Where the bytes read to make sure a page is mapped go, so that the reads are not left out.
        private static int s_touched;

        /// <summary>Maps the page of <paramref name="code"/> at <paramref name="address"/> (page-aligned) in <paramref name="task"/> (0: this task).</summary>
        public static SystemCallError PlaceCode(ulong task, ulong address, HandCode code)
        {
            byte* page = HandCodePage((long)code);
            if (page == null)
            {
                return SystemCallError.InvalidArgument;
            }
            s_touched += *page; // mapped here before it is mapped on
            if (Flexpage.TryCreate((ulong)page, Flexpage.MinimumSizeLog2, FlexpageRights.Read | FlexpageRights.Execute, out Flexpage source) != MessageError.None)
            {
                return SystemCallError.InvalidArgument;
            }
            long mapped = AddressSpace.Map(task, source, address);
            if (mapped < 0)
            {
                return (SystemCallError)mapped;
            }
            return mapped == 1 ? SystemCallError.None : SystemCallError.BadAddress;
        }
    }
}
