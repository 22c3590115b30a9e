using Cosmos.Api.Naming;

namespace Cosmos.Servers.NameBroker
{
    /// <summary>
    /// The broker's registrations: a fixed array of entries made once at start-up (nothing is allocated per request),
    /// entry i's send right kept in capability slot FirstSlot + i. A registration whose send right went stale (its
    /// server ended, so its port was destroyed) is dropped, and its capability deleted, whenever a look-up, a listing,
    /// a registration or an unregistration meets it: a dead server's names never resolve, and its entries are reused.
    /// Pure logic over <see cref="IRegisteredRights"/>: host-tested (tests/Servers.Tests).
    /// </summary>
    internal sealed class RegistrationTable
    {
        private readonly Registration[] _entries;
        private readonly uint _firstSlot;
        private readonly IRegisteredRights _rights;
        private int _count;

        public RegistrationTable(int capacity, uint firstSlot, IRegisteredRights rights)
        {
            _entries = new Registration[capacity];
            _firstSlot = firstSlot;
            _rights = rights;
        }

        public int Capacity => _entries.Length;

        /// <summary>Entries in use (stale ones included until they are met).</summary>
        public int Count => _count;

        /// <summary>The capability slot that holds entry <paramref name="index"/>'s send right.</summary>
        public uint SlotOf(int index) => _firstSlot + (uint)index;

        /// <summary>Entry <paramref name="index"/>'s name (the entry must be in use).</summary>
        public BrokerName NameAt(int index) => _entries[index].Name;

        /// <summary>The index of the live registration of <paramref name="name"/>, or -1; a stale one is dropped on the way.</summary>
        public int Find(in BrokerName name)
        {
            for (int i = 0; i < _entries.Length; i++)
            {
                if (_entries[i].InUse && _entries[i].Name.Equals(name))
                {
                    if (DropIfStale(i))
                    {
                        return -1;
                    }
                    return i;
                }
            }
            return -1;
        }

        /// <summary>
        /// Takes an entry for <paramref name="name"/>, registered by <paramref name="registrantBadge"/>: AlreadyRegistered
        /// if a live registration has the name, TableFull if every entry holds a live one (stale entries are dropped
        /// first). On Ok the caller puts the send right into <see cref="SlotOf"/>(<paramref name="index"/>), or calls
        /// <see cref="Remove"/> if it cannot.
        /// </summary>
        public NameBrokerStatus Add(in BrokerName name, ulong registrantBadge, out int index)
        {
            index = -1;
            if (Find(name) >= 0)
            {
                return NameBrokerStatus.AlreadyRegistered;
            }
            int free = FirstFree();
            if (free < 0)
            {
                for (int i = 0; i < _entries.Length; i++)
                {
                    DropIfStale(i);
                }
                free = FirstFree();
                if (free < 0)
                {
                    return NameBrokerStatus.TableFull;
                }
            }
            _entries[free].Name = name;
            _entries[free].RegistrantBadge = registrantBadge;
            _entries[free].InUse = true;
            _count++;
            index = free;
            return NameBrokerStatus.Ok;
        }

        /// <summary>Removes <paramref name="name"/> if <paramref name="registrantBadge"/> registered it: NotFound, NotPermitted (another registrant's) or Ok.</summary>
        public NameBrokerStatus Unregister(in BrokerName name, ulong registrantBadge)
        {
            int index = Find(name);
            if (index < 0)
            {
                return NameBrokerStatus.NotFound;
            }
            if (_entries[index].RegistrantBadge != registrantBadge)
            {
                return NameBrokerStatus.NotPermitted;
            }
            Remove(index);
            return NameBrokerStatus.Ok;
        }

        /// <summary>The first live registration at <paramref name="cursor"/> or after it (stale ones met are dropped), or -1.</summary>
        public int NextFrom(int cursor)
        {
            for (int i = cursor < 0 ? 0 : cursor; i < _entries.Length; i++)
            {
                if (_entries[i].InUse && !DropIfStale(i))
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Frees entry <paramref name="index"/> and deletes its send right.</summary>
        public void Remove(int index)
        {
            if (!_entries[index].InUse)
            {
                return;
            }
            _entries[index] = default;
            _count--;
            _rights.Discard(SlotOf(index));
        }

        private bool DropIfStale(int index)
        {
            if (!_entries[index].InUse || !_rights.IsStale(SlotOf(index)))
            {
                return false;
            }
            Remove(index);
            return true;
        }

        private int FirstFree()
        {
            for (int i = 0; i < _entries.Length; i++)
            {
                if (!_entries[i].InUse)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
