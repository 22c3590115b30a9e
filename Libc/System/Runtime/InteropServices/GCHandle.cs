using Internal.Runtime;

namespace System.Runtime.InteropServices
{
    /// <summary>The kinds of <see cref="GCHandle"/>.</summary>
    public enum GCHandleType
    {
        /// <summary>Does not keep the object alive; reads null once a collection found it unreachable.</summary>
        Weak = 0,
        /// <summary>As Weak (there are no finalizers to resurrect objects).</summary>
        WeakTrackResurrection = 1,
        /// <summary>Keeps the object alive until freed.</summary>
        Normal = 2,
        /// <summary>Keeps the object alive and where it is (objects never move, so as Normal).</summary>
        Pinned = 3,
    }

    /// <summary>
    /// A handle to an object in the program's heap, held outside the heap: normal and pinned handles are roots of the
    /// garbage collector, weak ones are cleared when their object dies. Free every handle allocated.
    /// </summary>
    public struct GCHandle
    {
        private nint _handle;

        private GCHandle(nint handle)
        {
            _handle = handle;
        }

        public static GCHandle Alloc(object value) => Alloc(value, GCHandleType.Normal);

        public static GCHandle Alloc(object value, GCHandleType type)
        {
            if (type < GCHandleType.Weak || type > GCHandleType.Pinned)
            {
                throw new ArgumentOutOfRangeException(nameof(type));
            }
            return new GCHandle(ManagedHeap.AllocateHandle(value, (int)type));
        }

        public bool IsAllocated => _handle != 0;

        /// <summary>The object, or null (a weak handle whose object was collected).</summary>
        public object Target
        {
            get => ManagedHeap.HandleTarget(CheckedHandle());
            set => ManagedHeap.SetHandleTarget(CheckedHandle(), value);
        }

        /// <summary>The address of a pinned object's data (the first element of an array or string, else the first field).</summary>
        public unsafe IntPtr AddrOfPinnedObject()
        {
            object target = ManagedHeap.HandleTarget(CheckedHandle());
            if (target == null)
            {
                return IntPtr.Zero;
            }
            byte* reference = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(target);
            MethodTable* type = target._methodTable;
            if (type->HasComponentSize)
            {
                return (IntPtr)(reference + (type->ComponentSize == sizeof(char) && !type->IsArray ? 12 : 16));
            }
            return (IntPtr)(reference + sizeof(nint));
        }

        public void Free()
        {
            ManagedHeap.FreeHandle(CheckedHandle());
            _handle = 0;
        }

        public static IntPtr ToIntPtr(GCHandle value) => value._handle;

        public static GCHandle FromIntPtr(IntPtr value) => new GCHandle(value);

        private nint CheckedHandle()
        {
            if (_handle == 0)
            {
                throw new InvalidOperationException("the GCHandle is not allocated");
            }
            return _handle;
        }
    }
}
