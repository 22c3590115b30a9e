using Cosmos.Api.Devices;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>`shutdown`: asks the system service to power the machine off; if it returns, says why not.</summary>
    internal sealed class ShutdownCommand : Command
    {
        public override string Name => "shutdown";

        public override string Summary => "powers the machine off";

        public override void Run(ShellContext context, string[] words)
        {
            if (!ShellContext.IsRegistered(DeviceNames.System))
            {
                context.Line("shutdown: system service unreachable");
                return;
            }
            context.Line("shutting down...");
            context.Output.Flush();
            SystemServiceStatus status = context.System.Shutdown();
            context.Line("shutdown: failed: " + SystemStatusText.Describe(status));
        }
    }
}
