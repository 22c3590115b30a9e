using System;
using System.Collections.Generic;
using Cosmos.Servers.RootTask;
using Xunit;

namespace Servers.Tests
{
    public class ClientPageMapTests
    {
        [Fact]
        public void PagesAreFoundByClientAndAddress()
        {
            ClientPageMap map = new ClientPageMap(16, 4);
            map.Add(0, 0x1000, 5);
            map.Add(1, 0x1000, 6);
            Assert.True(map.TryFind(0, 0x1000, out int page));
            Assert.Equal(5, page);
            Assert.True(map.TryFind(1, 0x1000, out page));
            Assert.Equal(6, page);
            Assert.False(map.TryFind(2, 0x1000, out _));
            Assert.False(map.TryFind(0, 0x2000, out _));
            Assert.Equal(1, map.CountOf(0));
        }

        [Fact]
        public void RemovingKeepsEveryOtherPageFindable()
        {
            const int pages = 512;
            ClientPageMap map = new ClientPageMap(pages, 3);
            for (int page = 0; page < pages; page++)
            {
                map.Add(page % 3, 0x10_0000_0000UL + (ulong)(page / 3) * 0x1000, page);
            }
            // Remove every other page, in an order unlike the insertion order (probe runs are shifted back).
            for (int page = pages - 1; page >= 0; page -= 2)
            {
                Assert.True(map.TryRemove(page % 3, 0x10_0000_0000UL + (ulong)(page / 3) * 0x1000, out int removed));
                Assert.Equal(page, removed);
            }
            for (int page = 0; page < pages; page++)
            {
                bool present = map.TryFind(page % 3, 0x10_0000_0000UL + (ulong)(page / 3) * 0x1000, out int found);
                Assert.Equal(page % 2 == 0, present);
                if (present)
                {
                    Assert.Equal(page, found);
                }
            }
            Assert.Equal(pages / 2, map.CountOf(0) + map.CountOf(1) + map.CountOf(2));
        }

        [Fact]
        public void AClientsPagesCanAllBeTakenAway()
        {
            ClientPageMap map = new ClientPageMap(64, 2);
            HashSet<int> expected = new HashSet<int>();
            for (int page = 0; page < 64; page++)
            {
                map.Add(page & 1, (ulong)page << 12, page);
                if ((page & 1) == 1)
                {
                    expected.Add(page);
                }
            }
            map.TryRemove(1, 7UL << 12, out _);
            expected.Remove(7);
            HashSet<int> taken = new HashSet<int>();
            while (map.TryRemoveAny(1, out int page, out ulong address))
            {
                Assert.Equal((ulong)page << 12, address);
                taken.Add(page);
            }
            Assert.Equal(expected, taken);
            Assert.Equal(0, map.CountOf(1));
            Assert.Equal(32, map.CountOf(0));
            Assert.True(map.TryFind(0, 6UL << 12, out int kept));
            Assert.Equal(6, kept);
        }

        [Fact]
        public void RandomAddsAndRemovesAgreeWithADictionary()
        {
            const int capacity = 300;
            ClientPageMap map = new ClientPageMap(capacity, 5);
            Dictionary<(int, ulong), int> model = new Dictionary<(int, ulong), int>();
            Stack<int> freePages = new Stack<int>();
            for (int page = capacity - 1; page >= 0; page--)
            {
                freePages.Push(page);
            }
            Random random = new Random(6);
            for (int step = 0; step < 20000; step++)
            {
                int client = random.Next(5);
                ulong address = (ulong)random.Next(400) << 12;
                if (model.TryGetValue((client, address), out int page))
                {
                    Assert.True(map.TryFind(client, address, out int found));
                    Assert.Equal(page, found);
                    if (random.Next(2) == 0)
                    {
                        Assert.True(map.TryRemove(client, address, out int removed));
                        Assert.Equal(page, removed);
                        model.Remove((client, address));
                        freePages.Push(page);
                    }
                }
                else
                {
                    Assert.False(map.TryFind(client, address, out _));
                    if (freePages.Count > 0)
                    {
                        int added = freePages.Pop();
                        map.Add(client, address, added);
                        model[(client, address)] = added;
                    }
                }
            }
            for (int client = 0; client < 5; client++)
            {
                int count = 0;
                foreach ((int owner, ulong _) in model.Keys)
                {
                    count += owner == client ? 1 : 0;
                }
                Assert.Equal(count, map.CountOf(client));
            }
        }
    }
}
