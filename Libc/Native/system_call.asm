; The ring-3 side of the system-call boundary. System V arguments arrive in rdi, rsi, rdx, rcx, r8, r9;
; the kernel's ABI (docs/ARCHITECTURE.md) wants the number in rax and arguments in rdi, rsi, rdx, r10,
; r8, r9, because `syscall` itself overwrites rcx (return address) and r11 (flags).
; Returns rax (status or value) and, for two-result calls, rdx in the second result slot.

bits 64
section .text

; long libc_system_call(long number, long a1, long a2, long a3, long a4, long a5)
global libc_system_call
libc_system_call:
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    mov r8, r9
    syscall
    ret

; long libc_system_call2(long number, long a1, long a2, long a3, long a4, ulong* second_result)
global libc_system_call2
libc_system_call2:
    push r9
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    syscall
    pop r9
    test r9, r9
    jz .done
    mov [r9], rdx
.done:
    ret

; long libc_system_call2_5(long number, long a1, long a2, long a3, long a4, long a5, ulong* second_result [stack])
global libc_system_call2_5
libc_system_call2_5:
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    mov r8, r9
    syscall
    mov r9, [rsp + 8]           ; the seventh argument: where the second result goes
    test r9, r9
    jz .done
    mov [r9], rdx
.done:
    ret

; ulong libc_read_thread_pointer(): fs:[0], which the kernel points at the thread's UTCB (its first word is its own address).
global libc_read_thread_pointer
libc_read_thread_pointer:
    mov rax, [fs:0]
    ret

; ulong libc_read_timestamp_counter(): the TSC (the kernel information page gives its frequency).
global libc_read_timestamp_counter
libc_read_timestamp_counter:
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret
