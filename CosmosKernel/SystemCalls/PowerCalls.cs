using Cosmos.Api;
using CosmosKernel.Console;
using CosmosKernel.Power;
using CosmosKernel.Tasks;

namespace CosmosKernel.SystemCalls
{
    /// <summary>
    /// SystemPower(root task, action): switching the machine off or resetting it. The authority is control over the root
    /// task (a Task capability naming it with Control, which only the root task holds): the root task's system service
    /// decides who may. The kernel does it because only it has parsed the ACPI tables (the soft-off sleep type).
    /// </summary>
    internal static class PowerCalls
    {
        public const ulong Shutdown = 1;
        public const ulong Reboot = 2;

        /// <summary>Does not return on success; NotSupported when ACPI soft-off is unavailable, InvalidArgument for another action.</summary>
        public static unsafe long SystemPower(ulong rootTask, ulong action)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(rootTask, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            if (task->Id.Value != TaskTable.Root.Value)
            {
                return (long)SystemCallError.PermissionDenied;
            }
            switch (action)
            {
                case Shutdown:
                    KernelLog.Info("kernel", "power off requested (ACPI S5)");
                    AcpiError acpi = Acpi.Shutdown();
                    KernelLog.Error("kernel").Text("power off failed: ").Text(AcpiErrors.Describe(acpi)).End();
                    return (long)SystemCallError.NotSupported;
                case Reboot:
                    KernelLog.Info("kernel", "reset requested");
                    MachineReset.Reset();
                    return (long)SystemCallError.NotSupported;
                default:
                    return (long)SystemCallError.InvalidArgument;
            }
        }
    }
}
