using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// Resolves interface calls. ilc compiles `iface.Method()` into a call through a dispatch cell
    /// {stub, cache word}; cells of one call site form a run that ends with {0, (cellType &lt;&lt; 16) | slot}.
    /// The cache word is a 32-bit relative pointer to the interface's MethodTable (low bits are tags).
    /// Resolution walks the object's type: its interface list to find the interface's index, then the
    /// dispatch map of the type and its base types to find the implementing vtable (or sealed vtable) slot.
    /// Results are remembered in a hash table keyed by (cell, object type), so repeated calls do not walk
    /// the type again.
    /// </summary>
    internal static unsafe class InterfaceDispatch
    {
        private struct CacheEntry
        {
            public nint Cell;
            public MethodTable* Type;
            public nint Target;
        }

        private const int CacheCapacity = 4096; // power of two
        private static CacheEntry* s_cache;

        [RuntimeExport("RhpResolveInterfaceDispatch")]
        private static nint Resolve(object instance, nint cell)
        {
            if (instance == null)
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowNullReferenceException();
            }
            MethodTable* type = instance._methodTable;
            if (s_cache == null)
            {
                s_cache = (CacheEntry*)ManagedHeap.AllocateRaw((nuint)(CacheCapacity * sizeof(CacheEntry)));
            }
            uint hash = (uint)(((ulong)cell >> 3) * 0x9E3779B1u ^ ((ulong)type >> 3));
            int index = (int)(hash & (CacheCapacity - 1));
            CacheEntry* entry = s_cache + index;
            if (entry->Cell == cell && entry->Type == type)
            {
                return entry->Target;
            }
            ReadCell(cell, out MethodTable* interfaceType, out int slot);
            nint target = FindImplementation(type, interfaceType, slot);
            if (target == 0)
            {
                FatalError.Fail("interface dispatch: the object's type does not implement the called interface method");
            }
            entry->Cell = cell;
            entry->Type = type;
            entry->Target = target;
            return target;
        }

        /// <summary>Resolves an interface method for a delegate bound to an interface method.</summary>
        internal static nint ResolveForDelegate(object instance, nint cell) => Resolve(instance, cell);

        private static void ReadCell(nint cell, out MethodTable* interfaceType, out int slot)
        {
            // The interface type: a relative pointer in the cell's cache word.
            int* cacheWord = (int*)(cell + sizeof(nint));
            nint relative = *cacheWord;
            interfaceType = (MethodTable*)(((nint)cacheWord + relative) & ~(nint)3);

            // The slot: in the terminating cell of this call site's run.
            nint* walker = (nint*)cell;
            while (walker[0] != 0)
            {
                walker += 2;
            }
            slot = (int)(walker[1] & 0xFFFF);
        }

        /// <summary>The code address implementing slot <paramref name="slot"/> of <paramref name="interfaceType"/> for objects of <paramref name="type"/>; 0 when none.</summary>
        internal static nint FindImplementation(MethodTable* type, MethodTable* interfaceType, int slot)
        {
            MethodTable* current = type;
            while (current != null)
            {
                nint target = FindInDispatchMap(type, current, interfaceType, slot);
                if (target != 0)
                {
                    return target;
                }
                current = current->IsParameterized ? null : current->BaseType;
            }
            return 0;
        }

        private static nint FindInDispatchMap(MethodTable* objectType, MethodTable* type, MethodTable* interfaceType, int slot)
        {
            if (!type->HasDispatchMap)
            {
                return 0;
            }
            int interfaceIndex = -1;
            MethodTable** interfaces = type->InterfaceMap;
            for (int i = 0; i < type->NumInterfaces; i++)
            {
                if (interfaces[i] == interfaceType)
                {
                    interfaceIndex = i;
                    break;
                }
            }
            if (interfaceIndex < 0)
            {
                return 0;
            }
            ushort* map = (ushort*)RelativeField(type, 2);
            if (map == null)
            {
                return 0;
            }
            // Four counts: standard entries, default-implementation entries, static entries, static default entries.
            int standardCount = map[0];
            DispatchMapEntry* entries = (DispatchMapEntry*)(map + 4);
            for (int i = 0; i < standardCount; i++)
            {
                if (entries[i].InterfaceIndex == interfaceIndex && entries[i].InterfaceSlot == slot)
                {
                    return SlotAddress(objectType, type, entries[i].ImplementationSlot);
                }
            }
            int defaultCount = map[1];
            for (int i = standardCount; i < standardCount + defaultCount; i++)
            {
                if (entries[i].InterfaceIndex == interfaceIndex && entries[i].InterfaceSlot == slot)
                {
                    return SlotAddress(objectType, type, entries[i].ImplementationSlot);
                }
            }
            return 0;
        }

        private struct DispatchMapEntry
        {
            public ushort InterfaceIndex;
            public ushort InterfaceSlot;
            public ushort ImplementationSlot;
        }

        // A virtual slot is read from the object's own vtable (a derived class may override the method the
        // base class mapped to the interface); a sealed slot belongs to the type whose map named it.
        private static nint SlotAddress(MethodTable* objectType, MethodTable* mapOwner, int implementationSlot)
        {
            if (implementationSlot < mapOwner->NumVirtualSlots)
            {
                return objectType->VirtualSlots[implementationSlot];
            }
            int sealedIndex = implementationSlot - mapOwner->NumVirtualSlots;
            int* sealedSlots = (int*)RelativeField(mapOwner, 4);
            if (sealedSlots == null)
            {
                return 0;
            }
            int* sealedSlot = sealedSlots + sealedIndex;
            return (nint)sealedSlot + *sealedSlot;
        }

        /// <summary>
        /// The optional relative-pointer fields after the interface list, in order: TypeManager, WritableData,
        /// DispatchMap (if the flag is set), Finalizer (if set), SealedVirtualSlots (if set). Field ids:
        /// 0 TypeManager, 1 WritableData, 2 DispatchMap, 3 Finalizer, 4 SealedVirtualSlots, then for generic
        /// instantiations 5 GenericDefinition and 6 the type argument (for one type argument, ilc points
        /// straight at the argument's MethodTable — read off ilc 10.0.14's output for Nullable&lt;int&gt;).
        /// </summary>
        internal static void* RelativeField(MethodTable* type, int field)
        {
            int* cursor = (int*)type->PointerAreaEnd;
            for (int id = 0; id <= field; id++)
            {
                bool present = id switch
                {
                    0 => true,
                    1 => true,
                    2 => type->HasDispatchMap,
                    3 => type->HasFinalizer,
                    4 => type->HasSealedVirtualSlots,
                    5 => type->IsGeneric,
                    6 => type->IsGeneric,
                    _ => false,
                };
                if (!present)
                {
                    if (id == field)
                    {
                        return null;
                    }
                    continue;
                }
                if (id == field)
                {
                    return (byte*)cursor + *cursor;
                }
                cursor++;
            }
            return null;
        }
    }
}
