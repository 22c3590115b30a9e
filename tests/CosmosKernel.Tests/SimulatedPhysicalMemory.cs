using System;
using System.Runtime.InteropServices;
using CosmosKernel.Memory;

namespace CosmosKernel.Tests
{
    /// <summary>
    /// A block of zeroed, page-aligned host memory standing in for physical memory from address 0, and the
    /// <see cref="PhysicalMemoryWindow"/> onto it that the kernel code under test uses.
    /// </summary>
    internal sealed unsafe class SimulatedPhysicalMemory : IDisposable
    {
        private byte* _block;

        public SimulatedPhysicalMemory(ulong size)
        {
            Size = size;
            _block = (byte*)NativeMemory.AlignedAlloc((nuint)size, 4096);
            NativeMemory.Clear(_block, (nuint)size);
        }

        public ulong Size { get; }

        public PhysicalMemoryWindow Window => new PhysicalMemoryWindow((ulong)_block, Size);

        public byte* PointerTo(ulong physical) => _block + physical;

        public ulong ReadUInt64(ulong physical) => *(ulong*)(_block + physical);

        public void Write(ulong physical, byte[] bytes)
        {
            Marshal.Copy(bytes, 0, (IntPtr)(_block + physical), bytes.Length);
        }

        public void Dispose()
        {
            if (_block != null)
            {
                NativeMemory.AlignedFree(_block);
                _block = null;
            }
        }
    }
}
