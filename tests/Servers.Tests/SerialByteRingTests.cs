using Cosmos.Drivers.Serial;
using Xunit;

namespace Servers.Tests
{
    /// <summary>The serial driver's receive and transmit ring: order, capacity, all-or-nothing adds, wrap-around.</summary>
    public class SerialByteRingTests
    {
        [Fact]
        public void BytesComeOutInOrderAcrossTheWrap()
        {
            var ring = new ByteRing(4);
            Assert.True(ring.TryAddAll(new byte[] { 1, 2, 3 }));
            Assert.True(ring.TryTake(out byte first));
            Assert.Equal(1, first);
            Assert.True(ring.TryAddAll(new byte[] { 4, 5 }));
            Assert.Equal(4, ring.Count);
            Assert.False(ring.TryAdd(6));
            byte[] taken = new byte[8];
            Assert.Equal(4, ring.Take(taken));
            Assert.Equal(new byte[] { 2, 3, 4, 5 }, taken[..4]);
            Assert.True(ring.IsEmpty);
            Assert.False(ring.TryTake(out _));
        }

        [Fact]
        public void AnAddThatDoesNotFitChangesNothing()
        {
            var ring = new ByteRing(4);
            Assert.True(ring.TryAdd(9));
            Assert.False(ring.TryAddAll(new byte[] { 1, 2, 3, 4 }));
            Assert.Equal(1, ring.Count);
            Assert.Equal(3, ring.Free);
            Assert.True(ring.TryTake(out byte value));
            Assert.Equal(9, value);
        }

        [Fact]
        public void TakeStopsAtTheDestinationsLength()
        {
            var ring = new ByteRing(16);
            ring.TryAddAll(new byte[] { 1, 2, 3, 4, 5 });
            byte[] two = new byte[2];
            Assert.Equal(2, ring.Take(two));
            Assert.Equal(new byte[] { 1, 2 }, two);
            Assert.Equal(3, ring.Count);
        }
    }
}
