using System;

namespace Cosmos.Api.Ipc
{
    /// <summary>Access rights a flexpage item passes on: bits 0-2 of a <see cref="Flexpage"/> word.</summary>
    [Flags]
    public enum FlexpageRights
    {
        None = 0,
        Read = 1,
        Write = 2,
        Execute = 4,
        All = Read | Write | Execute,
    }
}
