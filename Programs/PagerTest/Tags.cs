using Cosmos.Api.Ipc;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>Message tags for pagertest's messages, whose counts are always in range.</summary>
    internal static class Tags
    {
        public static MessageTag Of(uint label, int untypedCount, int typedCount = 0)
        {
            MessageTag.TryCreate(label, untypedCount, typedCount, MessageTagFlags.None, out MessageTag tag);
            return tag;
        }
    }
}
