using Cosmos.Api.Devices;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>A system-service status in words.</summary>
    internal static class SystemStatusText
    {
        public static string Describe(SystemServiceStatus status) => status switch
        {
            SystemServiceStatus.Ok => "the service answered but the machine is still running",
            SystemServiceStatus.NotFound => "not found",
            SystemServiceStatus.NotPermitted => "not permitted",
            SystemServiceStatus.Failed => "the hardware did not do it",
            SystemServiceStatus.MalformedRequest => "malformed request",
            SystemServiceStatus.UnknownRequest => "the system service does not know this request",
            SystemServiceStatus.Unreachable => "system service unreachable",
            _ => "status " + ((uint)status).ToString(),
        };
    }
}
