using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Loading;
using Internal.Runtime;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The root task as supervisor: it starts the boot programs (<see cref="BootPrograms"/>) and, when one dies — ended
    /// by a fault or killed —, starts it again with the same run word, so it gets the same capabilities (fresh copies)
    /// and registers its name at the broker again (the broker drops the dead port's entry by itself). Clients holding
    /// the old port get StaleCapability or PartnerGone and look the name up again (Libc's ServiceConnection). A program
    /// that exits by itself is not restarted (it decided to end: no hardware, bad arguments). One that dies
    /// <see cref="SupervisedProgram.BurstLimit"/> times within 10 s is given up. Every death and restart is logged. The
    /// main thread calls <see cref="Check"/> every few milliseconds; the system service reads the table under the lock.
    /// </summary>
    internal static class Supervisor
    {
        public const int Capacity = 16;

        private static readonly SupervisedProgram[] s_programs = new SupervisedProgram[Capacity];
        private static int s_count;
        private static SpinLock s_lock;

        public static int Count => s_count;

        /// <summary>Starts <paramref name="runWord"/> (without "run=") at <paramref name="priority"/> and supervises it; its task id, or 0.</summary>
        public static ulong Start(string name, string runWord, byte priority)
        {
            if (s_count == Capacity)
            {
                Kernel.DebugWrite("roottask: cannot supervise " + name + ": the table is full\n");
                return 0;
            }
            SupervisedProgram program = new SupervisedProgram(name, runWord, priority);
            ulong task = Launch(program);
            program.State = task != 0 ? SupervisedState.Running : SupervisedState.Failed;
            s_lock.Acquire();
            s_programs[s_count++] = program;
            s_lock.Release();
            return task;
        }

        /// <summary>Notices supervised programs that ended and restarts them (main thread only).</summary>
        public static void Check()
        {
            for (int i = 0; i < s_count; i++)
            {
                SupervisedProgram program = s_programs[i];
                ulong task = program.Task;
                if (task == 0 || program.State != SupervisedState.Running)
                {
                    continue;
                }
                long code = Kernel.WaitTask(task, 0, out TaskEndReason reason);
                if (reason == TaskEndReason.None)
                {
                    continue;
                }
                StartedPrograms.Release(task);
                string how = reason == TaskEndReason.Exited ? "exited with code " + code.ToString()
                    : reason == TaskEndReason.Faulted ? "ended by a fault" : "was killed";
                SetState(program, 0, SupervisedState.Restarting);
                if (reason == TaskEndReason.Exited)
                {
                    Kernel.DebugWrite("roottask: " + program.Name + " (task " + Kernel.FormatId(task) + ") " + how + "; not restarted\n");
                    SetState(program, 0, SupervisedState.Failed);
                    continue;
                }
                if (program.RecordDeath(Kernel.Uptime()))
                {
                    Kernel.DebugWrite("roottask: " + program.Name + " (task " + Kernel.FormatId(task) + ") " + how + "; it died "
                        + SupervisedProgram.BurstLimit.ToString() + " times within 10 s, not restarted\n");
                    SetState(program, 0, SupervisedState.Failed);
                    continue;
                }
                program.Restarts++;
                ulong restarted = Launch(program);
                Kernel.DebugWrite("roottask: " + program.Name + " (task " + Kernel.FormatId(task) + ") " + how + "; "
                    + (restarted != 0 ? "restarted as task " + Kernel.FormatId(restarted) : "restart failed")
                    + " (restart " + program.Restarts.ToString() + ")\n");
                SetState(program, restarted, restarted != 0 ? SupervisedState.Running : SupervisedState.Failed);
            }
        }

        /// <summary>Whether <paramref name="task"/> runs a supervised program.</summary>
        public static bool IsSupervised(ulong task)
        {
            s_lock.Acquire();
            bool found = false;
            for (int i = 0; i < s_count && !found; i++)
            {
                found = s_programs[i].Task == task;
            }
            s_lock.Release();
            return found;
        }

        /// <summary>Program <paramref name="index"/> (start order) as the system service reports it; false past the last.</summary>
        public static bool TryDescribe(int index, out string name, out ulong task, out int restarts, out SupervisedState state)
        {
            s_lock.Acquire();
            bool found = index >= 0 && index < s_count;
            SupervisedProgram program = found ? s_programs[index] : null;
            name = found ? program.Name : null;
            task = found ? program.Task : 0;
            restarts = found ? program.Restarts : 0;
            state = found ? program.State : 0;
            s_lock.Release();
            return found;
        }

        private static ulong Launch(SupervisedProgram program)
        {
            ProgramLoader.AcquireCreation();
            ulong task = ProgramStarter.Start(program.RunWord, 0, 0, 0, waited: false, out LoaderStatus _, program.Priority);
            ProgramLoader.ReleaseCreation();
            program.Task = task;
            return task;
        }

        private static void SetState(SupervisedProgram program, ulong task, SupervisedState state)
        {
            s_lock.Acquire();
            program.Task = task;
            program.State = state;
            s_lock.Release();
        }
    }
}
