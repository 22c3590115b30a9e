using Cosmos.Api;
using Cosmos.Api.Memory;
using Cosmos.Servers.RootTask;
using Xunit;

namespace Servers.Tests
{
    public class RegionPagerBookTests
    {
        private const ulong PoolBase = 0x0000_4000_0000_0000;
        private const ulong Heap = UserLayout.HeapBase;

        private static RegionPagerBook NewBook(int poolPages, out int client, out ulong badge)
        {
            RegionPagerBook book = new RegionPagerBook(PoolBase, poolPages, 4);
            Assert.True(book.Clients.TryAdd(0x10001, out client, out badge));
            return book;
        }

        [Fact]
        public void ClientsGetDistinctBadgesFromTwoThatAreNeverReused()
        {
            RegionPagerBook book = new RegionPagerBook(PoolBase, 4, 2);
            Assert.True(book.Clients.TryAdd(1, out int first, out ulong firstBadge));
            Assert.True(book.Clients.TryAdd(2, out int second, out ulong secondBadge));
            Assert.Equal(RegionPagerProtocol.FirstClientBadge, firstBadge);
            Assert.Equal(firstBadge + 1, secondBadge);
            Assert.False(book.Clients.TryAdd(3, out _, out _));
            book.Clients.Remove(first);
            Assert.True(book.Clients.TryAdd(3, out int third, out ulong thirdBadge));
            Assert.Equal(first, third);
            Assert.Equal(secondBadge + 1, thirdBadge);
            Assert.False(book.Clients.TryFind(firstBadge, out _));
            Assert.True(book.Clients.TryFind(secondBadge, out int found));
            Assert.Equal(second, found);
            Assert.False(book.Clients.TryFind(0, out _));
        }

        [Fact]
        public void AFaultInTheHeapOrStackGetsAFreshPageAndTheSameOneAgain()
        {
            RegionPagerBook book = NewBook(8, out int client, out ulong badge);
            Assert.Equal(PagePlacement.Fresh, book.ResolveFault(badge, Heap + 0x1234, out int page));
            Assert.Equal(PoolBase, book.PoolAddressOf(page));
            Assert.Equal(PagePlacement.Existing, book.ResolveFault(badge, Heap + 0x1FF8, out int again));
            Assert.Equal(page, again);
            Assert.Equal(PagePlacement.Fresh, book.ResolveFault(badge, UserLayout.StackTop - 8, out int stack));
            Assert.Equal(PoolBase + UserLayout.PageSize, book.PoolAddressOf(stack));
            Assert.Equal(2, book.PagesOf(client));
        }

        [Theory]
        [InlineData(0x400000UL)]
        [InlineData(UserLayout.HeapBase - 8)]
        [InlineData(UserLayout.HeapBase + UserLayout.ProgramHeapReservation)]
        [InlineData(UserLayout.StackTop - UserLayout.ProgramStackSize - 1)]
        [InlineData(UserLayout.StackTop)]
        [InlineData(0UL)]
        public void AFaultOutsideTheAnonymousRegionsIsNotResolved(ulong address)
        {
            RegionPagerBook book = NewBook(8, out int client, out ulong badge);
            Assert.Equal(PagePlacement.None, book.ResolveFault(badge, address, out _));
            Assert.Equal(0, book.PagesOf(client));
            Assert.Equal(0, book.Pool.ObtainedCount);
        }

        [Fact]
        public void AFaultThroughAnUnknownBadgeIsNotResolved()
        {
            RegionPagerBook book = NewBook(8, out _, out ulong badge);
            Assert.Equal(PagePlacement.None, book.ResolveFault(0, Heap, out _));
            Assert.Equal(PagePlacement.None, book.ResolveFault(badge + 1, Heap, out _));
        }

        [Fact]
        public void AnExhaustedPoolResolvesNothingNew()
        {
            RegionPagerBook book = NewBook(2, out _, out ulong badge);
            book.ResolveFault(badge, Heap, out _);
            book.ResolveFault(badge, Heap + 0x1000, out _);
            Assert.Equal(PagePlacement.None, book.ResolveFault(badge, Heap + 0x2000, out _));
            Assert.Equal(PagePlacement.Existing, book.ResolveFault(badge, Heap + 0x1000, out _));
        }

        [Fact]
        public void ReleasedPagesAreReusedByAnotherClient()
        {
            RegionPagerBook book = NewBook(4, out int client, out ulong badge);
            Assert.True(book.Clients.TryAdd(0x20001, out int other, out ulong otherBadge));
            for (ulong i = 0; i < 4; i++)
            {
                book.ResolveFault(badge, Heap + i * 0x1000, out _);
            }
            Assert.Equal(PagePlacement.None, book.ResolveFault(otherBadge, Heap, out _));
            Assert.Equal(RegionPagerStatus.Ok, book.CheckRelease(badge, Heap + 0x1000, 0x2000, out int checkedClient));
            Assert.Equal(client, checkedClient);
            Assert.True(book.TryTakeBack(client, Heap + 0x1000, out int first));
            Assert.True(book.TryTakeBack(client, Heap + 0x2000, out int second));
            Assert.False(book.TryTakeBack(client, Heap + 0x2000, out _));
            Assert.Equal(2, book.PagesOf(client));
            Assert.Equal(2, book.Pool.FreeCount);
            Assert.Equal(PagePlacement.Reused, book.ResolveFault(otherBadge, Heap, out int reused));
            Assert.True(reused == first || reused == second);
            Assert.Equal(1, book.PagesOf(other));
            // The client faulting on a released page again gets a (reused) pool page, not its old record.
            Assert.Equal(PagePlacement.Reused, book.ResolveFault(badge, Heap + 0x1000, out _));
        }

        [Theory]
        [InlineData(UserLayout.HeapBase + 1, 0x1000UL)]
        [InlineData(UserLayout.HeapBase, 0x800UL)]
        [InlineData(UserLayout.HeapBase, 0UL)]
        [InlineData(0x400000UL, 0x1000UL)]
        [InlineData(UserLayout.HeapBase + UserLayout.ProgramHeapReservation - 0x1000, 0x2000UL)]
        [InlineData(UserLayout.HeapBase, ulong.MaxValue & ~0xFFFUL)]
        [InlineData(UserLayout.StackTop - 0x1000, 0x2000UL)]
        public void ReleaseOfARangeOutsideTheAnonymousRegionsIsRefused(ulong address, ulong length)
        {
            RegionPagerBook book = NewBook(4, out _, out ulong badge);
            Assert.Equal(RegionPagerStatus.InvalidRange, book.CheckRelease(badge, address, length, out _));
        }

        [Fact]
        public void ReleaseOfTheWholeHeapAndOfTheStackIsAccepted()
        {
            RegionPagerBook book = NewBook(4, out _, out ulong badge);
            Assert.Equal(RegionPagerStatus.Ok, book.CheckRelease(badge, Heap, UserLayout.ProgramHeapReservation, out _));
            Assert.Equal(RegionPagerStatus.Ok, book.CheckRelease(badge, UserLayout.StackTop - UserLayout.ProgramStackSize, UserLayout.ProgramStackSize, out _));
            Assert.Equal(RegionPagerStatus.UnknownClient, book.CheckRelease(badge + 7, Heap, 0x1000, out _));
        }

        [Fact]
        public void AnEndedClientsPagesAllGoBackIncludingImagePages()
        {
            RegionPagerBook book = NewBook(16, out int client, out ulong badge);
            Assert.True(book.Clients.TryAdd(0x20001, out int other, out ulong otherBadge));
            Assert.Equal(PagePlacement.Fresh, book.Place(client, 0x400000, out _));
            Assert.Equal(PagePlacement.Fresh, book.Place(client, 0x401000, out _));
            book.ResolveFault(badge, Heap, out _);
            book.ResolveFault(otherBadge, Heap, out int kept);
            int taken = 0;
            while (book.TryTakeBackAny(client, out _))
            {
                taken++;
            }
            book.Clients.Remove(client);
            Assert.Equal(3, taken);
            Assert.Equal(3, book.Pool.FreeCount);
            Assert.Equal(4, book.Pool.ObtainedCount);
            Assert.True(book.Pool.IsInUse(kept));
            Assert.Equal(1, book.PagesOf(other));
            Assert.Equal(PagePlacement.None, book.ResolveFault(badge, Heap, out _));
        }

        [Fact]
        public void AFreshPageSigma0CouldNotGiveIsUnplacedAndTakenAgainLater()
        {
            RegionPagerBook book = NewBook(4, out int client, out ulong badge);
            Assert.Equal(PagePlacement.Fresh, book.ResolveFault(badge, Heap, out int page));
            book.Unplace(client, Heap, page);
            Assert.Equal(0, book.PagesOf(client));
            Assert.Equal(0, book.Pool.ObtainedCount);
            Assert.Equal(PagePlacement.Fresh, book.ResolveFault(badge, Heap, out int again));
            Assert.Equal(page, again);
        }

        [Fact]
        public void AFaultPlansItsPageFirstThenTheUnplacedPagesOfItsGroup()
        {
            RegionPagerBook book = NewBook(64, out int client, out ulong badge);
            ulong group = Heap + 0x10000;
            book.Place(client, group + 0x3000, out _);
            ulong[] pages = new ulong[RegionPagerBook.FaultGroupPages];
            int count = book.PlanFault(badge, group + 0x5123, pages, out int planned);
            Assert.Equal(client, planned);
            Assert.Equal(RegionPagerBook.FaultGroupPages - 1, count);
            Assert.Equal(group + 0x5000, pages[0]);
            Assert.DoesNotContain(group + 0x3000, pages[..count]);
            Assert.Equal(group, pages[1]);
            Assert.Equal(group + 0xF000, pages[count - 1]);
            Assert.Equal(0, book.PlanFault(badge, 0x400000, pages, out _));
            Assert.Equal(0, book.PlanFault(0, Heap, pages, out _));
        }

        [Fact]
        public void AFaultGroupStaysInsideItsRegion()
        {
            RegionPagerBook book = NewBook(64, out _, out ulong badge);
            ulong[] pages = new ulong[RegionPagerBook.FaultGroupPages];
            ulong top = UserLayout.StackTop - 8;
            int count = book.PlanFault(badge, top, pages, out _);
            Assert.Equal(RegionPagerBook.FaultGroupPages, count);
            foreach (ulong page in pages)
            {
                Assert.True(page >= UserLayout.StackTop - UserLayout.ProgramStackSize && page < UserLayout.StackTop);
            }
        }
    }
}
