namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// What an IPC system call returned in rax: an <see cref="IpcStatus"/> (0 a message, 1 a notification) or a
    /// negative <see cref="SystemCallError"/>. A value, so the wrappers never throw and never allocate.
    /// </summary>
    public readonly struct IpcResult
    {
        private readonly long _value;

        public IpcResult(long value)
        {
            _value = value;
        }

        /// <summary>rax as the kernel returned it.</summary>
        public long Value => _value;

        public bool Succeeded => _value >= 0;

        /// <summary>A message arrived (or, for a sending call, it was taken).</summary>
        public bool IsMessage => _value == (long)IpcStatus.Message;

        /// <summary>A notification's bits arrived (in <see cref="Utcb.ReceivedBadge"/>).</summary>
        public bool IsNotification => _value == (long)IpcStatus.Notification;

        /// <summary>The status of a successful call (meaningless when <see cref="Succeeded"/> is false).</summary>
        public IpcStatus Status => (IpcStatus)_value;

        /// <summary>The error of a failed call, or <see cref="SystemCallError.None"/>.</summary>
        public SystemCallError Error => _value < 0 ? (SystemCallError)_value : SystemCallError.None;
    }
}
