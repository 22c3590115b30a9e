using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// Introspective sort shared by Array.Sort, List.Sort and Span.Sort: quicksort with median-of-three
    /// pivots, heapsort when recursion gets too deep (so the worst case stays n log n), insertion sort for
    /// short runs. Not stable. The comparer is a struct type parameter so the compare call is direct,
    /// whether it wraps an IComparer&lt;T&gt; or a Comparison&lt;T&gt; delegate.
    /// </summary>
    internal static class ArraySortHelper<T>
    {
        private const int InsertionSortThreshold = 16;

        public static void Sort(Span<T> keys, IComparer<T> comparer)
        {
            InterfaceComparer wrapper = new InterfaceComparer(comparer ?? Comparer<T>.Default);
            IntroSort(keys, ref wrapper, 2 * (Log2((uint)keys.Length) + 1));
        }

        public static void Sort(Span<T> keys, Comparison<T> comparison)
        {
            DelegateComparer wrapper = new DelegateComparer(comparison);
            IntroSort(keys, ref wrapper, 2 * (Log2((uint)keys.Length) + 1));
        }

        public static int BinarySearch(T[] array, int index, int length, T value, IComparer<T> comparer)
        {
            comparer ??= Comparer<T>.Default;
            int low = index;
            int high = index + length - 1;
            while (low <= high)
            {
                int middle = low + ((high - low) >> 1);
                int order = comparer.Compare(array[middle], value);
                if (order == 0)
                {
                    return middle;
                }
                if (order < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            return ~low;
        }

        private static void IntroSort<TComparer>(Span<T> keys, ref TComparer comparer, int depthLimit) where TComparer : struct, IComparer<T>
        {
            int length = keys.Length;
            while (length > InsertionSortThreshold)
            {
                if (depthLimit == 0)
                {
                    HeapSort(keys.Slice(0, length), ref comparer);
                    return;
                }
                depthLimit--;
                int pivot = Partition(keys.Slice(0, length), ref comparer);
                // Recurse on the right part, loop on the left: the stack depth is bounded by depthLimit.
                IntroSort(keys.Slice(pivot + 1, length - (pivot + 1)), ref comparer, depthLimit);
                length = pivot;
            }
            InsertionSort(keys.Slice(0, length), ref comparer);
        }

        /// <summary>Median-of-three pivot, parked at hi - 1; returns the pivot's final index.</summary>
        private static int Partition<TComparer>(Span<T> keys, ref TComparer comparer) where TComparer : struct, IComparer<T>
        {
            int high = keys.Length - 1;
            int middle = high >> 1;
            SwapIfGreater(keys, ref comparer, 0, middle);
            SwapIfGreater(keys, ref comparer, 0, high);
            SwapIfGreater(keys, ref comparer, middle, high);
            T pivot = keys[middle];
            Swap(keys, middle, high - 1);
            int left = 0;
            int right = high - 1;
            // keys[0] <= pivot and keys[high] >= pivot act as sentinels for the two scans.
            while (left < right)
            {
                while (comparer.Compare(keys[++left], pivot) < 0)
                {
                }
                while (comparer.Compare(pivot, keys[--right]) < 0)
                {
                }
                if (left >= right)
                {
                    break;
                }
                Swap(keys, left, right);
            }
            if (left != high - 1)
            {
                Swap(keys, left, high - 1);
            }
            return left;
        }

        private static void HeapSort<TComparer>(Span<T> keys, ref TComparer comparer) where TComparer : struct, IComparer<T>
        {
            int count = keys.Length;
            for (int i = count >> 1; i >= 1; i--)
            {
                SiftDown(keys, i, count, ref comparer);
            }
            for (int i = count; i > 1; i--)
            {
                Swap(keys, 0, i - 1);
                SiftDown(keys, 1, i - 1, ref comparer);
            }
        }

        // Heap positions are 1-based here: the children of node i are 2i and 2i + 1.
        private static void SiftDown<TComparer>(Span<T> keys, int node, int count, ref TComparer comparer) where TComparer : struct, IComparer<T>
        {
            T value = keys[node - 1];
            while (node <= count >> 1)
            {
                int child = 2 * node;
                if (child < count && comparer.Compare(keys[child - 1], keys[child]) < 0)
                {
                    child++;
                }
                if (comparer.Compare(value, keys[child - 1]) >= 0)
                {
                    break;
                }
                keys[node - 1] = keys[child - 1];
                node = child;
            }
            keys[node - 1] = value;
        }

        private static void InsertionSort<TComparer>(Span<T> keys, ref TComparer comparer) where TComparer : struct, IComparer<T>
        {
            for (int i = 1; i < keys.Length; i++)
            {
                T value = keys[i];
                int j = i - 1;
                while (j >= 0 && comparer.Compare(keys[j], value) > 0)
                {
                    keys[j + 1] = keys[j];
                    j--;
                }
                keys[j + 1] = value;
            }
        }

        private static void SwapIfGreater<TComparer>(Span<T> keys, ref TComparer comparer, int first, int second) where TComparer : struct, IComparer<T>
        {
            if (first != second && comparer.Compare(keys[first], keys[second]) > 0)
            {
                Swap(keys, first, second);
            }
        }

        private static void Swap(Span<T> keys, int first, int second)
        {
            T temporary = keys[first];
            keys[first] = keys[second];
            keys[second] = temporary;
        }

        private static int Log2(uint value)
        {
            int result = 0;
            while ((value >>= 1) != 0)
            {
                result++;
            }
            return result;
        }

        private readonly struct InterfaceComparer : IComparer<T>
        {
            private readonly IComparer<T> _comparer;

            public InterfaceComparer(IComparer<T> comparer)
            {
                _comparer = comparer;
            }

            public int Compare(T x, T y) => _comparer.Compare(x, y);
        }

        private readonly struct DelegateComparer : IComparer<T>
        {
            private readonly Comparison<T> _comparison;

            public DelegateComparer(Comparison<T> comparison)
            {
                _comparison = comparison;
            }

            public int Compare(T x, T y) => _comparison(x, y);
        }
    }
}
