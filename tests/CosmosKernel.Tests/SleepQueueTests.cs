using System;
using System.Collections.Generic;
using CosmosKernel.Scheduling;
using Xunit;

namespace CosmosKernel.Tests
{
    /// <summary>
    /// The scheduler's sleep queue: threads (thread-table slots) sorted by wake-up deadline, equal deadlines in the order
    /// they were inserted, and only due threads taken by the timer tick.
    /// </summary>
    public sealed class SleepQueueTests
    {
        private const int NoThread = -1;

        [Fact]
        public void EmptyQueueHasNoDeadlineAndNothingExpires()
        {
            SleepQueue queue = new SleepQueue(8);

            Assert.Equal(0, queue.Count);
            Assert.Equal(ulong.MaxValue, queue.EarliestDeadline);
            Assert.Equal(NoThread, queue.TakeExpired(ulong.MaxValue));
            Assert.False(queue.Contains(3));
        }

        [Fact]
        public void ThreadsComeOutInDeadlineOrderWhateverTheInsertionOrder()
        {
            SleepQueue queue = new SleepQueue(8);
            Assert.True(queue.Insert(4, 400));
            Assert.True(queue.Insert(1, 100));
            Assert.True(queue.Insert(7, 700));
            Assert.True(queue.Insert(2, 200));
            Assert.True(queue.Insert(0, 50));

            Assert.Equal(new[] { 0, 1, 2, 4, 7 }, TakeAll(queue));
            Assert.Equal(0, queue.Count);
        }

        [Fact]
        public void EqualDeadlinesLeaveInInsertionOrder()
        {
            SleepQueue queue = new SleepQueue(8);
            queue.Insert(5, 300);
            queue.Insert(2, 300);
            queue.Insert(6, 100);
            queue.Insert(7, 300);
            queue.Insert(0, 500);
            queue.Insert(3, 300);

            Assert.Equal(new[] { 6, 5, 2, 7, 3, 0 }, TakeAll(queue));
        }

        [Fact]
        public void TakeExpiredReturnsOnlyThreadsWhoseDeadlineHasCome()
        {
            SleepQueue queue = new SleepQueue(8);
            queue.Insert(1, 100);
            queue.Insert(2, 200);
            queue.Insert(3, 300);

            Assert.Equal(NoThread, queue.TakeExpired(99));
            Assert.Equal(3, queue.Count);

            // A deadline equal to "now" is due.
            Assert.Equal(1, queue.TakeExpired(100));
            Assert.Equal(NoThread, queue.TakeExpired(199));

            Assert.Equal(2, queue.TakeExpired(250));
            Assert.Equal(NoThread, queue.TakeExpired(250));

            Assert.Equal(1, queue.Count);
            Assert.True(queue.Contains(3));
            Assert.False(queue.Contains(1));
            Assert.False(queue.Contains(2));
            Assert.Equal(300UL, queue.EarliestDeadline);
        }

        [Fact]
        public void AllDueThreadsAreTakenOneCallEachAndLaterOnesStay()
        {
            SleepQueue queue = new SleepQueue(8);
            queue.Insert(1, 10);
            queue.Insert(2, 20);
            queue.Insert(3, 30);
            queue.Insert(4, 1000);

            // What the timer tick does: take until nothing more is due.
            var woken = new List<int>();
            for (int slot = queue.TakeExpired(30); slot != NoThread && woken.Count < 4; slot = queue.TakeExpired(30))
            {
                woken.Add(slot);
            }

            Assert.Equal(new[] { 1, 2, 3 }, woken);
            Assert.Equal(1, queue.Count);
            Assert.Equal(1000UL, queue.EarliestDeadline);
        }

        [Fact]
        public void RemoveFromMiddleHeadAndTailKeepsTheOthersInOrder()
        {
            SleepQueue queue = new SleepQueue(8);
            for (int slot = 0; slot < 5; slot++)
            {
                queue.Insert(slot, (ulong)(slot + 1) * 10);
            }

            Assert.True(queue.Remove(2));   // middle
            Assert.Equal(10UL, queue.EarliestDeadline);
            Assert.True(queue.Remove(0));   // head
            Assert.Equal(20UL, queue.EarliestDeadline);
            Assert.True(queue.Remove(4));   // tail

            Assert.Equal(2, queue.Count);
            Assert.False(queue.Contains(0));
            Assert.False(queue.Contains(2));
            Assert.False(queue.Contains(4));
            Assert.Equal(new[] { 1, 3 }, TakeAll(queue));
        }

        [Fact]
        public void RemovingTheOnlyThreadEmptiesTheQueue()
        {
            SleepQueue queue = new SleepQueue(4);
            queue.Insert(3, 77);

            Assert.True(queue.Remove(3));

            Assert.Equal(0, queue.Count);
            Assert.Equal(ulong.MaxValue, queue.EarliestDeadline);
            Assert.Equal(NoThread, queue.TakeExpired(ulong.MaxValue));
        }

        [Fact]
        public void RemovingAThreadThatIsNotQueuedIsRefusedAndChangesNothing()
        {
            SleepQueue queue = new SleepQueue(4);
            queue.Insert(1, 100);

            Assert.False(queue.Remove(2));
            Assert.True(queue.Remove(1));
            Assert.False(queue.Remove(1));

            Assert.Equal(0, queue.Count);
            Assert.True(queue.Insert(2, 5));
            Assert.Equal(new[] { 2 }, TakeAll(queue));
        }

        [Fact]
        public void DoubleInsertIsRefusedAndKeepsTheFirstDeadline()
        {
            SleepQueue queue = new SleepQueue(4);
            queue.Insert(0, 500);
            Assert.True(queue.Insert(3, 100));

            Assert.False(queue.Insert(3, 50));
            Assert.False(queue.Insert(3, 900));

            Assert.Equal(2, queue.Count);
            Assert.Equal(100UL, queue.EarliestDeadline);
            Assert.Equal(NoThread, queue.TakeExpired(99));
            Assert.Equal(new[] { 3, 0 }, TakeAll(queue));
        }

        [Fact]
        public void RemovedOrTakenThreadCanSleepAgainWithANewDeadline()
        {
            SleepQueue queue = new SleepQueue(4);
            queue.Insert(0, 100);
            queue.Insert(1, 200);
            queue.Insert(2, 300);
            Assert.Equal(0, queue.TakeExpired(100));
            Assert.True(queue.Remove(2));

            // Stale links of the earlier stays must not leak into the new positions.
            Assert.True(queue.Insert(2, 150));
            Assert.True(queue.Insert(0, 250));

            Assert.Equal(150UL, queue.EarliestDeadline);
            Assert.Equal(new[] { 2, 1, 0 }, TakeAll(queue));
        }

        [Fact]
        public void EarliestDeadlineFollowsTheHead()
        {
            SleepQueue queue = new SleepQueue(4);

            queue.Insert(1, 300);
            Assert.Equal(300UL, queue.EarliestDeadline);
            queue.Insert(2, 100);
            Assert.Equal(100UL, queue.EarliestDeadline);
            queue.Insert(3, 200);
            Assert.Equal(100UL, queue.EarliestDeadline);
            queue.Remove(2);
            Assert.Equal(200UL, queue.EarliestDeadline);
        }

        [Fact]
        public void ExtremeDeadlinesAndSlotsWork()
        {
            const int Capacity = 16;
            SleepQueue queue = new SleepQueue(Capacity);
            queue.Insert(Capacity - 1, ulong.MaxValue - 1);  // what a "forever" sleep is clamped to
            queue.Insert(0, 0);

            Assert.Equal(0UL, queue.EarliestDeadline);
            Assert.Equal(0, queue.TakeExpired(0));
            Assert.Equal(NoThread, queue.TakeExpired(ulong.MaxValue - 2));
            Assert.Equal(Capacity - 1, queue.TakeExpired(ulong.MaxValue - 1));
        }

        [Fact]
        public void RandomOperationsMatchAReferenceModel()
        {
            const int Capacity = 32;
            SleepQueue queue = new SleepQueue(Capacity);

            // The model: (slot, deadline) in wake-up order, i.e. a stable sort by deadline of the insertions.
            var model = new List<(int Slot, ulong Deadline)>();
            var random = new Random(4711);
            ulong now = 0;
            for (int step = 0; step < 20000; step++)
            {
                int slot = random.Next(Capacity);
                bool inModel = model.Exists(entry => entry.Slot == slot);
                switch (random.Next(4))
                {
                    case 0:
                    case 1:
                    {
                        ulong deadline = now + (ulong)random.Next(50);  // few distinct values, so ties are common
                        Assert.Equal(!inModel, queue.Insert(slot, deadline));
                        if (!inModel)
                        {
                            int position = model.FindIndex(entry => entry.Deadline > deadline);
                            model.Insert(position < 0 ? model.Count : position, (slot, deadline));
                        }
                        break;
                    }
                    case 2:
                        Assert.Equal(inModel, queue.Remove(slot));
                        model.RemoveAll(entry => entry.Slot == slot);
                        break;
                    default:
                    {
                        now += (ulong)random.Next(10);
                        int expected = model.Count > 0 && model[0].Deadline <= now ? model[0].Slot : NoThread;
                        Assert.Equal(expected, queue.TakeExpired(now));
                        if (expected != NoThread)
                        {
                            model.RemoveAt(0);
                        }
                        break;
                    }
                }

                Assert.Equal(model.Count, queue.Count);
                Assert.Equal(model.Count > 0 ? model[0].Deadline : ulong.MaxValue, queue.EarliestDeadline);
                Assert.Equal(model.Exists(entry => entry.Slot == slot), queue.Contains(slot));
            }
        }

        // Takes every queued thread, earliest first. A corrupted list could hand out threads forever: more than were queued fails.
        private static int[] TakeAll(SleepQueue queue)
        {
            int queued = queue.Count;
            var slots = new List<int>();
            for (int slot = queue.TakeExpired(ulong.MaxValue); slot != NoThread; slot = queue.TakeExpired(ulong.MaxValue))
            {
                slots.Add(slot);
                Assert.True(slots.Count <= queued, $"TakeExpired returned more threads than the {queued} queued: {string.Join(", ", slots)}");
            }

            return slots.ToArray();
        }
    }
}
