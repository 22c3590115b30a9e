namespace CosmosKernel.Capabilities
{
    /// <summary>
    /// Which kernel object a capability names: the index in its kind's object table plus the object's
    /// generation when the capability was made. The object table advances the generation when the object is
    /// freed or revoked, so a capability holding an older generation is detected as stale in O(1) instead of
    /// reaching the slot's next object. Generation 0 is never live (as with task and thread versions).
    /// Pure logic: compiled into the host tests too.
    /// </summary>
    public readonly struct KernelObjectReference
    {
        public readonly uint Index;
        public readonly uint Generation;

        public KernelObjectReference(uint index, uint generation)
        {
            Index = index;
            Generation = generation;
        }

        /// <summary>"No object"; what an empty slot holds.</summary>
        public static KernelObjectReference None => default;

        public bool IsNone => Generation == 0;

        /// <summary>The generation after <paramref name="generation"/>; skips 0, which never names a live object.</summary>
        public static uint NextGeneration(uint generation) => generation == uint.MaxValue ? 1 : generation + 1;

        /// <summary>The same object at <paramref name="generation"/>: what a re-issued capability names after a revocation.</summary>
        public KernelObjectReference WithGeneration(uint generation) => new KernelObjectReference(Index, generation);

        public static bool operator ==(KernelObjectReference left, KernelObjectReference right) =>
            left.Index == right.Index && left.Generation == right.Generation;

        public static bool operator !=(KernelObjectReference left, KernelObjectReference right) => !(left == right);

        public override bool Equals(object obj) => obj is KernelObjectReference other && other == this;

        public override int GetHashCode() => (int)(Index ^ (Generation * 0x9E3779B9u));

        public override string ToString() => Index.ToString() + "." + Generation.ToString();
    }
}
