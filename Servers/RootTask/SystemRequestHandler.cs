using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Handles the system service's requests (<see cref="SystemServiceProtocol"/>) on its thread. Kill refuses the root task
    /// and the name broker (NotPermitted); sigma0 the kernel refuses anyway (the root task holds no Task capability for it:
    /// Failed, PermissionDenied). Every request is checked for its word count before anything happens.
    /// </summary>
    internal struct SystemRequestHandler : IMessageHandler
    {
        private const ulong PowerOff = 1;
        private const ulong Reset = 2;

        private static ulong s_brokerTask;

        /// <summary>Adds the name broker's task to the tasks Kill refuses.</summary>
        public static void Protect(ulong brokerTask) => s_brokerTask = brokerTask;

        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
        {
            Message message = Message.Current;
            int words = 0;
            SystemServiceStatus status;
            switch (request.Label)
            {
                case SystemServiceProtocol.Kill:
                    status = request.UntypedCount == 1 && request.TypedCount == 0 ? Kill(message, out words) : SystemServiceStatus.MalformedRequest;
                    break;
                case SystemServiceProtocol.Reboot:
                case SystemServiceProtocol.Shutdown:
                    status = request.UntypedCount == 0 && request.TypedCount == 0 ? Power(message, request.Label, out words) : SystemServiceStatus.MalformedRequest;
                    break;
                case SystemServiceProtocol.MemoryFigures:
                    status = request.UntypedCount == 0 && request.TypedCount == 0 ? MemoryFigures(message, out words) : SystemServiceStatus.MalformedRequest;
                    break;
                case SystemServiceProtocol.Services:
                    status = request.UntypedCount == 1 && request.TypedCount == 0 ? Services(message, out words) : SystemServiceStatus.MalformedRequest;
                    break;
                default:
                    status = SystemServiceStatus.UnknownRequest;
                    break;
            }
            MessageTag.TryCreate((uint)status, words, 0, MessageTagFlags.None, out reply);
            return ServerAction.Reply;
        }

        public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;

        private static SystemServiceStatus Kill(Message message, out int words)
        {
            words = 0;
            ulong task = message.Word(0);
            Kernel.ThreadSelf(out ulong self);
            if (task == 0 || task == self || task == s_brokerTask)
            {
                return SystemServiceStatus.NotPermitted;
            }
            SystemCallError error = Kernel.KillTask(task);
            if (error == SystemCallError.NoSuchTask)
            {
                return SystemServiceStatus.NotFound;
            }
            if (error != SystemCallError.None)
            {
                message.SetWord(0, (ulong)(long)error);
                words = 1;
                return SystemServiceStatus.Failed;
            }
            Kernel.DebugWrite("roottask: killed task " + Kernel.FormatId(task) + " on request\n");
            return SystemServiceStatus.Ok;
        }

        // On success the machine is gone; a reply means it failed, with the kernel's reason in word 0.
        private static SystemServiceStatus Power(Message message, uint label, out int words)
        {
            Kernel.DebugWrite(label == SystemServiceProtocol.Shutdown ? "roottask: powering off on request\n" : "roottask: rebooting on request\n");
            SystemCallError error = Kernel.SetSystemPower(0, label == SystemServiceProtocol.Shutdown ? PowerOff : Reset);
            message.SetWord(0, (ulong)(long)error);
            words = 1;
            return SystemServiceStatus.Failed;
        }

        private static SystemServiceStatus MemoryFigures(Message message, out int words)
        {
            words = 0;
            Sigma0Status status = Sigma0Client.Statistics(WellKnownSlots.RootSigma0Memory, out Sigma0Statistics statistics);
            if (status != Sigma0Status.Success)
            {
                message.SetWord(0, unchecked((ulong)(long)SystemCallError.PartnerGone));
                words = 1;
                return SystemServiceStatus.Failed;
            }
            ulong kernelFree = Kernel.FreeFrames(out ulong kernelManaged);
            message.SetWord(0, statistics.TotalFrames);
            message.SetWord(1, statistics.FreeFrames);
            message.SetWord(2, kernelManaged);
            message.SetWord(3, kernelFree);
            message.SetWord(4, 4096);
            words = SystemServiceProtocol.MemoryFiguresWordCount;
            return SystemServiceStatus.Ok;
        }

        private static SystemServiceStatus Services(Message message, out int words)
        {
            words = 0;
            if (!Supervisor.TryDescribe((int)message.Word(0), out string name, out ulong task, out int restarts, out SupervisedState state))
            {
                return SystemServiceStatus.NotFound;
            }
            if (BrokerName.TryEncode(name, out BrokerName encoded) != NameBrokerStatus.Ok)
            {
                return SystemServiceStatus.NotFound;
            }
            message.SetWord(0, task);
            message.SetWord(1, (ulong)restarts);
            message.SetWord(2, (ulong)state);
            encoded.WriteTo(message.RegisterSpan.Slice(3));
            words = SystemServiceProtocol.ServicesWordCount;
            return SystemServiceStatus.Ok;
        }
    }
}
