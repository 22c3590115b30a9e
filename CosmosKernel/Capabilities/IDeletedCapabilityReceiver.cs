namespace CosmosKernel.Capabilities
{
    /// <summary>
    /// Told of each capability <see cref="CapabilityTable.DeleteAll{TReceiver}"/> removes, so the caller can
    /// drop object references (e.g. a task's end destroys the ports it alone held). Used as a generic struct argument.
    /// </summary>
    public interface IDeletedCapabilityReceiver
    {
        /// <summary>Called once per deleted capability, after its slot was emptied.</summary>
        void Deleted(CapabilitySlot slot, Capability capability);
    }
}
