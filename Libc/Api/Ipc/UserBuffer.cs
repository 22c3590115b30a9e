namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The range rule string items and string receive buffers share: at most
    /// <see cref="MessageLimits.MaximumStringLength"/> bytes, and [address, address + length) inside the user half.
    /// Whether the pages are mapped (and writable, for a receive buffer) is checked when the kernel copies.
    /// </summary>
    public static class UserBuffer
    {
        /// <summary>Returns the first rule the range breaks, or None.</summary>
        public static MessageError Check(ulong address, ulong length)
        {
            if (length > MessageLimits.MaximumStringLength)
            {
                return MessageError.StringTooLong;
            }
            if (address > ulong.MaxValue - length)
            {
                return MessageError.StringWrapsAddressSpace;
            }
            if (address + length > MessageLimits.UserAddressLimit)
            {
                return MessageError.StringOutsideUserSpace;
            }
            return MessageError.None;
        }
    }
}
