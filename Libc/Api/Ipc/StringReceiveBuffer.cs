namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// A buffer a receiver declares for string items: the n-th string item of a message is copied into the n-th
    /// buffer. Two words: bits 0-31 of the first the length in bytes (at most
    /// <see cref="MessageLimits.MaximumStringLength"/>), bits 32-63 reserved; the second the address. The range must
    /// lie in the user half (<see cref="UserBuffer"/>); the kernel checks that it is mapped writable when it copies.
    /// </summary>
    public readonly struct StringReceiveBuffer
    {
        public const ulong LengthMask = 0xFFFFFFFF;

        private readonly ulong _address;
        private readonly uint _length;

        private StringReceiveBuffer(ulong address, uint length)
        {
            _address = address;
            _length = length;
        }

        public ulong Address => _address;

        public uint Length => _length;

        public ulong FirstWord => _length;

        public ulong SecondWord => _address;

        /// <summary>Builds a declaration; returns the first rule it breaks, and leaves it zero then.</summary>
        public static MessageError TryCreate(ulong address, ulong length, out StringReceiveBuffer buffer)
        {
            buffer = default;
            MessageError error = UserBuffer.Check(address, length);
            if (error != MessageError.None)
            {
                return error;
            }
            buffer = new StringReceiveBuffer(address, (uint)length);
            return MessageError.None;
        }

        /// <summary>Reads a declaration's two words; returns the first rule they break, and leaves it zero then.</summary>
        public static MessageError TryDecode(ulong firstWord, ulong secondWord, out StringReceiveBuffer buffer)
        {
            buffer = default;
            if ((firstWord & ~LengthMask) != 0)
            {
                return MessageError.ReservedItemBitsSet;
            }
            return TryCreate(secondWord, firstWord, out buffer);
        }
    }
}
