namespace Cosmos.Drivers.Serial
{
    /// <summary>A Write that did not fit the transmit buffer: its bytes, and the saved Reply capability to answer once they are queued.</summary>
    internal sealed class PendingWrite
    {
        public readonly byte[] Bytes = new byte[Cosmos.Api.Devices.CharacterDeviceProtocol.MaximumBytes];
        public int Count;
        /// <summary>The Reply capability's slot; 0 when this entry is unused.</summary>
        public uint ReplySlot;
    }
}
