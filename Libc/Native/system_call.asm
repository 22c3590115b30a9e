; The ring-3 side of the system-call boundary. System V arguments arrive in rdi, rsi, rdx, rcx, r8, r9;
; the kernel's ABI (docs/ARCHITECTURE.md) wants the number in rax and arguments in rdi, rsi, rdx, r10,
; r8, r9, because `syscall` itself overwrites rcx (return address) and r11 (flags).
; Returns rax (status or value) and, for two-result calls, rdx in the second result slot. r15 is saved around
; `syscall`: the IPC calls return message register 3 in it, and System V makes it callee-saved. (Libc's IPC
; wrappers use Native/ipc.asm, which hands message registers 0-3 over properly.)

bits 64
section .text

; long libc_system_call(long number, long a1, long a2, long a3, long a4, long a5)
global libc_system_call
libc_system_call:
    push r15
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    mov r8, r9
    syscall
    pop r15
    ret

; long libc_system_call2(long number, long a1, long a2, long a3, long a4, ulong* second_result)
global libc_system_call2
libc_system_call2:
    push r15
    push r9
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    syscall
    pop r9
    pop r15
    test r9, r9
    jz .done
    mov [r9], rdx
.done:
    ret

; long libc_system_call2_5(long number, long a1, long a2, long a3, long a4, long a5, ulong* second_result [stack])
global libc_system_call2_5
libc_system_call2_5:
    push r15
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    mov r8, r9
    syscall
    pop r15
    mov r9, [rsp + 8]           ; the seventh argument: where the second result goes
    test r9, r9
    jz .done
    mov [r9], rdx
.done:
    ret

; long libc_system_call2_6(long number, long a1, long a2, long a3, long a4, long a5, long a6 [stack], ulong* second_result [stack])
global libc_system_call2_6
libc_system_call2_6:
    push r15
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    mov r8, r9
    mov r9, [rsp + 16]          ; the seventh argument (above the saved r15 and the return address)
    syscall
    pop r15
    mov r9, [rsp + 16]          ; the eighth argument: where the second result goes
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
