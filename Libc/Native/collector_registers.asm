; The collector's view of its own thread's registers. A conservative collector must see every reference the
; running thread holds, and its callers may keep some in callee-saved registers (rbx, rbp, r12-r15) that no
; frame has spilled yet. This routine pushes them onto the stack and calls back with the resulting stack
; pointer, so scanning from there to the stack's top covers them along with every frame below.

bits 64
section .text

; void libc_collector_call_with_registers_spilled(void (*callback)(void* context, ulong stack_pointer), void* context)
global libc_collector_call_with_registers_spilled
libc_collector_call_with_registers_spilled:
    push rbx
    push rbp
    push r12
    push r13
    push r14
    push r15
    sub rsp, 8                  ; 8 (return address) + 48 + 8: rsp is 16-byte aligned at the call
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rsp
    call rax
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbp
    pop rbx
    ret

; The bounds of a program's static data (Libc/Program.ld), which the collector scans for roots: two words,
; start and end. Weak, so the kernel, whose link script does not define them and which never collects, links
; with both 0.
extern __gc_roots_start:weak
extern __gc_roots_end:weak

section .rodata
align 8
global libc_collector_static_roots
libc_collector_static_roots:
    dq __gc_roots_start
    dq __gc_roots_end
