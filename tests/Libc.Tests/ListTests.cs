using System;
using System.Collections.Generic;
using System.Runtime;
using Xunit;

namespace Libc.Tests
{
    public class ListTests
    {
        [Fact]
        public void GrowsByDoublingAndReleasesOutgrownArrays()
        {
            var list = new List<int>();
            Assert.Equal(0, list.Capacity);
            int releasedBefore = StorageRelease.ReleaseCount;
            for (int i = 0; i < 100; i++)
            {
                list.Add(i);
            }
            Assert.Equal(100, list.Count);
            Assert.Equal(128, list.Capacity);
            // 4 -> 8 -> 16 -> 32 -> 64 -> 128: five outgrown arrays given back.
            Assert.Equal(5, StorageRelease.ReleaseCount - releasedBefore);
            for (int i = 0; i < 100; i++)
            {
                Assert.Equal(i, list[i]);
            }
        }

        [Fact]
        public void InsertAndRemoveKeepOrder()
        {
            var list = new List<string> { "a", "c" };
            list.Insert(1, "b");
            list.Insert(3, "d");
            list.Insert(0, "start");
            Assert.Equal(new[] { "start", "a", "b", "c", "d" }, list.ToArray());
            Assert.True(list.Remove("a"));
            Assert.False(list.Remove("zzz"));
            list.RemoveAt(0);
            Assert.Equal(new[] { "b", "c", "d" }, list.ToArray());
            list.RemoveRange(1, 2);
            Assert.Equal(new[] { "b" }, list.ToArray());
            Assert.Throws<ArgumentOutOfRangeException>(() => list.Insert(5, "x"));
            Assert.Throws<ArgumentOutOfRangeException>(() => list.RemoveAt(1));
            Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
            Assert.Throws<ArgumentOutOfRangeException>(() => list[-1] = "x");
        }

        [Fact]
        public void SearchingWithNullsAndDuplicates()
        {
            var list = new List<string> { "x", null, "y", "x" };
            Assert.Equal(1, list.IndexOf(null));
            Assert.Equal(0, list.IndexOf("x"));
            Assert.Equal(3, list.LastIndexOf("x"));
            Assert.Equal(3, list.IndexOf("x", 1));
            Assert.True(list.Contains(null));
            Assert.False(list.Contains("z"));
            Assert.Equal("y", list.Find(s => s != null && s.StartsWith("y")));
            Assert.Equal(2, list.FindIndex(s => s == "y"));
            Assert.Equal(3, list.FindLastIndex(s => s == "x"));
            Assert.Equal(2, list.FindAll(s => s == "x").Count);
            Assert.True(list.Exists(s => s == null));
            Assert.False(list.TrueForAll(s => s != null));
            Assert.Equal(2, list.RemoveAll(s => s == "x"));
            Assert.Equal(new[] { null, "y" }, list.ToArray());
        }

        [Fact]
        public void SortMatchesTheBcl()
        {
            var random = new Random(42);
            foreach (int size in new[] { 0, 1, 2, 15, 16, 17, 100, 1000, 5000 })
            {
                int[] data = new int[size];
                for (int i = 0; i < size; i++)
                {
                    data[i] = random.Next(-1000, 1000);
                }
                var list = new List<int>(data);
                list.Sort();
                int[] expected = (int[])data.Clone();
                global::System.Array.Sort(expected);
                Assert.Equal(expected, list.ToArray());

                list.Sort((a, b) => b.CompareTo(a));
                global::System.Array.Reverse(expected);
                Assert.Equal(expected, list.ToArray());
            }
        }

        [Fact]
        public void SortHandlesAdversarialInputs()
        {
            // Already sorted, reversed, all equal and organ-pipe inputs are the classic quicksort killers.
            int n = 3000;
            var inputs = new List<int[]>();
            int[] sorted = new int[n];
            int[] reversed = new int[n];
            int[] equal = new int[n];
            int[] organ = new int[n];
            for (int i = 0; i < n; i++)
            {
                sorted[i] = i;
                reversed[i] = n - i;
                equal[i] = 7;
                organ[i] = i < n / 2 ? i : n - i;
            }
            foreach (int[] input in new[] { sorted, reversed, equal, organ })
            {
                var list = new List<int>(input);
                list.Sort();
                for (int i = 1; i < n; i++)
                {
                    Assert.True(list[i - 1] <= list[i]);
                }
            }
        }

        private sealed class ByLength : IComparer<string>
        {
            public int Compare(string x, string y) => x.Length.CompareTo(y.Length);
        }

        [Fact]
        public void SortWithComparerAndBinarySearch()
        {
            var list = new List<string> { "ccc", "a", "bb", "dddd" };
            list.Sort(new ByLength());
            Assert.Equal(new[] { "a", "bb", "ccc", "dddd" }, list.ToArray());
            var numbers = new List<int> { 1, 3, 5, 7 };
            Assert.Equal(2, numbers.BinarySearch(5));
            Assert.Equal(~2, numbers.BinarySearch(4));
            Assert.Equal(~4, numbers.BinarySearch(100));
        }

        [Fact]
        public void EnumerationDetectsChanges()
        {
            var list = new List<int> { 1, 2, 3 };
            int sum = 0;
            foreach (int value in list)
            {
                sum += value;
            }
            Assert.Equal(6, sum);
            Assert.Throws<InvalidOperationException>(() =>
            {
                foreach (int value in list)
                {
                    list.Add(value);
                }
            });
            IEnumerable<int> boxed = list;
            int count = 0;
            foreach (int value in boxed)
            {
                count++;
            }
            Assert.Equal(list.Count, count);
        }

        [Fact]
        public void RangesAndConversions()
        {
            var list = new List<int> { 1, 2, 3, 4, 5 };
            Assert.Equal(new[] { 2, 3 }, list.GetRange(1, 2).ToArray());
            list.Reverse();
            Assert.Equal(new[] { 5, 4, 3, 2, 1 }, list.ToArray());
            list.Reverse(1, 3);
            Assert.Equal(new[] { 5, 2, 3, 4, 1 }, list.ToArray());
            Assert.Equal(new[] { "5", "2", "3", "4", "1" }, list.ConvertAll(i => i.ToString()).ToArray());
            list.InsertRange(1, new[] { 10, 11 });
            Assert.Equal(new[] { 5, 10, 11, 2, 3, 4, 1 }, list.ToArray());
            list.AddRange(list);
            Assert.Equal(14, list.Count);
            Assert.Equal(5, list[7]);
            int[] target = new int[16];
            list.CopyTo(target, 2);
            Assert.Equal(5, target[2]);
            list.Clear();
            Assert.Empty(list.ToArray());
            list.TrimExcess();
            Assert.Equal(0, list.Capacity);
            Assert.Throws<ArgumentOutOfRangeException>(() => new List<int>(-1));
        }

        [Fact]
        public void CapacityCannotDropBelowCount()
        {
            var list = new List<int> { 1, 2, 3 };
            Assert.Throws<ArgumentOutOfRangeException>(() => list.Capacity = 2);
            list.Capacity = 3;
            Assert.Equal(3, list.Capacity);
            Assert.Equal(new[] { 1, 2, 3 }, list.ToArray());
        }

        [Fact]
        public void ForEachRejectsModification()
        {
            var list = new List<int> { 1, 2 };
            int total = 0;
            list.ForEach(value => total += value);
            Assert.Equal(3, total);
            Assert.Throws<InvalidOperationException>(() => list.ForEach(value => list.Add(value)));
        }
    }
}
