using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// Serves one of sigma0's ports with the <see cref="ServerLoop"/> (one ReplyWait per request) for as long as the port
    /// lives, and recovers from a failed reply. The loop returns when an exchange failed; if the reply then being sent
    /// carried a map item, sigma0 answers the caller again with the failure label and no item (IpcReply). That answer
    /// succeeds exactly when the first one did not reach the caller, and then, or when the kernel said so (TransferFailed,
    /// QuotaExceeded: the map could not be carried out), the block is taken back. A reply that reached its caller leaves
    /// no caller waiting, so the second answer fails with NoCaller and the block stays given. Failures are reported on
    /// the console, at most a few times per port.
    /// </summary>
    internal static class PortService
    {
        // Reports of failed exchanges stop after this many, so that no client can flood the console through sigma0.
        private const int MaximumFailureReports = 8;

        /// <summary>Serves <paramref name="port"/> until it is unusable; returns the error that ended it.</summary>
        public static SystemCallError Serve(string portName, uint port, ISigma0Requests requests)
        {
            PortHandler handler = new PortHandler(requests);
            int reports = 0;
            while (true)
            {
                IpcResult result = PortEndpoint.Serve(port, ref handler);
                SystemCallError error = result.Error;
                PendingMapping pending = handler.TakePendingMapping();
                if (pending.IsSet)
                {
                    IpcResult answer = Ipc.Reply(Sigma0Replies.LabelOnly(pending.FailureLabel));
                    if (answer.Succeeded || error == SystemCallError.TransferFailed || error == SystemCallError.QuotaExceeded)
                    {
                        handler.CancelMapping(pending);
                        if (reports < MaximumFailureReports)
                        {
                            reports++;
                            Kernel.DebugWrite("sigma0: " + portName + " port: the kernel refused a reply's mapping (" + Kernel.DescribeError((long)error) + "); the block is free again\n");
                        }
                        continue;
                    }
                }
                if (error == SystemCallError.StaleCapability || error == SystemCallError.EmptySlot || error == SystemCallError.InvalidSlot
                    || error == SystemCallError.WrongKind || error == SystemCallError.InsufficientRights)
                {
                    return error;
                }
                if (reports < MaximumFailureReports)
                {
                    reports++;
                    Kernel.DebugWrite("sigma0: " + portName + " port: an exchange failed: " + Kernel.DescribeError((long)error) + "\n");
                }
            }
        }
    }
}
