using Cosmos.Api;
using Internal.Runtime;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The tasks the root task started and has not yet seen end, with their region-pager clients: run= programs, which
    /// the main thread waits for and reports, and programs the loader service started for a requester, whose exit code
    /// belongs to the requester (it holds a Task capability; the root task does not collect the code) and whose end the
    /// main thread notices in the kernel's task list. Either way, when a task has ended its pool pages go back to the
    /// region pager. Shared by the main thread and the loader service's thread under a lock.
    /// </summary>
    internal static unsafe class StartedPrograms
    {
        public const int Capacity = RegionPager.ClientCapacity;

        private static readonly ulong[] s_tasks = new ulong[Capacity];
        private static readonly int[] s_clients = new int[Capacity];
        private static readonly ulong[] s_badges = new ulong[Capacity];
        private static readonly string[] s_names = new string[Capacity];
        private static readonly bool[] s_waited = new bool[Capacity];
        private static SpinLock s_lock;

        /// <summary>
        /// Records a started task and its region-pager client (slot and badge); <paramref name="waited"/>: a run= program
        /// the main thread waits for and reports. False when the table is full.
        /// </summary>
        public static bool Add(ulong task, int client, ulong badge, string name, bool waited)
        {
            s_lock.Acquire();
            bool added = false;
            for (int i = 0; i < Capacity && !added; i++)
            {
                if (s_tasks[i] == 0)
                {
                    s_tasks[i] = task;
                    s_clients[i] = client;
                    s_badges[i] = badge;
                    s_names[i] = name;
                    s_waited[i] = waited;
                    added = true;
                }
            }
            s_lock.Release();
            return added;
        }

        /// <summary>How many run= programs are still recorded.</summary>
        public static int WaitedCount
        {
            get
            {
                s_lock.Acquire();
                int count = 0;
                for (int i = 0; i < Capacity; i++)
                {
                    if (s_tasks[i] != 0 && s_waited[i])
                    {
                        count++;
                    }
                }
                s_lock.Release();
                return count;
            }
        }

        /// <summary>
        /// Waits up to <paramref name="timeout"/> ns for run= program <paramref name="task"/>; when it has ended, reports
        /// how, gives its pages back, forgets it and returns true.
        /// </summary>
        public static bool WaitFor(ulong task, ulong timeout)
        {
            long code = Kernel.WaitTask(task, timeout, out TaskEndReason reason);
            if (code == (long)SystemCallError.TimedOut && reason == TaskEndReason.None)
            {
                return false;
            }
            int index = Find(task);
            string name = index >= 0 ? s_names[index] : "?";
            string how = reason == TaskEndReason.Exited ? "exited with code " + code.ToString()
                : reason == TaskEndReason.Faulted ? "ended by a fault (code " + code.ToString() + ")"
                : reason == TaskEndReason.Killed ? "was killed"
                : "could not be waited for: " + Kernel.DescribeError(code);
            Kernel.DebugWrite("roottask: task " + Kernel.FormatId(task) + " (" + name + ") " + how + "\n");
            Forget(index);
            return true;
        }

        /// <summary>The first recorded run= program, or 0.</summary>
        public static ulong FirstWaited()
        {
            s_lock.Acquire();
            ulong task = 0;
            for (int i = 0; i < Capacity && task == 0; i++)
            {
                if (s_tasks[i] != 0 && s_waited[i])
                {
                    task = s_tasks[i];
                }
            }
            s_lock.Release();
            return task;
        }

        /// <summary>Gives back the pages of every program the loader service started that has ended (or is gone from the kernel's list).</summary>
        public static void CollectEndedSpawns()
        {
            for (int i = 0; i < Capacity; i++)
            {
                s_lock.Acquire();
                ulong task = s_waited[i] ? 0 : s_tasks[i];
                s_lock.Release();
                if (task != 0 && !IsAlive(task))
                {
                    Forget(i);
                }
            }
        }

        // Alive: listed by the kernel and not ended. An ended task keeps its entry until someone collects its exit code.
        private static bool IsAlive(ulong task)
        {
            TaskInformation information;
            long cursor = 0;
            while (true)
            {
                long next = Kernel.QueryTask((ulong)cursor, &information);
                if (next < 0)
                {
                    return false;
                }
                if (information.TaskId == task)
                {
                    return information.Ended == 0;
                }
                if (next == 0)
                {
                    return false;
                }
                cursor = next;
            }
        }

        /// <summary>Gives back the pages of <paramref name="task"/>, which has ended and whose end was collected, and forgets it (nothing if not recorded).</summary>
        public static void Release(ulong task) => Forget(Find(task));

        private static int Find(ulong task)
        {
            s_lock.Acquire();
            int found = -1;
            for (int i = 0; i < Capacity && found < 0; i++)
            {
                if (s_tasks[i] == task)
                {
                    found = i;
                }
            }
            s_lock.Release();
            return found;
        }

        private static void Forget(int index)
        {
            if (index < 0)
            {
                return;
            }
            s_lock.Acquire();
            int client = s_clients[index];
            ulong badge = s_badges[index];
            s_tasks[index] = 0;
            s_names[index] = null;
            s_lock.Release();
            if (client >= 0)
            {
                RegionPager.EndClient(client, badge);
            }
        }
    }
}
