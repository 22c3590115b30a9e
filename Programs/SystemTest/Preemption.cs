using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "spin LABEL [LINES] [MILLISECONDS]": prints "spin LABEL i" LINES times, busy-waiting MILLISECONDS between
    /// lines without ever yielding or sleeping, so two of these interleave only if the kernel preempts them.
    /// </summary>
    internal static class Preemption
    {
        public static int Spin(string[] arguments)
        {
            string label = arguments.Length > 2 ? arguments[2] : "X";
            int lines = Output.Number(arguments, 3, 20);
            int milliseconds = Output.Number(arguments, 4, 15);
            for (int i = 0; i < lines; i++)
            {
                Output.Line("spin " + label + " " + i.ToString());
                ulong until = Kernel.Uptime() + (ulong)milliseconds * 1_000_000;
                while (Kernel.Uptime() < until)
                {
                }
            }
            Output.Line("spin " + label + " done");
            return 0;
        }
    }
}
