namespace Cosmos.Programs.DiskTest
{
    /// <summary>FNV-1a (32 bits) over bytes: what "disktest read" prints, recomputed by the integration tests on the host.</summary>
    internal static class SectorChecksum
    {
        public const uint OffsetBasis = 2166136261;
        public const uint Prime = 16777619;

        public static uint Compute(byte[] data, int length)
        {
            uint hash = OffsetBasis;
            for (int i = 0; i < length; i++)
            {
                hash = (hash ^ data[i]) * Prime;
            }
            return hash;
        }
    }
}
