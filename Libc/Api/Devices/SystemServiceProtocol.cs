namespace Cosmos.Api.Devices
{
    /// <summary>
    /// The root task's system service (registered as "system"; docs/ARCHITECTURE.md, section 7): what the shell needs from
    /// the one task that holds every other task's capability. Every request is an IpcCall; the reply's label is a
    /// <see cref="SystemServiceStatus"/>.
    /// <list type="bullet">
    /// <item><see cref="Kill"/>: word 0 a task id. The root task kills the task (it created every task, directly or through
    /// its loader service). Sigma0, the root task and the name broker cannot be killed (NotPermitted). A supervised
    /// driver or server is restarted afterwards as after any death.</item>
    /// <item><see cref="Reboot"/> and <see cref="Shutdown"/>: no words; on success there is no reply (the machine resets or
    /// powers off); a reply means it failed.</item>
    /// <item><see cref="MemoryFigures"/>: reply words 0 RAM frames sigma0 manages, 1 of them free, 2 frames the kernel kept
    /// for itself, 3 free frames of the kernel's pool, 4 page size.</item>
    /// <item><see cref="Services"/>: word 0 the index of a supervised program (0 the first, in start order). Reply words 0 its
    /// task id (0 while it is not running), 1 how often it was restarted, 2 its state (<see cref="SupervisedState"/>),
    /// 3-7 its module name as a name-broker name (length, then bytes).</item>
    /// </list>
    /// </summary>
    public static class SystemServiceProtocol
    {
        public const uint Kill = 1;
        public const uint Reboot = 2;
        public const uint Shutdown = 3;
        public const uint MemoryFigures = 4;
        public const uint Services = 5;

        public const int MemoryFiguresWordCount = 5;
        public const int ServicesWordCount = 8;
    }

    /// <summary>A supervised program's state (<see cref="SystemServiceProtocol.Services"/> word 2).</summary>
    public enum SupervisedState : ulong
    {
        Running = 1,
        /// <summary>Ended; the supervisor starts it again shortly.</summary>
        Restarting = 2,
        /// <summary>Ended too often in a short time; the supervisor gave up.</summary>
        Failed = 3,
    }

    /// <summary>The label of the system service's reply.</summary>
    public enum SystemServiceStatus : uint
    {
        Ok = 0,
        /// <summary>No such task, or no supervised program with that index.</summary>
        NotFound = 1,
        /// <summary>The task may not be killed.</summary>
        NotPermitted = 2,
        /// <summary>The kernel refused (the reason is in word 0 as a negative SystemCallError).</summary>
        Failed = 3,
        MalformedRequest = 4,
        UnknownRequest = 5,
        /// <summary>Client side only: the IPC failed and the root task could not be found again.</summary>
        Unreachable = 0x100,
    }
}
