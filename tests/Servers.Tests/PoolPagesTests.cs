using Cosmos.Servers.RootTask;
using Xunit;

namespace Servers.Tests
{
    public class PoolPagesTests
    {
        [Fact]
        public void PagesAreObtainedInOrderUntilTheCapacity()
        {
            PoolPages pool = new PoolPages(3);
            for (int expected = 0; expected < 3; expected++)
            {
                Assert.Equal(PagePlacement.Fresh, pool.Take(out int page));
                Assert.Equal(expected, page);
            }
            Assert.Equal(PagePlacement.None, pool.Take(out int none));
            Assert.Equal(-1, none);
            Assert.Equal(3, pool.ObtainedCount);
            Assert.Equal(3, pool.InUseCount);
            Assert.Equal(0, pool.FreeCount);
        }

        [Fact]
        public void GivenPagesAreReusedBeforeNewOnesAreObtained()
        {
            PoolPages pool = new PoolPages(8);
            pool.Take(out int first);
            pool.Take(out int second);
            Assert.True(pool.Give(first));
            Assert.Equal(1, pool.FreeCount);
            Assert.Equal(PagePlacement.Reused, pool.Take(out int again));
            Assert.Equal(first, again);
            Assert.Equal(PagePlacement.Fresh, pool.Take(out int third));
            Assert.Equal(2, third);
            Assert.True(pool.IsInUse(second));
        }

        [Fact]
        public void GivingAPageNotInUseChangesNothing()
        {
            PoolPages pool = new PoolPages(4);
            pool.Take(out int page);
            Assert.True(pool.Give(page));
            Assert.False(pool.Give(page));
            Assert.False(pool.Give(3));
            Assert.False(pool.Give(-1));
            Assert.False(pool.Give(4));
            Assert.Equal(1, pool.FreeCount);
        }

        [Fact]
        public void OnlyTheLastObtainedPageCanBeReturnedUnobtained()
        {
            PoolPages pool = new PoolPages(4);
            pool.Take(out int first);
            pool.Take(out int second);
            Assert.False(pool.ReturnUnobtained(first));
            Assert.True(pool.ReturnUnobtained(second));
            Assert.False(pool.ReturnUnobtained(second));
            Assert.Equal(1, pool.ObtainedCount);
            Assert.Equal(PagePlacement.Fresh, pool.Take(out int again));
            Assert.Equal(second, again);
        }
    }
}
