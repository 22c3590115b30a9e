using Cosmos.Api;
using CosmosKernel.Memory;

namespace CosmosKernel.Tasks
{
    /// <summary>
    /// Every access the kernel makes to a task's memory on its behalf. Each page of a range is looked up in
    /// the task's page table first and must be mapped for user access (and writable, or owned by the task,
    /// when asked); the bytes are then copied through the direct map, never through the user address, so a
    /// bad pointer is an error code and never a kernel fault. Ranges must lie wholly in the user half (a
    /// kernel address is refused before any lookup). The kernel is not preempted, so a page checked stays
    /// mapped while it is copied.
    /// </summary>
    internal static unsafe class UserMemory
    {
        /// <summary>What a range must allow.</summary>
        public enum Access
        {
            Read,
            Write,
            /// <summary>Write on behalf of a loader or a task's controller: the page must be the task's memory (loaded by the kernel, or mapped to it by a pager), writable or not.</summary>
            WriteOwned,
        }

        public static bool IsUserRange(ulong address, ulong length) => address < UserLayout.UserSpaceEnd && length <= UserLayout.UserSpaceEnd - address;

        /// <summary>Checks that every page of [address, address + length) allows <paramref name="access"/>.</summary>
        public static SystemCallError Check(in PageTable space, ulong address, ulong length, Access access)
        {
            if (!IsUserRange(address, length))
            {
                return SystemCallError.BadAddress;
            }
            if (length == 0)
            {
                return SystemCallError.None;
            }
            ulong page = address & ~(UserLayout.PageSize - 1);
            ulong end = address + length;
            for (; page < end; page += UserLayout.PageSize)
            {
                if (!Allows(space.Translate(new VirtualAddress(page)), access))
                {
                    return SystemCallError.BadAddress;
                }
            }
            return SystemCallError.None;
        }

        /// <summary>Copies from a task into kernel memory.</summary>
        public static SystemCallError CopyFrom(in PageTable space, ulong address, byte* destination, ulong length)
        {
            SystemCallError error = Check(in space, address, length, Access.Read);
            if (error != SystemCallError.None)
            {
                return error;
            }
            while (length != 0)
            {
                ulong chunk = ChunkLength(address, length);
                byte* source = DirectPointer(in space, address);
                System.Runtime.InteropServices.NativeMemory.Copy(source, destination, (nuint)chunk);
                address += chunk;
                destination += chunk;
                length -= chunk;
            }
            return SystemCallError.None;
        }

        /// <summary>Copies kernel memory into a task.</summary>
        public static SystemCallError CopyTo(in PageTable space, ulong address, byte* source, ulong length, Access access)
        {
            SystemCallError error = Check(in space, address, length, access);
            if (error != SystemCallError.None)
            {
                return error;
            }
            while (length != 0)
            {
                ulong chunk = ChunkLength(address, length);
                System.Runtime.InteropServices.NativeMemory.Copy(source, DirectPointer(in space, address), (nuint)chunk);
                address += chunk;
                source += chunk;
                length -= chunk;
            }
            return SystemCallError.None;
        }

        /// <summary>Copies between two tasks (both ranges checked first; nothing is copied if either is bad).</summary>
        public static SystemCallError CopyBetween(in PageTable sourceSpace, ulong sourceAddress, in PageTable destinationSpace, ulong destinationAddress, ulong length, Access destinationAccess)
        {
            SystemCallError error = Check(in sourceSpace, sourceAddress, length, Access.Read);
            if (error == SystemCallError.None)
            {
                error = Check(in destinationSpace, destinationAddress, length, destinationAccess);
            }
            if (error != SystemCallError.None)
            {
                return error;
            }
            while (length != 0)
            {
                ulong chunk = ChunkLength(sourceAddress, length);
                ulong destinationChunk = ChunkLength(destinationAddress, chunk);
                System.Runtime.InteropServices.NativeMemory.Copy(DirectPointer(in sourceSpace, sourceAddress), DirectPointer(in destinationSpace, destinationAddress), (nuint)destinationChunk);
                sourceAddress += destinationChunk;
                destinationAddress += destinationChunk;
                length -= destinationChunk;
            }
            return SystemCallError.None;
        }

        private static bool Allows(PageTranslation translation, Access access)
        {
            if (!translation.IsMapped || (translation.Flags & PageFlags.User) == 0)
            {
                return false;
            }
            switch (access)
            {
                case Access.Write: return (translation.Flags & PageFlags.Writable) != 0;
                case Access.WriteOwned: return (translation.Flags & (PageFlags.Writable | PageFlags.Owned | PageFlags.Derived)) != 0;
                default: return true;
            }
        }

        // Bytes from address to the end of its page, at most length.
        private static ulong ChunkLength(ulong address, ulong length)
        {
            ulong toPageEnd = UserLayout.PageSize - (address & (UserLayout.PageSize - 1));
            return toPageEnd < length ? toPageEnd : length;
        }

        private static byte* DirectPointer(in PageTable space, ulong address)
        {
            PageTranslation translation = space.Translate(new VirtualAddress(address));
            return KernelMemory.Window.ToPointer(translation.Physical);
        }
    }
}
