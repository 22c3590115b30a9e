using System.Numerics;
using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// A partner in another address space: a child task of ipctest running one of the loops of Native/peers.asm, whose
    /// page is mapped at <see cref="CodeAddress"/>. ipctest holds the child's Task capability (TaskCreate gives it to the creator), so
    /// it can give the child capabilities, start its thread, and kill it at the end.
    /// </summary>
    internal unsafe struct PeerTask
    {
        public const ulong CodeAddress = 0x400000;

        /// <summary>Where the echo server's 64 KiB string receive buffer is mapped (ECHO_STRING_BUFFER in peers.asm).</summary>
        public const ulong StringBufferAddress = 0x600000;
        public const ulong StringBufferLength = 64 * 1024;

        /// <summary>The echo server's capability receive window, slots 100-107 (ECHO_WINDOW_WORD in peers.asm).</summary>
        public const uint EchoWindowFirstSlot = 100;

        // The echo servers' string buffer: StringBufferLength bytes, aligned to their size, inside a heap array kept in a
        // static, every page written once so that it is mapped (writable) in ipctest before it is mapped on. Echo servers
        // run one at a time and the buffer's contents are only ever echoed back, so they share it.
        private static byte[] s_echoStringBufferStorage;

        // Where the bytes read to make sure a page is mapped go, so that the reads are not left out.
        private static int s_touched;

        public ulong TaskId;
        public ulong ThreadId;

        [RuntimeImport("ipctest_peer_code")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern byte* PeerCode(long which, ulong* length);

        [RuntimeImport("ipctest_peer_utcb_offset")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern ulong PeerUtcbOffset(long which);

        /// <summary>Null if the UTCB offsets peers.asm writes are the Utcb struct's; otherwise which one differs.</summary>
        public static string CheckUtcbOffsets()
        {
            Utcb* utcb = Kernel.CurrentUtcb;
            ulong start = (ulong)utcb;
            if (PeerUtcbOffset(0) != (ulong)&utcb->CapabilityReceiveWindow - start)
            {
                return "peers.asm's capability receive window offset is not the Utcb's";
            }
            if (PeerUtcbOffset(1) != (ulong)&utcb->StringReceiveBufferCount - start)
            {
                return "peers.asm's string receive buffer count offset is not the Utcb's";
            }
            if (PeerUtcbOffset(2) != (ulong)utcb->StringReceiveBuffers - start)
            {
                return "peers.asm's string receive buffers offset is not the Utcb's";
            }
            return null;
        }

        /// <summary>
        /// Creates the child with <paramref name="program"/>'s code (and, for the echo server, its string buffer); its thread
        /// is not started yet. The child has no pager: it touches only what is mapped here, its code page (ipctest's own
        /// text page of the partner, read and execute) and the echo server's buffer (ipctest's own heap pages, read and write).
        /// </summary>
        public static SystemCallError Create(PeerProgram program, out PeerTask peer)
        {
            peer = default;
            byte* name = stackalloc byte[8];
            name[0] = (byte)'i';
            name[1] = (byte)'p';
            name[2] = (byte)'c';
            name[3] = (byte)'p';
            name[4] = (byte)'e';
            name[5] = (byte)'e';
            name[6] = (byte)'r';
            ulong length;
            byte* code = PeerCode((long)program, &length);
            if (code == null || length > UserLayout.PageSize)
            {
                return SystemCallError.InvalidArgument;
            }
            long task = Kernel.CreateTask(name, 7, 100, 100, out ulong thread);
            if (task < 0)
            {
                return (SystemCallError)task;
            }
            peer.TaskId = (ulong)task;
            peer.ThreadId = thread;
            SystemCallError error = MapInto(peer.TaskId, (ulong)code, UserLayout.PageSize, CodeAddress, FlexpageRights.Read | FlexpageRights.Execute);
            if (error == SystemCallError.None && program == PeerProgram.Echo)
            {
                error = MapInto(peer.TaskId, EchoStringBuffer(), StringBufferLength, StringBufferAddress, FlexpageRights.Read | FlexpageRights.Write);
            }
            if (error != SystemCallError.None)
            {
                peer.End();
            }
            return error;
        }

        private static ulong EchoStringBuffer()
        {
            if (s_echoStringBufferStorage == null)
            {
                s_echoStringBufferStorage = new byte[(int)(2 * StringBufferLength)];
            }
            fixed (byte* storage = s_echoStringBufferStorage)
            {
                ulong start = ((ulong)storage + StringBufferLength - 1) & ~(StringBufferLength - 1);
                for (ulong page = start; page < start + StringBufferLength; page += UserLayout.PageSize)
                {
                    *(byte*)page = 0;
                }
                return start;
            }
        }

        // Maps ipctest's pages [source, source + length) (length a power of two, source aligned to it; page-aligned code is
        // read once first, so that it is mapped here) at destination in the child; every page must arrive.
        private static SystemCallError MapInto(ulong taskId, ulong source, ulong length, ulong destination, FlexpageRights rights)
        {
            for (ulong page = source; page < source + length; page += UserLayout.PageSize)
            {
                s_touched += *(byte*)page;
            }
            int sizeLog2 = BitOperations.Log2(length);
            if (Flexpage.TryCreate(source, sizeLog2, rights, out Flexpage pages) != MessageError.None)
            {
                return SystemCallError.InvalidArgument;
            }
            long mapped = AddressSpace.Map(taskId, pages, destination);
            if (mapped < 0)
            {
                return (SystemCallError)mapped;
            }
            return (ulong)mapped == length / UserLayout.PageSize ? SystemCallError.None : SystemCallError.BadAddress;
        }

        /// <summary>Gives the child a copy of <paramref name="slot"/> with <paramref name="rights"/>; returns its slot there or an error.</summary>
        public long Give(uint slot, CapabilityRights rights) => Capabilities.Give(TaskId, slot, 0, rights, false);

        /// <summary>Starts the child's thread at its code with <paramref name="argument"/> in rdi.</summary>
        public SystemCallError Start(ulong argument) => Kernel.StartThread(ThreadId, CodeAddress, 0, argument);

        /// <summary>Waits up to <paramref name="timeout"/> ns for the child to end by itself; its exit code, or a negative error (TimedOut).</summary>
        public long Wait(ulong timeout, out TaskEndReason reason) => Kernel.WaitTask(TaskId, timeout, out reason);

        /// <summary>Kills the child (if it still runs) and collects it.</summary>
        public void End()
        {
            if (TaskId == 0)
            {
                return;
            }
            Kernel.KillTask(TaskId);
            Kernel.WaitTask(TaskId, Kernel.WaitForever, out _);
            TaskId = 0;
        }

        /// <summary>
        /// Creates a child running <paramref name="program"/>, gives it <paramref name="port"/> with <paramref name="rights"/>
        /// and starts it with that slot as argument (shifted left by <paramref name="slotShift"/>, ORed with <paramref name="low"/>).
        /// </summary>
        public static SystemCallError StartWithPort(PeerProgram program, uint port, CapabilityRights rights, int slotShift, ulong low, out PeerTask peer)
        {
            SystemCallError error = Create(program, out peer);
            if (error != SystemCallError.None)
            {
                return error;
            }
            long slot = peer.Give(port, rights);
            if (slot < 0)
            {
                peer.End();
                return (SystemCallError)slot;
            }
            error = peer.Start(((ulong)slot << slotShift) | low);
            if (error != SystemCallError.None)
            {
                peer.End();
            }
            return error;
        }
    }
}
