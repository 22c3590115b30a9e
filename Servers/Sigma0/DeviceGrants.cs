using System;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// The device blocks sigma0 has mapped and to which badge: at most <see cref="Capacity"/>, no two overlapping (a
    /// device block is given to one holder at a time, like a frame). A fixed array made at start; only the device port's
    /// thread changes it, and the memory port's thread reads <see cref="Count"/> for Statistics. Pure logic: host-tested.
    /// </summary>
    internal sealed class DeviceGrants
    {
        public const int DefaultCapacity = 64;

        private readonly PhysicalBlock[] _blocks;
        private readonly ulong[] _badges;
        private readonly bool[] _used;
        // volatile: the memory port's thread reads it for Statistics while this one changes it.
        private volatile int _count;

        public DeviceGrants(int capacity = DefaultCapacity)
        {
            _blocks = new PhysicalBlock[capacity];
            _badges = new ulong[capacity];
            _used = new bool[capacity];
        }

        public int Capacity => _blocks.Length;

        /// <summary>Device blocks given now.</summary>
        public int Count => _count;

        /// <summary>Records <paramref name="block"/> as given to <paramref name="badge"/> in entry <paramref name="index"/>: AlreadyGiven if it overlaps a given block, NoMemory when the table is full.</summary>
        public Sigma0Status Add(PhysicalBlock block, ulong badge, out int index)
        {
            index = -1;
            int free = -1;
            for (int i = 0; i < _blocks.Length; i++)
            {
                if (!_used[i])
                {
                    if (free < 0)
                    {
                        free = i;
                    }
                    continue;
                }
                if (_blocks[i].Overlaps(block))
                {
                    return Sigma0Status.AlreadyGiven;
                }
            }
            if (free < 0)
            {
                return Sigma0Status.NoMemory;
            }
            _blocks[free] = block;
            _badges[free] = badge;
            _used[free] = true;
            _count++;
            index = free;
            return Sigma0Status.Success;
        }

        /// <summary>The entry holding exactly <paramref name="block"/> for <paramref name="badge"/>, or -1 (the release is NotOwned).</summary>
        public int Find(PhysicalBlock block, ulong badge)
        {
            for (int i = 0; i < _blocks.Length; i++)
            {
                if (_used[i] && _badges[i] == badge && _blocks[i].BaseAddress == block.BaseAddress && _blocks[i].SizeLog2 == block.SizeLog2)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Forgets entry <paramref name="index"/> (released, or its reply failed to map it).</summary>
        public void RemoveAt(int index)
        {
            if (!_used[index])
            {
                throw new InvalidOperationException("sigma0: removing a device grant that is not there");
            }
            _used[index] = false;
            _count--;
        }
    }
}
