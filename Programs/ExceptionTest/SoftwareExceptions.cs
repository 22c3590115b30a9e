using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace Cosmos.Programs.ExceptionTest
{
    internal class TestException : Exception
    {
        public TestException(string message) : base(message) { }
    }

    internal sealed class DerivedTestException : TestException
    {
        public int Code;

        public DerivedTestException(string message, int code) : base(message)
        {
            Code = code;
        }
    }

    /// <summary>try/catch/finally over software throws. Methods that must be frames of their own are NoInlining.</summary>
    internal static class SoftwareExceptions
    {
        private static StringBuilder s_log;

        private static void Log(string entry)
        {
            s_log.Append(entry);
            s_log.Append(' ');
        }

        // ----- finally ordering across 10 frames -----

        public static string FinallyOrderAcrossTenFrames()
        {
            s_log = new StringBuilder();
            try
            {
                Descend(1);
                return "no exception arrived";
            }
            catch (TestException exception)
            {
                Log("catch:" + exception.Message);
            }
            string expected = "throw finally10 finally9 finally8 finally7 finally6 finally5 finally4 finally3 finally2 finally1 catch:deep ";
            return s_log.ToString() == expected ? null : "order was \"" + s_log.ToString() + "\"";
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Descend(int depth)
        {
            try
            {
                if (depth == 10)
                {
                    Log("throw");
                    throw new TestException("deep");
                }
                Descend(depth + 1);
            }
            finally
            {
                Log("finally" + depth.ToString());
            }
        }

        // ----- catch by base type -----

        public static string CatchByBaseType()
        {
            int caught = 0;
            try
            {
                ThrowDerived(7);
            }
            catch (InvalidOperationException)
            {
                return "caught by an unrelated type";
            }
            catch (TestException exception)
            {
                DerivedTestException derived = exception as DerivedTestException;
                if (derived == null || derived.Code != 7)
                {
                    return "caught the wrong object";
                }
                caught++;
            }
            try
            {
                ThrowHelperException();
            }
            catch (SystemException exception)
            {
                if (!(exception is InvalidCastException))
                {
                    return "SystemException caught something other than the InvalidCastException";
                }
                caught++;
            }
            try
            {
                ThrowDerived(8);
            }
            catch (Exception exception)
            {
                if (exception.Message != "derived")
                {
                    return "message lost";
                }
                caught++;
            }
            return caught == 3 ? null : "caught " + caught.ToString() + " of 3";
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowDerived(int code)
        {
            throw new DerivedTestException("derived", code);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowHelperException()
        {
            throw new InvalidCastException();
        }

        // ----- rethrow -----

        public static string Rethrow()
        {
            s_log = new StringBuilder();
            TestException original = null;
            try
            {
                try
                {
                    ThrowDerived(1);
                }
                catch (TestException exception)
                {
                    original = exception;
                    Log("inner");
                    throw;
                }
                finally
                {
                    Log("finally");
                }
            }
            catch (DerivedTestException exception)
            {
                Log("outer");
                if (!ReferenceEquals(exception, original))
                {
                    return "rethrow delivered another object";
                }
            }
            return s_log.ToString() == "inner finally outer " ? null : "order was \"" + s_log.ToString() + "\"";
        }

        // ----- exception thrown from inside catch -----

        public static string ThrowInsideCatch()
        {
            s_log = new StringBuilder();
            try
            {
                try
                {
                    ThrowDerived(1);
                }
                catch (TestException)
                {
                    Log("first");
                    throw new InvalidOperationException("second");
                }
                catch (InvalidOperationException)
                {
                    return "a sibling catch of the same try caught the exception thrown in the first";
                }
            }
            catch (InvalidOperationException exception)
            {
                Log("outer:" + exception.Message);
            }
            return s_log.ToString() == "first outer:second " ? null : "order was \"" + s_log.ToString() + "\"";
        }

        // ----- exception thrown from inside finally -----

        public static string ThrowInsideFinally()
        {
            s_log = new StringBuilder();
            try
            {
                FinallyThatThrows();
            }
            catch (TestException)
            {
                return "the first exception survived the finally's throw";
            }
            catch (InvalidOperationException exception)
            {
                Log("caught:" + exception.Message);
            }
            return s_log.ToString() == "finally caught:from-finally " ? null : "order was \"" + s_log.ToString() + "\"";
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void FinallyThatThrows()
        {
            try
            {
                ThrowDerived(3);
            }
            finally
            {
                Log("finally");
                ThrowInvalidOperation("from-finally");
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowInvalidOperation(string message)
        {
            throw new InvalidOperationException(message);
        }

        // ----- filters -----

        private static bool Note(string entry, bool verdict)
        {
            Log(entry);
            return verdict;
        }

        public static string Filters()
        {
            s_log = new StringBuilder();
            try
            {
                FilterInner();
            }
            catch (DerivedTestException exception) when (Note("filter-outer-code" + exception.Code.ToString(), exception.Code == 5))
            {
                Log("outer");
            }
            // Filters run in the first pass, before the inner finally (second pass).
            string expected = "filter-inner-false filter-outer-code5 inner-finally outer ";
            return s_log.ToString() == expected ? null : "order was \"" + s_log.ToString() + "\"";
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void FilterInner()
        {
            try
            {
                ThrowDerived(5);
            }
            catch (TestException) when (Note("filter-inner-false", false))
            {
                Log("inner-caught");
            }
            finally
            {
                Log("inner-finally");
            }
        }

        public static string FilterThatThrows()
        {
            s_log = new StringBuilder();
            try
            {
                try
                {
                    ThrowDerived(6);
                }
                catch (TestException) when (FilterThrows())
                {
                    return "a throwing filter counted as true";
                }
            }
            catch (DerivedTestException exception)
            {
                Log("outer:" + exception.Code.ToString());
            }
            return s_log.ToString() == "filter outer:6 " ? null : "order was \"" + s_log.ToString() + "\"";
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static bool FilterThrows()
        {
            Log("filter");
            ThrowInvalidOperation("inside a filter");
            return true;
        }

        // ----- nested handlers -----

        public static string NestedHandlers()
        {
            s_log = new StringBuilder();
            try
            {
                try
                {
                    try
                    {
                        ThrowDerived(1);
                    }
                    catch (InvalidCastException)
                    {
                        Log("wrong");
                    }
                    finally
                    {
                        Log("f1");
                    }
                }
                catch (TestException)
                {
                    Log("c2");
                    try
                    {
                        ThrowInvalidOperation("inner");
                    }
                    catch (InvalidOperationException)
                    {
                        Log("c3");
                    }
                    finally
                    {
                        Log("f3");
                    }
                }
                finally
                {
                    Log("f2");
                }
                Log("after");
            }
            catch (Exception)
            {
                Log("outer");
            }
            return s_log.ToString() == "f1 c2 c3 f3 f2 after " ? null : "order was \"" + s_log.ToString() + "\"";
        }

        // ----- a collection while an exception is in flight -----

        public static string CollectionDuringDispatch()
        {
            s_log = new StringBuilder();
            try
            {
                CollectInFinally();
            }
            catch (DerivedTestException exception)
            {
                Churn();
                GC.Collect();
                if (exception.Code != 9 || exception.Message != "derived" || exception.StackTrace == null || exception.StackTrace.IndexOf("ThrowDerived") < 0)
                {
                    return "the exception was damaged by a collection";
                }
                Log("caught");
            }
            return s_log.ToString() == "finally caught " ? null : "order was \"" + s_log.ToString() + "\"";
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void CollectInFinally()
        {
            try
            {
                ThrowDerived(9);
            }
            finally
            {
                // The exception is referenced only from the dispatcher's frames while this runs.
                Churn();
                GC.Collect();
                Log("finally");
            }
        }

        private static void Churn()
        {
            for (int i = 0; i < 2000; i++)
            {
                s_garbage = new byte[64 + (i & 255)];
            }
        }

        private static byte[] s_garbage;

        // ----- stack trace of a caught exception -----

        public static string StackTraceNamesMethods()
        {
            try
            {
                TraceLevelOne();
            }
            catch (TestException exception)
            {
                string trace = exception.StackTrace;
                if (trace == null)
                {
                    return "no stack trace";
                }
                int three = trace.IndexOf("TraceLevelThree");
                int two = trace.IndexOf("TraceLevelTwo");
                int one = trace.IndexOf("TraceLevelOne");
                if (three < 0 || two < three || one < two)
                {
                    return "trace does not name the three methods innermost first: " + trace;
                }
            }
            return null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void TraceLevelOne()
        {
            TraceLevelTwo();
            s_log = null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void TraceLevelTwo()
        {
            TraceLevelThree();
            s_log = null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void TraceLevelThree()
        {
            throw new TestException("traced");
        }
    }
}
