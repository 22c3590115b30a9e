using System;
using Cosmos.Api;

namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The ring-3 garbage collector: non-moving mark-sweep over <see cref="ManagedHeap"/>'s heap. A collection stops the
    /// program's other threads, marks from the roots (<see cref="RootScanner"/>, the strong handles of
    /// <see cref="HandleTable"/>) through every reachable object (<see cref="ObjectMarker"/>), clears the weak handles
    /// of objects it did not reach, lets the threads run again, then sweeps (<see cref="Heap.Sweep"/>), which also gives
    /// empty chunks back. Collections are triggered by allocation volume: after a collection the program may allocate
    /// as many bytes as survived it (at least <see cref="MinimumBudget"/>) before the next. Only for programs; the
    /// kernel never enables it. Every entry point runs with the heap lock held.
    /// </summary>
    internal static unsafe class Collector
    {
        public const ulong MinimumBudget = 4 * 1024 * 1024;

        private static MarkStack s_markStack;
        private static ulong s_budget;
        private static ulong s_allocatedAtLastCollection;
        private static double s_nanosecondsPerCycle;

        private static ulong s_collections;
        private static ulong s_totalPauseNanoseconds;
        private static ulong s_lastPauseNanoseconds;
        private static ulong s_longestPauseNanoseconds;
        private static ulong s_liveBytesAfterLastCollection;
        private static ulong s_bytesFreed;
        private static ulong s_objectsMarkedLastCollection;

        public static bool IsEnabled { get; private set; }

        /// <summary>True from the start of a collection to the end of its sweep (one thread collects, the others are stopped): a fault then is a runtime bug, never an exception.</summary>
        public static bool IsCollecting { get; private set; }

        /// <summary>Turns collection on for this program (the heap's pages come from <paramref name="allocatePages"/>).</summary>
        public static void Enable(delegate*<nuint, void*> allocatePages, delegate*<void*, nuint, void> freePages, SuspendedThread* threadRecords)
        {
            s_markStack.Initialize(allocatePages, freePages);
            RootScanner.Initialize(threadRecords);
            KernelInformation* information = Kernel.Information;
            s_nanosecondsPerCycle = information->TimestampFrequencyHz == 0 ? 0 : 1e9 / information->TimestampFrequencyHz;
            s_budget = MinimumBudget;
            IsEnabled = true;
        }

        /// <summary>The heap's BytesAllocated at which the next collection is due.</summary>
        public static ulong NextCollectionAt => s_allocatedAtLastCollection + s_budget;

        /// <summary>True when the program has allocated its budget since the last collection.</summary>
        public static bool IsDue(ulong bytesAllocated) => IsEnabled && bytesAllocated - s_allocatedAtLastCollection >= s_budget;

        /// <summary>A full collection. The caller holds the heap lock.</summary>
        public static void Collect(Heap* heap, HandleTable* handles)
        {
            ulong start = SystemCall.ReadTimestampCounter();
            IsCollecting = true;
            RootScanner.StopOtherThreads();
            ObjectMarker marker = default;
            marker.Initialize(heap, (MarkStack*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref s_markStack), RootScanner.ImageStart, RootScanner.ImageEnd);
            RootScanner.MarkRoots(&marker);
            handles->MarkStrongHandles(&marker);
            marker.Drain();
            handles->ClearUnreachableWeakHandles(heap);
            RootScanner.ResumeOtherThreads();
            ulong freed = heap->Sweep();
            IsCollecting = false;

            ulong pause = (ulong)((SystemCall.ReadTimestampCounter() - start) * s_nanosecondsPerCycle);
            s_collections++;
            s_totalPauseNanoseconds += pause;
            s_lastPauseNanoseconds = pause;
            if (pause > s_longestPauseNanoseconds)
            {
                s_longestPauseNanoseconds = pause;
            }
            s_bytesFreed += freed;
            s_objectsMarkedLastCollection = marker.MarkedObjects;
            s_liveBytesAfterLastCollection = heap->BytesInUse;
            s_allocatedAtLastCollection = heap->BytesAllocated;
            s_budget = heap->BytesInUse > MinimumBudget ? heap->BytesInUse : MinimumBudget;
        }

        /// <summary>The collector's and the heap's counters. The caller holds the heap lock.</summary>
        public static GarbageCollectorStatistics Statistics(Heap* heap)
        {
            GarbageCollectorStatistics statistics = default;
            statistics.CollectionEnabled = IsEnabled;
            statistics.Collections = s_collections;
            statistics.TotalPauseNanoseconds = s_totalPauseNanoseconds;
            statistics.LastPauseNanoseconds = s_lastPauseNanoseconds;
            statistics.LongestPauseNanoseconds = s_longestPauseNanoseconds;
            statistics.LiveBytesAfterLastCollection = s_liveBytesAfterLastCollection;
            statistics.ObjectsMarkedLastCollection = s_objectsMarkedLastCollection;
            statistics.BytesFreedByCollections = s_bytesFreed;
            statistics.HeapBytes = heap->BytesFromPageSource;
            statistics.PeakHeapBytes = heap->PeakBytesFromPageSource;
            statistics.BytesInUse = heap->BytesInUse;
            statistics.BytesAllocated = heap->BytesAllocated;
            statistics.Allocations = heap->AllocationCount;
            statistics.NextCollectionAfterBytes = s_budget;
            return statistics;
        }
    }
}
