using System;
using System.Runtime.CompilerServices;
using Cosmos.Api;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>
    /// "threads": a second thread builds a list held only by its own locals, then allocates garbage alongside the first
    /// thread while the first forces collections; the collector must stop it, scan its stack and registers, and keep its
    /// list; both threads allocating at once also exercises the heap lock.
    /// </summary>
    internal static unsafe class ThreadStacks
    {
        private const int ListLength = 2000;
        private const int StackBytes = 64 * 1024;

        // Statics, so the loops below read them afresh after every call.
        private static byte[] s_workerStack;
        private static int s_workerReady;
        private static int s_firstThreadDone;
        private static int s_workerFinished;
        private static string s_workerFailure;

        public static int Run()
        {
            long thread = Kernel.CreateThread(0, 100);
            if (thread < 0)
            {
                return Output.Result("threads", "cannot create a thread: " + Kernel.DescribeError(thread));
            }
            s_workerStack = new byte[StackBytes];
            ulong stackTop = Kernel.StackTopOf(s_workerStack);
            delegate*<ulong, ulong, void> entry = &Worker;
            SystemCallError error = Kernel.StartThread((ulong)thread, (ulong)entry, stackTop, 0);
            if (error != SystemCallError.None)
            {
                return Output.Result("threads", "cannot start the thread: " + Kernel.DescribeError((long)error));
            }
            while (s_workerReady == 0)
            {
                Kernel.Yield();
            }
            GarbageCollectorStatistics before = GC.GetStatistics();
            for (int round = 0; round < 6; round++)
            {
                Garbage.Churn(2 * 1024 * 1024, (ulong)round + 50);
                GC.Collect();
            }
            ulong collections = GC.GetStatistics().Collections - before.Collections;
            s_firstThreadDone = 1;
            while (s_workerFinished == 0)
            {
                Kernel.Yield();
            }
            Output.Line("threads: collections=" + collections.ToString() + " list=" + ListLength.ToString());
            return Output.Result("threads", s_workerFailure);
        }

        private static void Worker(ulong argument, ulong utcb)
        {
            Node head = BuildList();
            s_workerReady = 1;
            ulong round = 0;
            while (s_firstThreadDone == 0)
            {
                Garbage.Churn(64 * 1024, 1000 + round++);
                Kernel.Yield();
            }
            s_workerFailure = CheckList(head);
            s_workerFinished = 1;
            Kernel.ExitThread(0);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Node BuildList()
        {
            Node head = null;
            for (int i = ListLength - 1; i >= 0; i--)
            {
                Node node = new Node(i, 6);
                node.Next = head;
                head = node;
            }
            return head;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string CheckList(Node head)
        {
            Node node = head;
            for (int i = 0; i < ListLength; i++)
            {
                if (node == null)
                {
                    return "the worker's list ends after " + i.ToString() + " nodes";
                }
                if (!node.Holds(i))
                {
                    return "node " + i.ToString() + " of the worker's list was damaged";
                }
                node = node.Next;
            }
            return node == null ? null : "the worker's list is longer than it was built";
        }
    }
}
