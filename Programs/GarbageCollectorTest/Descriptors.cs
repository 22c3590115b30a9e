using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.GarbageCollection;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>
    /// "descriptors": checks the collector's reading of ilc's GCDesc against real types. For each object the slots that
    /// GcDescriptor visits must be exactly the addresses of its reference fields (taken from the fields themselves):
    /// a class with references between other fields, a class derived from it, object[], string[], an array of structs
    /// with references, and types without references. Prints each type's raw descriptor words too.
    /// </summary>
    internal static unsafe class Descriptors
    {
        private sealed class TwoReferences
        {
            public object First;
            public long Number;
            public string Second;
        }

        private sealed class Derived : Base
        {
            public int Count;
            public object Own;
        }

        private class Base
        {
            public long Stamp;
            public object Inherited;
        }

        private struct Entry
        {
            public long Number;
            public object Reference;
            public int Small;
            public string Text;
        }

        private struct Plain
        {
            public long A;
            public int B;
        }

        private struct SlotRecorder : IReferenceSlotVisitor
        {
            public fixed ulong Slots[64];
            public int Count;

            public void Visit(nuint* slot)
            {
                if (Count < 64)
                {
                    Slots[Count] = (ulong)slot;
                }
                Count++;
            }
        }

        public static int Run()
        {
            string failure = null;
            TwoReferences two = new TwoReferences();
            failure ??= Check("TwoReferences", two, new ulong[] { Address(ref two.First), Address(ref two.Second) });

            Derived derived = new Derived();
            failure ??= Check("Derived", derived, new ulong[] { Address(ref derived.Inherited), Address(ref derived.Own) });

            object[] objects = new object[5];
            failure ??= Check("object[5]", objects, ElementAddresses(objects));

            string[] strings = new string[3];
            failure ??= Check("string[3]", strings, new ulong[] { Address(ref strings[0]), Address(ref strings[1]), Address(ref strings[2]) });

            Entry[] entries = new Entry[4];
            ulong[] expected = new ulong[8];
            for (int i = 0; i < 4; i++)
            {
                expected[2 * i] = Address(ref entries[i].Reference);
                expected[2 * i + 1] = Address(ref entries[i].Text);
            }
            SortAscending(expected);
            failure ??= Check("Entry[4]", entries, expected);
            failure ??= Check("Entry[0]", new Entry[0], new ulong[0]);

            failure ??= Check("Plain[3]", new Plain[3], new ulong[0]);
            failure ??= Check("string", "descriptor", new ulong[0]);
            failure ??= Check("long[2]", new long[2], new ulong[0]);
            return Output.Result("descriptors", failure);
        }

        private static ulong[] ElementAddresses(object[] array)
        {
            ulong[] addresses = new ulong[array.Length];
            for (int i = 0; i < array.Length; i++)
            {
                addresses[i] = Address(ref array[i]);
            }
            return addresses;
        }

        private static ulong Address<T>(ref T field) => (ulong)Unsafe.AsPointer(ref field);

        private static string Check(string name, object instance, ulong[] expected)
        {
            byte* objectReference = (byte*)Unsafe.AsPointer(instance);
            MethodTable* type = *(MethodTable**)objectReference;
            PrintDescriptor(name, type);
            SlotRecorder recorder = default;
            nuint size = GcDescriptor.ObjectSize(type, objectReference);
            if (!GcDescriptor.VisitReferences(type, objectReference, size, ref recorder))
            {
                return name + ": the descriptor was rejected as malformed";
            }
            ulong[] visited = new ulong[recorder.Count < 64 ? recorder.Count : 64];
            for (int i = 0; i < visited.Length; i++)
            {
                visited[i] = recorder.Slots[i];
            }
            SortAscending(visited);
            if (recorder.Count != expected.Length)
            {
                return name + ": visited " + recorder.Count.ToString() + " slots, expected " + expected.Length.ToString();
            }
            for (int i = 0; i < expected.Length; i++)
            {
                if (visited[i] != expected[i])
                {
                    return name + ": slot " + i.ToString() + " at offset " + ((long)visited[i] - (long)objectReference).ToString() + ", expected " + ((long)expected[i] - (long)objectReference).ToString();
                }
            }
            return null;
        }

        private static void PrintDescriptor(string name, MethodTable* type)
        {
            string line = "descriptor " + name + " flags=0x" + type->Flags.ToString("x") + " base=" + type->BaseSize.ToString();
            if (type->HasPointers)
            {
                long* words = (long*)type;
                long count = words[-1];
                long wordCount = count > 0 ? 1 + 2 * count : 2 + (-count);
                for (long i = 1; i <= wordCount && i <= 9; i++)
                {
                    line += " [-" + (8 * i).ToString() + "]=" + words[-i].ToString();
                }
            }
            Output.Line(line);
        }

        private static void SortAscending(ulong[] values)
        {
            for (int i = 1; i < values.Length; i++)
            {
                ulong value = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > value)
                {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = value;
            }
        }
    }
}
