using System;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// Module start-up. ilc's native-library start-up does nothing for us, so the environment calls
    /// <see cref="InitializeModules"/> once the heap works: it allocates the objects that hold each type's
    /// static reference fields (GC static bases), runs the eager class constructors and the module
    /// initializers. Until then, code may use only primitive statics and string literals.
    /// </summary>
    public static unsafe class StartupCodeHelpers
    {
        private const uint ReadyToRunSignature = 0x00525452; // "RTR"
        private const int GcStaticRegionSection = 201;
        private const int EagerClassConstructorSection = 205;
        private const int ModuleInitializerListSection = 213;

        // Low bits of a GC static base slot before initialisation.
        private const nint GcStaticUninitialized = 1;
        private const nint GcStaticHasPreinitializedData = 2;
        private const nint GcStaticFlagMask = 3;

        private struct ReadyToRunHeader
        {
            public uint Signature;
            public ushort MajorVersion;
            public ushort MinorVersion;
            public uint Flags;
            public ushort NumberOfSections;
            public byte EntrySize;
            public byte EntryType;
        }

        private struct ModuleInfoRow
        {
            public int SectionId;
            public int Flags;
            public byte* Start;
            public byte* End;
        }

        /// <summary>Initialises every module listed between the linker symbols bounding the __modules section.</summary>
        public static void InitializeModules(nint* modulesStart, nint* modulesEnd)
        {
            for (nint* module = modulesStart; module < modulesEnd; module++)
            {
                ReadyToRunHeader* header = (ReadyToRunHeader*)*module;
                if (header == null)
                {
                    continue;
                }
                if (header->Signature != ReadyToRunSignature)
                {
                    FatalError.Fail("startup: module header has a bad signature");
                }
                InitializeModule(header);
            }
        }

        private static void InitializeModule(ReadyToRunHeader* header)
        {
            ModuleInfoRow* rows = (ModuleInfoRow*)(header + 1);
            int count = header->NumberOfSections;
            for (int i = 0; i < count; i++)
            {
                if (rows[i].SectionId == GcStaticRegionSection)
                {
                    InitializeGcStatics(rows[i].Start, rows[i].End);
                }
            }
            for (int i = 0; i < count; i++)
            {
                if (rows[i].SectionId == EagerClassConstructorSection)
                {
                    RunFunctionList(rows[i].Start, rows[i].End);
                }
            }
            for (int i = 0; i < count; i++)
            {
                if (rows[i].SectionId == ModuleInitializerListSection)
                {
                    RunFunctionList(rows[i].Start, rows[i].End);
                }
            }
        }

        // The region is a list of 32-bit relative pointers to GC static base slots. Each slot holds a 32-bit
        // relative pointer to the MethodTable of the statics holder, tagged "uninitialised" and optionally
        // followed by a relative pointer to preinitialised field data. The slot becomes the holder object.
        private static void InitializeGcStatics(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += sizeof(int))
            {
                nint* slot = (nint*)ReadRelativePointer((int*)entry);
                if ((*(int*)slot & GcStaticUninitialized) == 0)
                {
                    continue; // already initialised
                }
                MethodTable* holderType = (MethodTable*)((nint)ReadRelativePointer((int*)slot) & ~GcStaticFlagMask);
                object holder = ManagedHeap.NewObject(holderType);
                if ((*(int*)slot & GcStaticHasPreinitializedData) != 0)
                {
                    byte* data = (byte*)ReadRelativePointer((int*)slot + 1);
                    byte* fields = (byte*)Unsafe.AsPointer(holder) + sizeof(nint);
                    nuint size = holderType->BaseSize - (nuint)(ManagedHeap.ObjectHeaderSize + sizeof(nint));
                    SpanHelpers.MemoryMove(fields, data, size);
                }
                *slot = (nint)Unsafe.AsPointer(holder);
            }
        }

        private static void RunFunctionList(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += sizeof(int))
            {
                delegate*<void> function = (delegate*<void>)ReadRelativePointer((int*)entry);
                function();
            }
        }

        private static void* ReadRelativePointer(int* location) => (byte*)location + *location;
    }
}
