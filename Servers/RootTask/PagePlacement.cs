namespace Cosmos.Servers.RootTask
{
    /// <summary>How a pool page came to back a client's page, and so what must happen to it before it is mapped.</summary>
    internal enum PagePlacement
    {
        /// <summary>No page: the pool is exhausted (every page is in use).</summary>
        None,

        /// <summary>The client already had this page: map it again as it is.</summary>
        Existing,

        /// <summary>A page never obtained before: ask sigma0 for a frame there (it arrives zeroed).</summary>
        Fresh,

        /// <summary>A page another client gave back: zero it before anyone sees it.</summary>
        Reused,
    }
}
