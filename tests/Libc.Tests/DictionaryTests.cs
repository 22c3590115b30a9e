using System;
using System.Collections.Generic;
using Xunit;

namespace Libc.Tests
{
    public class DictionaryTests
    {
        [Fact]
        public void AddGetAndOverwrite()
        {
            var map = new Dictionary<string, int>();
            map.Add("one", 1);
            map["two"] = 2;
            map["two"] = 22;
            Assert.Equal(2, map.Count);
            Assert.Equal(1, map["one"]);
            Assert.Equal(22, map["two"]);
            Assert.True(map.TryGetValue("one", out int value));
            Assert.Equal(1, value);
            Assert.False(map.TryGetValue("three", out value));
            Assert.Equal(0, value);
            Assert.False(map.TryAdd("one", 100));
            Assert.Equal(1, map["one"]);
            Assert.Throws<ArgumentException>(() => map.Add("one", 5));
            Assert.Throws<KeyNotFoundException>(() => map["missing"]);
            Assert.Throws<ArgumentNullException>(() => map[null] = 1);
            Assert.Throws<ArgumentNullException>(() => map.ContainsKey(null));
            Assert.Equal(7, map.GetValueOrDefault("none", 7));
        }

        [Fact]
        public void RemoveReusesFreedEntries()
        {
            var map = new Dictionary<int, string>();
            for (int i = 0; i < 4; i++)
            {
                map.Add(i, "v" + i);
            }
            int capacity = map.EnsureCapacity(0);
            Assert.True(map.Remove(1));
            Assert.False(map.Remove(1));
            Assert.True(map.Remove(2, out string removed));
            Assert.Equal("v2", removed);
            Assert.Equal(2, map.Count);
            map.Add(10, "ten");
            map.Add(11, "eleven");
            Assert.Equal(capacity, map.EnsureCapacity(0));
            Assert.Equal(4, map.Count);
            Assert.Equal("ten", map[10]);
            Assert.False(map.ContainsKey(2));
        }

        private sealed class ConstantHash : IEqualityComparer<int>
        {
            public bool Equals(int x, int y) => x == y;

            public int GetHashCode(int obj) => 42;
        }

        [Fact]
        public void CollisionsAllInOneChain()
        {
            var map = new Dictionary<int, int>(new ConstantHash());
            for (int i = 0; i < 200; i++)
            {
                map.Add(i, i * 2);
            }
            for (int i = 0; i < 200; i += 3)
            {
                Assert.True(map.Remove(i));
            }
            for (int i = 0; i < 200; i++)
            {
                Assert.Equal(i % 3 != 0, map.TryGetValue(i, out int value));
                if (i % 3 != 0)
                {
                    Assert.Equal(i * 2, value);
                }
            }
        }

        [Fact]
        public void CustomComparer()
        {
            var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            map["Hello"] = 1;
            Assert.True(map.ContainsKey("HELLO"));
            map["hello"] = 2;
            Assert.Single(map);
            Assert.Equal(2, map["HeLLo"]);
        }

        [Fact]
        public void RandomOperationsMatchAReferenceMap()
        {
            var random = new Random(3);
            var map = new Dictionary<int, int>();
            var reference = new SortedDictionary<int, int>();
            for (int step = 0; step < 20000; step++)
            {
                int key = random.Next(0, 500);
                switch (random.Next(4))
                {
                    case 0:
                        Assert.Equal(reference.TryAdd(key, step), map.TryAdd(key, step));
                        break;
                    case 1:
                        Assert.Equal(reference.Remove(key), map.Remove(key));
                        break;
                    case 2:
                        map[key] = step;
                        reference[key] = step;
                        break;
                    default:
                        Assert.Equal(reference.TryGetValue(key, out int expected), map.TryGetValue(key, out int actual));
                        Assert.Equal(expected, actual);
                        break;
                }
                Assert.Equal(reference.Count, map.Count);
            }
            var seen = new SortedDictionary<int, int>();
            foreach (KeyValuePair<int, int> pair in map)
            {
                seen.Add(pair.Key, pair.Value);
            }
            Assert.Equal(reference, seen);
        }

        [Fact]
        public void EnumerationKeysAndValues()
        {
            var map = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2, ["c"] = 3 };
            var keys = new List<string>();
            foreach (string key in map.Keys)
            {
                keys.Add(key);
            }
            Assert.Equal(new[] { "a", "b", "c" }, keys.ToArray());
            int sum = 0;
            foreach (int value in map.Values)
            {
                sum += value;
            }
            Assert.Equal(6, sum);
            Assert.Equal(3, map.Keys.Count);
            Assert.True(map.Values.Contains(2));
            Assert.True(map.ContainsValue(3));
            Assert.False(map.ContainsValue(4));
            string[] keyArray = new string[3];
            map.Keys.CopyTo(keyArray, 0);
            Assert.Equal(new[] { "a", "b", "c" }, keyArray);
            Assert.Throws<InvalidOperationException>(() =>
            {
                foreach (KeyValuePair<string, int> pair in map)
                {
                    map.Remove(pair.Key);
                }
            });
            foreach ((string key, int value) in new Dictionary<string, int> { ["x"] = 9 })
            {
                Assert.Equal("x", key);
                Assert.Equal(9, value);
            }
        }

        [Fact]
        public void ClearAndGrowth()
        {
            var map = new Dictionary<long, long>();
            for (long i = 0; i < 10000; i++)
            {
                map.Add(i * 7919, i);
            }
            Assert.Equal(10000, map.Count);
            for (long i = 0; i < 10000; i++)
            {
                Assert.Equal(i, map[i * 7919]);
            }
            map.Clear();
            Assert.Empty(map);
            Assert.False(map.ContainsKey(0));
            map.Add(1, 1);
            Assert.Single(map);
        }

        private enum Color : byte
        {
            Red,
            Green,
            Blue,
        }

        [Fact]
        public void EnumAndStructKeys()
        {
            var map = new Dictionary<Color, string> { [Color.Red] = "r", [Color.Blue] = "b" };
            Assert.Equal("b", map[Color.Blue]);
            Assert.False(map.ContainsKey(Color.Green));
            var tuples = new Dictionary<(int, int), int> { [(1, 2)] = 3 };
            Assert.Equal(3, tuples[(1, 2)]);
        }
    }
}
