using System;
using System.Collections.Generic;
using System.IO;
using Cosmos.Api;
using Xunit;

namespace Libc.Tests
{
    /// <summary>Libc/Native/ipc.asm addresses the UTCB by fixed offsets; these must be where the struct's fields are.</summary>
    public unsafe class UtcbLayoutTests
    {
        [Fact]
        public void TheIpcStubsOffsetsAreTheFieldsOffsets()
        {
            Utcb utcb = default;
            byte* start = (byte*)&utcb;
            Assert.Equal(Utcb.MessageRegistersOffset, (int)((byte*)&utcb.MessageRegisters[0] - start));
            Assert.Equal(Utcb.ReceivedTagOffset, (int)((byte*)&utcb.ReceivedTag - start));
            Assert.Equal(Utcb.ReceivedBadgeOffset, (int)((byte*)&utcb.ReceivedBadge - start));
            Assert.Equal(Utcb.MemoryReceiveWindowOffset, (int)((byte*)&utcb.MemoryReceiveWindow - start));
        }

        [Fact]
        public void TheStubsDefinesAreTheConstants()
        {
            Dictionary<string, int> defines = ReadDefines("Libc/Native/ipc.asm");
            Assert.Equal(Utcb.MessageRegistersOffset, defines["UTCB_MESSAGE_REGISTER_0"]);
            Assert.Equal(Utcb.MessageRegistersOffset + 8, defines["UTCB_MESSAGE_REGISTER_1"]);
            Assert.Equal(Utcb.MessageRegistersOffset + 16, defines["UTCB_MESSAGE_REGISTER_2"]);
            Assert.Equal(Utcb.MessageRegistersOffset + 24, defines["UTCB_MESSAGE_REGISTER_3"]);
            Assert.Equal(Utcb.ReceivedTagOffset, defines["UTCB_RECEIVED_TAG"]);
            Assert.Equal(Utcb.ReceivedBadgeOffset, defines["UTCB_RECEIVED_BADGE"]);
        }

        [Fact]
        public void ExceptionDispatchsFaultRipOffsetIsStillRight()
        {
            Utcb utcb = default;
            Assert.Equal(576, (int)((byte*)&utcb.Fault.Registers.Rip - (byte*)&utcb));
        }

        // "%define NAME NUMBER" lines of an assembly file of the repository.
        private static Dictionary<string, int> ReadDefines(string relativePath)
        {
            string directory = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(directory, relativePath)))
            {
                directory = Path.GetDirectoryName(directory) ?? throw new FileNotFoundException(relativePath);
            }
            var defines = new Dictionary<string, int>();
            foreach (string line in File.ReadAllLines(Path.Combine(directory, relativePath)))
            {
                string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length >= 3 && words[0] == "%define" && int.TryParse(words[2], out int value))
                {
                    defines[words[1]] = value;
                }
            }
            return defines;
        }

        [Fact]
        public void TheUtcbFitsInOnePage()
        {
            Assert.True(sizeof(Utcb) <= 4096, $"the UTCB is {sizeof(Utcb)} bytes");
        }
    }
}
