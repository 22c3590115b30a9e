using System;
using System.Collections.Generic;
using CosmosKernel.Scheduling;
using Xunit;

namespace CosmosKernel.Tests
{
    public class RunQueueTests
    {
        [Fact]
        public void EmptyQueueHasNothingToRun()
        {
            RunQueue queue = new RunQueue(8);
            Assert.Equal(-1, queue.HighestPriority());
            Assert.Equal(-1, queue.Dequeue());
            Assert.Equal(0, queue.Count);
        }

        [Fact]
        public void HighestPriorityRunsFirstAndEqualPrioritiesRoundRobin()
        {
            RunQueue queue = new RunQueue(8);
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
            RunQueue queue = new RunQueue(RunQueue.PriorityLevels);
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
            RunQueue queue = new RunQueue(8);
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
            RunQueue queue = new RunQueue(4);
            Assert.True(queue.Enqueue(1, 5));
            Assert.False(queue.Enqueue(1, 7));
            Assert.Equal(1, queue.Count);
            Assert.Equal(5, queue.HighestPriority());
        }

        [Fact]
        public void EnqueueFrontRunsBeforeEarlierThreads()
        {
            RunQueue queue = new RunQueue(4);
            queue.Enqueue(1, 9);
            queue.Enqueue(2, 9);
            queue.EnqueueFront(3, 9);
            Assert.Equal(3, queue.Dequeue());
            Assert.Equal(1, queue.Dequeue());
        }

        [Fact]
        public void RandomOperationsMatchAReferenceModel()
        {
            const int capacity = 64;
            RunQueue queue = new RunQueue(capacity);
            List<(int Slot, int Priority)> model = new List<(int, int)>();
            Random random = new Random(1234);
            for (int step = 0; step < 20000; step++)
            {
                int slot = random.Next(capacity);
                int operation = random.Next(3);
                bool inModel = model.Exists(entry => entry.Slot == slot);
                if (operation == 0)
                {
                    byte priority = (byte)random.Next(4) ;
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
}
