using Cosmos.Api.Devices;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>`reboot`: asks the system service to reset the machine; if it returns, says why not.</summary>
    internal sealed class RebootCommand : Command
    {
        public override string Name => "reboot";

        public override string Summary => "restarts the machine";

        public override void Run(ShellContext context, string[] words)
        {
            if (!ShellContext.IsRegistered(DeviceNames.System))
            {
                context.Line("reboot: system service unreachable");
                return;
            }
            context.Line("rebooting...");
            context.Output.Flush();
            SystemServiceStatus status = context.System.Reboot();
            context.Line("reboot: failed: " + SystemStatusText.Describe(status));
        }
    }
}
