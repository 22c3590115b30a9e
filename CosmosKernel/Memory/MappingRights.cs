namespace CosmosKernel.Memory
{
    /// <summary>
    /// What a mapping allows, as recorded in the <see cref="MappingDatabase"/>: the same bits as
    /// Cosmos.Api.Ipc.FlexpageRights (1 read, 2 write, 4 execute), so a flexpage's rights convert by a cast.
    /// </summary>
    [System.Flags]
    internal enum MappingRights : byte
    {
        None = 0,
        Read = 1,
        Write = 2,
        Execute = 4,
        All = Read | Write | Execute,
    }
}
