; The atomic operations behind Libc's spin lock (Internal/Runtime/SpinLock.cs): C# code compiled by ilc
; against our core library has no Interlocked intrinsics, so the one atomic exchange lives here.

bits 64
section .text

; int libc_spin_lock_try_acquire(int* lock): 1 when the lock was free and is now held, 0 when someone holds it.
global libc_spin_lock_try_acquire
libc_spin_lock_try_acquire:
    mov eax, 1
    xchg eax, [rdi]             ; xchg with memory is locked: atomic and a full barrier
    xor eax, 1
    ret

; void libc_spin_lock_release(int* lock): stores 0 (x86 keeps stores in order, so the critical section's
; writes are visible before the lock is seen free; the call keeps the compiler from moving them after it).
global libc_spin_lock_release
libc_spin_lock_release:
    mov dword [rdi], 0
    ret
