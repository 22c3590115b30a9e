namespace Cosmos.Api
{
    /// <summary>Flags of TaskCreate (its sixth argument).</summary>
    public static class TaskCreateFlags
    {
        /// <summary>The new task gets a Task capability naming itself (slot Ipc.WellKnownSlots.OwnTask), so it may create tasks too.</summary>
        public const ulong MayCreateTasks = 1;

        public const ulong All = MayCreateTasks;
    }
}
