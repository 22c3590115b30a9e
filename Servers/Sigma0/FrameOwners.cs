using System;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// The badges that hold frames, numbered 1 to <see cref="Capacity"/> so that a frame's owner fits in one byte of the
    /// <see cref="FrameTable"/> (0 there means "not given"). An entry counts its badge's frames and is reused once the
    /// count is back to zero, so the limit is on badges holding memory at the same time. Fixed arrays made at start.
    /// Pure logic: host-tested.
    /// </summary>
    internal sealed class FrameOwners
    {
        /// <summary>The most owners a byte can number (1-255).</summary>
        public const int MaximumCapacity = 255;

        public const byte None = 0;

        private readonly ulong[] _badges;
        private readonly long[] _frames;

        public FrameOwners(int capacity)
        {
            if (capacity < 1 || capacity > MaximumCapacity)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity));
            }
            // Index 0 stays unused, so an owner number is its index.
            _badges = new ulong[capacity + 1];
            _frames = new long[capacity + 1];
        }

        public int Capacity => _badges.Length - 1;

        /// <summary>The owner number of <paramref name="badge"/>, or <see cref="None"/> when it holds no frame.</summary>
        public byte Find(ulong badge)
        {
            for (int owner = 1; owner < _badges.Length; owner++)
            {
                if (_frames[owner] != 0 && _badges[owner] == badge)
                {
                    return (byte)owner;
                }
            }
            return None;
        }

        /// <summary>The owner number of <paramref name="badge"/>, taking a free entry if it holds nothing; <see cref="None"/> when every entry is taken.</summary>
        public byte FindOrAdd(ulong badge)
        {
            byte found = Find(badge);
            if (found != None)
            {
                return found;
            }
            for (int owner = 1; owner < _badges.Length; owner++)
            {
                if (_frames[owner] == 0)
                {
                    _badges[owner] = badge;
                    return (byte)owner;
                }
            }
            return None;
        }

        /// <summary>The badge owner number <paramref name="owner"/> stands for.</summary>
        public ulong BadgeOf(byte owner) => _badges[owner];

        /// <summary>Frames owner number <paramref name="owner"/> holds.</summary>
        public long FramesOf(byte owner) => _frames[owner];

        /// <summary>Counts <paramref name="frames"/> more frames for <paramref name="owner"/> (negative: frames given back).</summary>
        public void Count(byte owner, long frames)
        {
            long total = _frames[owner] + frames;
            if (owner == None || total < 0)
            {
                throw new InvalidOperationException("sigma0: frame owner count out of balance");
            }
            _frames[owner] = total;
        }
    }
}
