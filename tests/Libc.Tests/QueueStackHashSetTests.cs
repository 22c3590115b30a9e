using System;
using System.Collections.Generic;
using Xunit;

namespace Libc.Tests
{
    public class QueueTests
    {
        [Fact]
        public void FirstInFirstOutAcrossWrapAroundAndGrowth()
        {
            var queue = new Queue<int>(4);
            int next = 0;
            int expected = 0;
            var random = new Random(11);
            for (int step = 0; step < 5000; step++)
            {
                if (random.Next(3) != 0 || queue.Count == 0)
                {
                    queue.Enqueue(next++);
                }
                else
                {
                    Assert.Equal(expected++, queue.Dequeue());
                }
                Assert.Equal(next - expected, queue.Count);
            }
            int[] rest = queue.ToArray();
            for (int i = 0; i < rest.Length; i++)
            {
                Assert.Equal(expected + i, rest[i]);
            }
            int index = 0;
            foreach (int value in queue)
            {
                Assert.Equal(rest[index++], value);
            }
            Assert.Equal(rest.Length, index);
        }

        [Fact]
        public void EmptyQueue()
        {
            var queue = new Queue<string>();
            Assert.False(queue.TryDequeue(out string item));
            Assert.Null(item);
            Assert.False(queue.TryPeek(out item));
            Assert.Throws<InvalidOperationException>(() => queue.Dequeue());
            Assert.Throws<InvalidOperationException>(() => queue.Peek());
            queue.Enqueue("a");
            queue.Enqueue("b");
            Assert.Equal("a", queue.Peek());
            Assert.True(queue.Contains("b"));
            Assert.False(queue.Contains("c"));
            queue.Clear();
            Assert.Empty(queue);
            Assert.Empty(queue.ToArray());
        }

        [Fact]
        public void WrappedContentsSurviveResize()
        {
            var queue = new Queue<int>(4);
            queue.Enqueue(1);
            queue.Enqueue(2);
            queue.Enqueue(3);
            queue.Dequeue();
            queue.Dequeue();
            queue.Enqueue(4);
            queue.Enqueue(5);
            queue.Enqueue(6); // now full and wrapped
            queue.Enqueue(7); // grows
            Assert.Equal(new[] { 3, 4, 5, 6, 7 }, queue.ToArray());
            queue.TrimExcess();
            Assert.Equal(new[] { 3, 4, 5, 6, 7 }, queue.ToArray());
            Assert.Throws<InvalidOperationException>(() =>
            {
                foreach (int value in queue)
                {
                    queue.Enqueue(value);
                }
            });
        }
    }

    public class StackTests
    {
        [Fact]
        public void LastInFirstOut()
        {
            var stack = new Stack<int>();
            for (int i = 0; i < 100; i++)
            {
                stack.Push(i);
            }
            Assert.Equal(99, stack.Peek());
            Assert.Equal(new[] { 99, 98, 97 }, stack.ToArray()[..3]);
            int expected = 99;
            foreach (int value in stack)
            {
                Assert.Equal(expected--, value);
            }
            for (int i = 99; i >= 0; i--)
            {
                Assert.Equal(i, stack.Pop());
            }
            Assert.Throws<InvalidOperationException>(() => stack.Pop());
            Assert.False(stack.TryPop(out _));
            Assert.False(stack.TryPeek(out _));
            stack.Push(5);
            Assert.True(stack.Contains(5));
            Assert.False(stack.Contains(6));
            stack.Clear();
            Assert.Empty(stack);
        }
    }

    public class HashSetTests
    {
        [Fact]
        public void AddRemoveContainsAndNull()
        {
            var set = new HashSet<string>();
            Assert.True(set.Add("a"));
            Assert.False(set.Add("a"));
            Assert.True(set.Add(null));
            Assert.False(set.Add(null));
            Assert.Equal(2, set.Count);
            Assert.True(set.Contains(null));
            Assert.True(set.Remove(null));
            Assert.False(set.Contains(null));
            Assert.True(set.Remove("a"));
            Assert.Empty(set);
        }

        [Fact]
        public void SetAlgebra()
        {
            var set = new HashSet<int> { 1, 2, 3, 4 };
            set.IntersectWith(new[] { 2, 3, 5 });
            Assert.True(set.SetEquals(new[] { 3, 2 }));
            set.UnionWith(new[] { 7, 8 });
            set.ExceptWith(new[] { 2 });
            Assert.True(set.SetEquals(new[] { 3, 7, 8 }));
            set.SymmetricExceptWith(new[] { 8, 9 });
            Assert.True(set.SetEquals(new[] { 3, 7, 9 }));
            Assert.True(set.IsSubsetOf(new[] { 1, 3, 7, 9 }));
            Assert.False(set.IsSubsetOf(new[] { 3, 7 }));
            Assert.True(set.IsSupersetOf(new[] { 3, 9 }));
            Assert.True(set.Overlaps(new[] { 100, 9 }));
            Assert.False(set.Overlaps(new[] { 100 }));
            Assert.Equal(2, set.RemoveWhere(x => x > 5));
            Assert.Equal(new[] { 3 }, set.ToArray());
        }

        [Fact]
        public void RandomOperationsMatchAReferenceSet()
        {
            var random = new Random(8);
            var set = new HashSet<int>();
            var reference = new SortedSet<int>();
            for (int step = 0; step < 20000; step++)
            {
                int value = random.Next(0, 300);
                if (random.Next(2) == 0)
                {
                    Assert.Equal(reference.Add(value), set.Add(value));
                }
                else
                {
                    Assert.Equal(reference.Remove(value), set.Remove(value));
                }
                Assert.Equal(reference.Count, set.Count);
            }
            var contents = new SortedSet<int>();
            foreach (int value in set)
            {
                Assert.True(contents.Add(value));
            }
            Assert.Equal(reference, contents);
        }

        [Fact]
        public void CustomComparerAndTryGetValue()
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Hello" };
            Assert.True(set.Contains("HELLO"));
            Assert.True(set.TryGetValue("hello", out string stored));
            Assert.Equal("Hello", stored);
        }
    }
}
