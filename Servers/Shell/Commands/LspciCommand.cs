using Cosmos.Api.Devices;
using Cosmos.Drivers.Pci;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>`lspci`: one line per PCI function, as `lspci -n` prints it, then the class name (from the pci driver).</summary>
    internal sealed class LspciCommand : Command
    {
        public override string Name => "lspci";

        public override string Summary => "PCI functions (like lspci -n)";

        public override void Run(ShellContext context, string[] words)
        {
            if (!ShellContext.IsRegistered(DeviceNames.Pci))
            {
                context.Line("lspci: pci driver unreachable");
                return;
            }
            PciStatus status = context.Pci.Count(out int count);
            if (status != PciStatus.Ok)
            {
                context.Line("lspci: the pci driver failed: " + Describe(status));
                return;
            }
            for (int index = 0; index < count; index++)
            {
                status = context.Pci.Function(index, out PciFunction function);
                if (status != PciStatus.Ok)
                {
                    context.Line("lspci: function " + index.ToString() + ": " + Describe(status));
                    return;
                }
                context.Line(LspciLine.Format(function));
            }
        }

        private static string Describe(PciStatus status) => status switch
        {
            PciStatus.NotFound => "not found",
            PciStatus.MalformedRequest => "malformed request",
            PciStatus.UnknownRequest => "unknown request",
            PciStatus.Unreachable => "pci driver unreachable",
            _ => "status " + ((uint)status).ToString(),
        };
    }
}
