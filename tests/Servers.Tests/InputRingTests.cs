using System;
using Cosmos.Drivers.Keyboard.Input;
using Xunit;

namespace Servers.Tests
{
    public class InputRingTests
    {
        [Fact]
        public void BytesComeOutInTheOrderTheyWentInAcrossTheWrap()
        {
            var ring = new InputRing(8);
            var taken = new byte[8];
            for (int round = 0; round < 20; round++)
            {
                Assert.True(ring.TryAppend(new byte[] { (byte)round, (byte)(round + 100), (byte)(round + 200) }));
                Assert.Equal(3, ring.Count);
                Assert.Equal(2, ring.Take(taken.AsSpan(0, 2)));
                Assert.Equal(new byte[] { (byte)round, (byte)(round + 100) }, taken[..2]);
                Assert.Equal(1, ring.Take(taken));
                Assert.Equal((byte)(round + 200), taken[0]);
                Assert.True(ring.IsEmpty);
            }
        }

        [Fact]
        public void ASequenceThatDoesNotFitIsDroppedWholeAndCounted()
        {
            var ring = new InputRing(5);
            Assert.True(ring.TryAppend(new byte[] { 1, 2, 3 }));
            Assert.False(ring.TryAppend(new byte[] { 0x1B, 0x5B, 0x41 }));
            Assert.Equal(3UL, ring.DroppedBytes);
            Assert.Equal(3, ring.Count);
            Assert.True(ring.TryAppend(new byte[] { 4, 5 }));
            Assert.False(ring.TryAppend(new byte[] { 6 }));
            Assert.Equal(4UL, ring.DroppedBytes);
            var taken = new byte[10];
            Assert.Equal(5, ring.Take(taken));
            Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, taken[..5]);
        }

        [Fact]
        public void PeekLeavesTheBytesUntilSkipped()
        {
            var ring = new InputRing(4);
            ring.TryAppend(new byte[] { 1, 2, 3 });
            ring.Take(new byte[2]);
            ring.TryAppend(new byte[] { 4, 5, 6 });
            var seen = new byte[3];
            Assert.Equal(3, ring.Peek(seen));
            Assert.Equal(new byte[] { 3, 4, 5 }, seen);
            Assert.Equal(4, ring.Count);
            ring.Skip(2);
            Assert.Equal(2, ring.Count);
            ring.Skip(10);
            Assert.True(ring.IsEmpty);
            Assert.Equal(0, ring.Peek(seen));
        }

        [Fact]
        public void TakingFromAnEmptyRingGivesNothing()
        {
            var ring = new InputRing(1);
            Assert.Equal(0, ring.Take(new byte[4]));
            Assert.Throws<ArgumentOutOfRangeException>(() => new InputRing(0));
        }
    }
}
