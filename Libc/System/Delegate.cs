using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>
    /// A delegate: a code address plus what to call it with. ilc generates each delegate type's constructor
    /// (calling one of the Initialize* methods below, found by name) and its Invoke, which calls
    /// <c>_functionPointer</c> with <c>_firstParameter</c> as the first argument. Static methods go through a
    /// thunk ilc emits, which finds the real target in <c>_extraFunctionPointerOrData</c>.
    /// </summary>
    public abstract unsafe class Delegate
    {
        // ilc reads and writes these fields by name.
        internal object _firstParameter;
        internal object _helperObject;
        internal nint _extraFunctionPointerOrData;
        internal nint _functionPointer;

        // Thunk kinds ilc generates for GetThunk (values fixed by the compiler).
        private protected const int MulticastThunk = 0;
        private protected const int ClosedStaticThunk = 1;
        private protected const int OpenStaticThunk = 2;
        private protected const int ClosedInstanceThunkOverGenericMethod = 3;
        private protected const int OpenInstanceThunk = 4;

        // Shared generic methods are called through "fat" function pointers with this bit set.
        private const nint FatFunctionPointerOffset = 2;

        /// <summary>Overridden by ilc in every delegate type: the address of a thunk of the given kind.</summary>
        private protected virtual nint GetThunk(int whichThunk) => 0;

        private void InitializeClosedInstance(object firstParameter, nint functionPointer)
        {
            if (firstParameter == null)
            {
                throw new NullReferenceException();
            }
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        private void InitializeClosedInstanceSlow(object firstParameter, nint functionPointer)
        {
            if (firstParameter == null)
            {
                throw new NullReferenceException();
            }
            if ((functionPointer & FatFunctionPointerOffset) == 0)
            {
                _functionPointer = functionPointer;
                _firstParameter = firstParameter;
            }
            else
            {
                _firstParameter = this;
                _functionPointer = GetThunk(ClosedInstanceThunkOverGenericMethod);
                _extraFunctionPointerOrData = functionPointer;
                _helperObject = firstParameter;
            }
        }

        private void InitializeClosedInstanceWithoutNullCheck(object firstParameter, nint functionPointer)
        {
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        private void InitializeClosedInstanceToInterface(object firstParameter, nint dispatchCell)
        {
            if (firstParameter == null)
            {
                throw new NullReferenceException();
            }
            _functionPointer = InterfaceDispatch.ResolveForDelegate(firstParameter, dispatchCell);
            _firstParameter = firstParameter;
        }

        private void InitializeClosedStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
        {
            _extraFunctionPointerOrData = functionPointer;
            _helperObject = firstParameter;
            _functionPointer = functionPointerThunk;
            _firstParameter = this;
        }

        private void InitializeOpenStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        private void InitializeOpenInstanceThunkDynamic(nint functionPointer, nint functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        /// <summary>The method's code address and target object, as a pair that identifies what the delegate calls.</summary>
        private nint TargetCode => _firstParameter == (object)this ? _extraFunctionPointerOrData : _functionPointer;

        private object TargetObject => _firstParameter == (object)this ? _helperObject : _firstParameter;

        public object Target => TargetObject;

        public override bool Equals(object obj)
        {
            if (obj is not Delegate other || other._methodTable != _methodTable)
            {
                return false;
            }
            return TargetCode == other.TargetCode && TargetObject == other.TargetObject;
        }

        public override int GetHashCode() => (int)TargetCode;

        public static bool operator ==(Delegate left, Delegate right) => left is null ? right is null : left.Equals(right);

        public static bool operator !=(Delegate left, Delegate right) => !(left == right);

        /// <summary>Multicast delegates (+=) are not supported yet; combining two delegates is a clear error.</summary>
        public static Delegate Combine(Delegate first, Delegate second)
        {
            if (first is null)
            {
                return second;
            }
            if (second is null)
            {
                return first;
            }
            throw new NotSupportedException("multicast delegates are not supported");
        }

        public static Delegate Remove(Delegate source, Delegate value)
        {
            if (source is null || source.Equals(value))
            {
                return null;
            }
            return source;
        }
    }

    public abstract class MulticastDelegate : Delegate
    {
    }
}
