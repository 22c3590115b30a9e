namespace Cosmos.Programs.ExceptionTest
{
    /// <summary>The caught-exception tests by name. Each returns null when it passed, or what went wrong.</summary>
    internal static class Scenarios
    {
        private delegate string Scenario();

        private static readonly string[] s_names = new string[]
        {
            "finally", "basetype", "rethrow", "catchthrow", "finallythrow", "filter", "filterthrow", "nested",
            "null", "divide", "index", "overflow", "cast", "argument", "stacktrace", "thread", "collect",
        };

        private static Scenario Find(string name)
        {
            switch (name)
            {
                case "finally": return SoftwareExceptions.FinallyOrderAcrossTenFrames;
                case "basetype": return SoftwareExceptions.CatchByBaseType;
                case "rethrow": return SoftwareExceptions.Rethrow;
                case "catchthrow": return SoftwareExceptions.ThrowInsideCatch;
                case "finallythrow": return SoftwareExceptions.ThrowInsideFinally;
                case "filter": return SoftwareExceptions.Filters;
                case "filterthrow": return SoftwareExceptions.FilterThatThrows;
                case "nested": return SoftwareExceptions.NestedHandlers;
                case "null": return HardwareFaults.NullDereference;
                case "divide": return HardwareFaults.DivideByZero;
                case "index": return HardwareFaults.IndexOutOfRange;
                case "overflow": return HardwareFaults.CheckedOverflow;
                case "cast": return HardwareFaults.InvalidCast;
                case "argument": return HardwareFaults.ArgumentCheck;
                case "stacktrace": return SoftwareExceptions.StackTraceNamesMethods;
                case "thread": return SecondThread.Run;
                case "collect": return SoftwareExceptions.CollectionDuringDispatch;
                default: return null;
            }
        }

        /// <summary>Runs one test: 0 passed, 1 failed, -1 no such test.</summary>
        public static int RunOne(string name)
        {
            Scenario scenario = Find(name);
            if (scenario == null)
            {
                return -1;
            }
            string failure = scenario();
            Output.Line(failure == null ? "ehtest: " + name + " ok" : "ehtest: " + name + " FAILED: " + failure);
            return failure == null ? 0 : 1;
        }

        public static int RunAll()
        {
            int failed = 0;
            for (int i = 0; i < s_names.Length; i++)
            {
                failed += RunOne(s_names[i]);
            }
            Output.Line(failed == 0 ? "ehtest: all passed" : "ehtest: " + failed.ToString() + " failed");
            return failed == 0 ? 0 : 1;
        }
    }
}
