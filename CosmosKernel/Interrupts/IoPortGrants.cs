namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// The I/O port ranges one task has enabled with IoPortsEnable (a field of its TaskControlBlock): at most
    /// <see cref="Capacity"/>, so switching the TSS bitmap to or from the task costs a bounded, small amount of work
    /// per range. A range already covered by one held is not added again. Pure logic: compiled into the host tests too.
    /// </summary>
    public unsafe struct IoPortGrants
    {
        public const int Capacity = 8;

        // Each range as its IoPortRange.ObjectIndex (first port | (count - 1) << 16).
        private fixed uint _ranges[Capacity];
        private int _count;

        public readonly int Count => _count;

        /// <summary>False for a task that never enabled ports: the scheduler's cheap test on every switch.</summary>
        public readonly bool IsEmpty => _count == 0;

        /// <summary>The <paramref name="index"/>-th range (0 ≤ index &lt; Count).</summary>
        public readonly IoPortRange this[int index]
        {
            get
            {
                IoPortRange.TryFromObjectIndex(_ranges[index], out IoPortRange range);
                return range;
            }
        }

        /// <summary>True when one held range contains all of <paramref name="range"/>.</summary>
        public readonly bool Covers(IoPortRange range)
        {
            for (int i = 0; i < _count; i++)
            {
                if (this[i].Contains(range))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Adds <paramref name="range"/>; false (nothing changed) when <see cref="Capacity"/> ranges are held. The caller checks <see cref="Covers"/> first.</summary>
        public bool TryAdd(IoPortRange range)
        {
            if (_count == Capacity)
            {
                return false;
            }
            _ranges[_count] = range.ObjectIndex;
            _count++;
            return true;
        }

        /// <summary>Forgets every range (the task ended).</summary>
        public void Clear() => _count = 0;
    }
}
