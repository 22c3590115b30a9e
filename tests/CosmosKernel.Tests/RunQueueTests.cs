using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using CosmosKernel.Scheduling;
using Xunit;

namespace CosmosKernel.Tests
{
    /// <summary>
    /// The intrusive run queue, driven through <see cref="SlotQueue"/>: threads are numbered slots whose links
    /// live in unmanaged memory, as the kernel's live in its thread control blocks.
    /// </summary>
    public class RunQueueTests
    {
        [Fact]
        public void EmptyQueueHasNothingToRun()
        {
            using SlotQueue queue = new SlotQueue(8);
            Assert.Equal(-1, queue.HighestPriority());
            Assert.Equal(-1, queue.Dequeue());
            Assert.Equal(0, queue.Count);
        }

        [Fact]
        public void HighestPriorityRunsFirstAndEqualPrioritiesRoundRobin()
        {
            using SlotQueue queue = new SlotQueue(8);
            queue.Enqueue(1, 10);
            queue.Enqueue(2, 200);
            queue.Enqueue(3, 10);
            queue.Enqueue(4, 200);
            Assert.Equal(200, queue.HighestPriority());
            Assert.Equal(2, queue.Dequeue());
            Assert.Equal(4, queue.Dequeue());
            Assert.Equal(1, queue.Dequeue());
            Assert.Equal(3, queue.Dequeue());
            Assert.Equal(-1, queue.Dequeue());
        }

        [Fact]
        public void EveryPriorityLevelIsReachable()
        {
            using SlotQueue queue = new SlotQueue(RunQueue.PriorityLevels);
            for (int level = 0; level < RunQueue.PriorityLevels; level++)
            {
                Assert.True(queue.Enqueue(level, (byte)level));
            }
            for (int level = RunQueue.PriorityLevels - 1; level >= 0; level--)
            {
                Assert.Equal(level, queue.HighestPriority());
                Assert.Equal(level, queue.Dequeue());
            }
        }

        [Fact]
        public void RemoveFromMiddleHeadAndTailKeepsOrder()
        {
            using SlotQueue queue = new SlotQueue(8);
            for (int slot = 0; slot < 5; slot++)
            {
                queue.Enqueue(slot, 50);
            }
            Assert.True(queue.Remove(2));
            Assert.True(queue.Remove(0));
            Assert.True(queue.Remove(4));
            Assert.False(queue.Remove(4));
            Assert.Equal(1, queue.Dequeue());
            Assert.Equal(3, queue.Dequeue());
            Assert.Equal(-1, queue.HighestPriority());
        }

        [Fact]
        public void DoubleEnqueueIsRefused()
        {
            using SlotQueue queue = new SlotQueue(4);
            Assert.True(queue.Enqueue(1, 5));
            Assert.False(queue.Enqueue(1, 7));
            Assert.Equal(1, queue.Count);
            Assert.Equal(5, queue.HighestPriority());
        }

        [Fact]
        public void EnqueueFrontRunsBeforeEarlierThreads()
        {
            using SlotQueue queue = new SlotQueue(4);
            queue.Enqueue(1, 9);
            queue.Enqueue(2, 9);
            queue.EnqueueFront(3, 9);
            Assert.Equal(3, queue.Dequeue());
            Assert.Equal(1, queue.Dequeue());
        }

        [Fact]
        public void RandomOperationsMatchAReferenceModel()
        {
            const int Capacity = 64;
            using SlotQueue queue = new SlotQueue(Capacity);
            List<(int Slot, int Priority)> model = new List<(int, int)>();
            Random random = new Random(1234);
            for (int step = 0; step < 20000; step++)
            {
                int slot = random.Next(Capacity);
                int operation = random.Next(3);
                bool inModel = model.Exists(entry => entry.Slot == slot);
                if (operation == 0)
                {
                    byte priority = (byte)random.Next(4);
                    Assert.Equal(!inModel, queue.Enqueue(slot, priority));
                    if (!inModel)
                    {
                        model.Add((slot, priority));
                    }
                }
                else if (operation == 1)
                {
                    Assert.Equal(inModel, queue.Remove(slot));
                    model.RemoveAll(entry => entry.Slot == slot);
                }
                else
                {
                    int expected = -1;
                    int best = -1;
                    foreach ((int Slot, int Priority) entry in model)
                    {
                        if (entry.Priority > best)
                        {
                            best = entry.Priority;
                            expected = entry.Slot;
                        }
                    }
                    Assert.Equal(expected, queue.Dequeue());
                    model.RemoveAll(entry => entry.Slot == expected);
                }
                Assert.Equal(model.Count, queue.Count);
            }
        }
    }

    /// <summary>A run queue over numbered threads: slot i's links are the i-th element of an unmanaged array.</summary>
    internal sealed unsafe class SlotQueue : IDisposable
    {
        private readonly RunQueue* _queue;
        private readonly RunQueueLinks* _links;
        private readonly int _capacity;

        public SlotQueue(int capacity)
        {
            _capacity = capacity;
            _queue = (RunQueue*)NativeMemory.AllocZeroed((nuint)sizeof(RunQueue));
            _links = (RunQueueLinks*)NativeMemory.AllocZeroed((nuint)(capacity * sizeof(RunQueueLinks)));
        }

        public int Count => _queue->Count;

        public bool Enqueue(int slot, byte priority) => _queue->Enqueue(_links + slot, priority);

        public bool EnqueueFront(int slot, byte priority) => _queue->EnqueueFront(_links + slot, priority);

        public bool Remove(int slot) => _queue->Remove(_links + slot);

        public int HighestPriority() => _queue->HighestPriority();

        public int Dequeue()
        {
            RunQueueLinks* links = _queue->Dequeue();
            return links == null ? -1 : (int)(links - _links);
        }

        public void Dispose()
        {
            NativeMemory.Free(_queue);
            NativeMemory.Free(_links);
        }
    }
}
