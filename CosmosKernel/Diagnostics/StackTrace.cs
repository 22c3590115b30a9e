using CosmosKernel.Console;
using CosmosKernel.Memory;

namespace CosmosKernel.Diagnostics
{
    /// <summary>
    /// Writes a stack trace by walking the frame-pointer chain: in a frame set up with push rbp / mov rbp,
    /// rsp, [rbp] is the caller's rbp and [rbp + 8] the return address. ilc keeps frame pointers in most
    /// methods; a method without one simply does not appear. The walk stops at a null, misaligned or
    /// unmapped frame pointer, a return address outside kernel code, or after <see cref="MaximumFrames"/>.
    /// </summary>
    internal static unsafe class StackTrace
    {
        public const int MaximumFrames = 32;

        /// <summary>Writes "stack trace:" and one line per frame, starting with <paramref name="instructionPointer"/>
        /// (the faulting or current instruction) and continuing from the frame at <paramref name="framePointer"/>.</summary>
        public static void Write(ulong instructionPointer, ulong framePointer)
        {
            SerialPort.Write("stack trace:\n");
            WriteFrame(0, instructionPointer);
            Walk(framePointer, 1);
        }

        /// <summary>Writes "stack trace:" and one line per frame of the chain starting at <paramref name="framePointer"/>
        /// (the current method's rbp: the trace starts at its caller).</summary>
        public static void Write(ulong framePointer)
        {
            SerialPort.Write("stack trace:\n");
            Walk(framePointer, 0);
        }

        private static void Walk(ulong framePointer, int firstIndex)
        {
            int index = firstIndex;
            ulong frame = framePointer;
            while (index < MaximumFrames)
            {
                if (frame == 0 || (frame & 7) != 0 || !KernelMemory.IsReadableKernelMemory(frame, 16))
                {
                    break;
                }
                ulong returnAddress = *(ulong*)(frame + 8);
                ulong callerFrame = *(ulong*)frame;
                if (!KernelMemory.Layout.IsInText(returnAddress))
                {
                    break;
                }
                // The return address points after the call; naming address - 1 keeps a call that is the last
                // instruction of a method attributed to that method.
                WriteFrame(index, returnAddress, returnAddress - 1);
                index++;
                if (callerFrame <= frame)
                {
                    break; // frames grow towards higher addresses; anything else is a corrupt chain
                }
                frame = callerFrame;
            }
            if (index == MaximumFrames)
            {
                SerialPort.Write("  ... (more frames not shown)\n");
            }
        }

        private static void WriteFrame(int index, ulong address) => WriteFrame(index, address, address);

        private static void WriteFrame(int index, ulong address, ulong lookupAddress)
        {
            SerialPort.Write("  #");
            KernelLog.WriteDecimal((ulong)index);
            SerialPort.Write(index < 10 ? "  " : " ");
            KernelLog.WriteHex(address, 16);
            SerialPort.Write(" ");
            if (!KernelSymbols.WriteLocation(lookupAddress))
            {
                SerialPort.Write("?");
            }
            SerialPort.Write("\n");
        }
    }
}
