using System;
using Cosmos.Api;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "heap64 [MIB]" (run=pagertest:heap64): MIB (default 64) MiB of heap in 1 MiB arrays, every page faulted in through
    /// the program's pager (the root task's region pager), written with a pattern and every byte read back. Prints the
    /// task's mapping use (TaskMemoryInformation) before and after.
    /// </summary>
    internal static unsafe class HeapScenario
    {
        private const int ArrayBytes = 1 << 20;

        public static int Run(string[] arguments)
        {
            const string Mode = "heap64";
            int mebibytes = Output.Number(arguments, 2, 64);
            MemoryUse.Print(0, Mode + ": before");
            ulong start = Kernel.Uptime();
            byte[][] arrays = new byte[mebibytes][];
            for (int array = 0; array < mebibytes; array++)
            {
                arrays[array] = new byte[ArrayBytes];
                fixed (byte* bytes = arrays[array])
                {
                    for (int offset = 0; offset < ArrayBytes; offset++)
                    {
                        bytes[offset] = Pattern(array, offset);
                    }
                }
            }
            long wrong = 0;
            for (int array = 0; array < mebibytes; array++)
            {
                fixed (byte* bytes = arrays[array])
                {
                    for (int offset = 0; offset < ArrayBytes; offset++)
                    {
                        if (bytes[offset] != Pattern(array, offset))
                        {
                            wrong++;
                        }
                    }
                }
            }
            ulong milliseconds = (Kernel.Uptime() - start) / 1_000_000;
            Output.Line(Mode + ": " + mebibytes.ToString() + " MiB of heap written and read back in " + milliseconds.ToString() + " ms, "
                + wrong.ToString() + " bytes wrong");
            MemoryUse.Print(0, Mode + ": after");
            GC.KeepAlive(arrays);
            return Output.Verdict(Mode, wrong == 0 ? null : wrong.ToString() + " bytes read back wrong");
        }

        private static byte Pattern(int array, int offset) => (byte)(array * 7 + offset + (offset >> 12));
    }
}
