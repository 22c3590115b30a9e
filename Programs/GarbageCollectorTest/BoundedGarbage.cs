using System;
using Cosmos.Api;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>
    /// "garbage": allocates 20 times the old fixed heap size (UserLayout.ProgramHeapSize, 4 MiB) in short-lived objects
    /// of mixed sizes while a small set stays live, and checks that the heap stays bounded: collections ran, and the
    /// heap's peak (the bytes it ever held from the program's memory) and the task's peak in physical frames stay under
    /// a few times the collector's budget. Prints the figures.
    /// </summary>
    internal static class BoundedGarbage
    {
        private const long BoundBytes = 24L * 1024 * 1024;

        public static int Run()
        {
            long target = 20L * (long)UserLayout.ProgramHeapSize;
            GarbageCollectorStatistics before = GC.GetStatistics();
            ulong freeFramesBefore = Kernel.FreeFrames(out _);
            ulong lowestFreeFrames = freeFramesBefore;
            object[] keep = new object[256];
            RandomSequence random = new RandomSequence(12345);
            int round = 0;
            while (GC.GetStatistics().BytesAllocated - before.BytesAllocated < (ulong)target)
            {
                Garbage.Churn(256 * 1024, (ulong)round + 1);
                keep[random.Below(keep.Length)] = new Node(round, 16);
                round++;
                ulong free = Kernel.FreeFrames(out _);
                if (free < lowestFreeFrames)
                {
                    lowestFreeFrames = free;
                }
            }
            GarbageCollectorStatistics after = GC.GetStatistics();
            ulong collections = after.Collections - before.Collections;
            ulong allocatedBytes = after.BytesAllocated - before.BytesAllocated;
            ulong peakFramesBytes = (freeFramesBefore - lowestFreeFrames) * UserLayout.PageSize;
            Output.Line("garbage: allocated=" + (allocatedBytes >> 20).ToString() + "MiB collections=" + collections.ToString()
                + " peak_heap=" + (after.PeakHeapBytes >> 10).ToString() + "KiB peak_task_growth=" + (peakFramesBytes >> 10).ToString()
                + "KiB live_after_last=" + (after.LiveBytesAfterLastCollection >> 10).ToString() + "KiB pause_total=" + (after.TotalPauseNanoseconds / 1000000).ToString() + "ms");
            string failure = null;
            if (allocatedBytes < (ulong)target)
            {
                failure = "allocated only " + allocatedBytes.ToString() + " bytes";
            }
            else if (collections < 5)
            {
                failure = "only " + collections.ToString() + " collections ran";
            }
            else if (after.PeakHeapBytes > BoundBytes)
            {
                failure = "the heap grew to " + after.PeakHeapBytes.ToString() + " bytes";
            }
            else if (peakFramesBytes > BoundBytes)
            {
                failure = "the task took " + peakFramesBytes.ToString() + " bytes of frames";
            }
            for (int i = 0; failure == null && i < keep.Length; i++)
            {
                if (keep[i] is Node node && !node.Holds(node.Value))
                {
                    failure = "a live node lost its content";
                }
            }
            return Output.Result("garbage", failure);
        }
    }
}
