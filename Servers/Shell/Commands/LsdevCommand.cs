using Cosmos.Api.Naming;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>`lsdev`: the names registered at the name broker (drivers and services), page by page.</summary>
    internal sealed class LsdevCommand : Command
    {
        public override string Name => "lsdev";

        public override string Summary => "names registered at the name broker";

        public override void Run(ShellContext context, string[] words)
        {
            var names = new BrokerName[NameBrokerListReply.MaximumNames];
            ulong cursor = 0;
            int total = 0;
            do
            {
                NameBrokerStatus status = NameBroker.List(cursor, names, out int count, out ulong next);
                if (status != NameBrokerStatus.Ok)
                {
                    context.Line("lsdev: the name broker failed: " + NameBroker.Describe(status));
                    return;
                }
                for (int index = 0; index < count; index++)
                {
                    context.Line(names[index].ToString());
                }
                total += count;
                cursor = next;
            }
            while (cursor != 0);
            context.Line(total.ToString() + " names");
        }
    }
}
