using System;
using System.Collections.Generic;
using System.Text;

namespace CosmosKernel.Tests
{
    /// <summary>Builds multiboot2 information byte by byte, well formed or deliberately not, for the parser tests.</summary>
    internal sealed class MultibootBuilder
    {
        private readonly List<byte> _tags = new List<byte>();

        public MultibootBuilder CommandLine(string text) => Tag(1, NulTerminated(text));

        public MultibootBuilder Module(uint start, uint end, string text)
        {
            var payload = new List<byte>();
            payload.AddRange(BitConverter.GetBytes(start));
            payload.AddRange(BitConverter.GetBytes(end));
            payload.AddRange(NulTerminated(text));
            return Tag(3, payload.ToArray());
        }

        public MultibootBuilder MemoryMap(params (ulong Start, ulong Length, uint Kind)[] regions) => MemoryMapWithEntrySize(24, regions);

        public MultibootBuilder MemoryMapWithEntrySize(uint entrySize, params (ulong Start, ulong Length, uint Kind)[] regions)
        {
            var payload = new List<byte>();
            payload.AddRange(BitConverter.GetBytes(entrySize));
            payload.AddRange(BitConverter.GetBytes(0u));
            foreach ((ulong start, ulong length, uint kind) in regions)
            {
                // Fields that do not fit a deliberately small entry size are cut off.
                var entry = new byte[Math.Max(entrySize, 24)];
                BitConverter.GetBytes(start).CopyTo(entry, 0);
                BitConverter.GetBytes(length).CopyTo(entry, 8);
                BitConverter.GetBytes(kind).CopyTo(entry, 16);
                payload.AddRange(new ArraySegment<byte>(entry, 0, (int)entrySize));
            }
            return Tag(6, payload.ToArray());
        }

        public MultibootBuilder Framebuffer(ulong address, uint pitch, uint width, uint height, byte bitsPerPixel, byte type)
        {
            var payload = new List<byte>();
            payload.AddRange(BitConverter.GetBytes(address));
            payload.AddRange(BitConverter.GetBytes(pitch));
            payload.AddRange(BitConverter.GetBytes(width));
            payload.AddRange(BitConverter.GetBytes(height));
            payload.Add(bitsPerPixel);
            payload.Add(type);
            payload.Add(0);
            payload.Add(0);
            return Tag(8, payload.ToArray());
        }

        /// <summary>A tag with any type and payload; the size field is 8 + payload length unless given.</summary>
        public MultibootBuilder Tag(uint type, byte[] payload, uint? sizeOverride = null)
        {
            _tags.AddRange(BitConverter.GetBytes(type));
            _tags.AddRange(BitConverter.GetBytes(sizeOverride ?? (uint)(8 + payload.Length)));
            _tags.AddRange(payload);
            while (_tags.Count % 8 != 0)
            {
                _tags.Add(0);
            }
            return this;
        }

        public MultibootBuilder End() => Tag(0, Array.Empty<byte>());

        /// <summary>The information: header (total size, reserved) and the tags; the total size is the real length unless given.</summary>
        public byte[] Build(uint? totalSizeOverride = null)
        {
            var bytes = new List<byte>();
            bytes.AddRange(BitConverter.GetBytes(totalSizeOverride ?? (uint)(8 + _tags.Count)));
            bytes.AddRange(BitConverter.GetBytes(0u));
            bytes.AddRange(_tags);
            return bytes.ToArray();
        }

        public static byte[] NulTerminated(string text)
        {
            byte[] ascii = Encoding.ASCII.GetBytes(text);
            Array.Resize(ref ascii, ascii.Length + 1);
            return ascii;
        }
    }
}
