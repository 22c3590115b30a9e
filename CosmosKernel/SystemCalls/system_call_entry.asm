; The ring-3 -> kernel boundary for `syscall` (LSTAR points here; SystemCalls/SystemCallSetup.cs).
; On entry: rax = call number, arguments in rdi, rsi, rdx, r10, r8, r9; the CPU put the return address in
; rcx and the user's rflags in r11, and cleared IF (SFMASK), so nothing can interrupt the stack switch.
; The user's registers are saved as a SystemCallFrame (SystemCalls/SystemCallFrame.cs: fields in reverse
; push order) on the current thread's kernel stack, whose top is the TSS's rsp0 (the scheduler sets it on
; every switch, and interrupts from ring 3 use the same stack). The handler writes the results into the frame's rax and rdx; every other
; register returns to user mode as it was, so no kernel value leaks out through them.

bits 64

extern kernel_system_call
extern task_state_segment
TASK_STATE_RSP0 equ 4

section .text
global system_call_entry
system_call_entry:
    mov [rel system_call_user_stack], rsp
    mov rsp, [rel task_state_segment + TASK_STATE_RSP0]
    push qword [rel system_call_user_stack]
    push r11                        ; user rflags
    push rcx                        ; user rip
    push rax
    push rdi
    push rsi
    push rdx
    push r10
    push r8
    push r9
    push rbx
    push rbp
    push r12
    push r13
    push r14
    push r15                        ; 16 words: rsp stays 16-byte aligned
    cld
    mov rdi, rsp
    call kernel_system_call
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbp
    pop rbx
    pop r9
    pop r8
    pop r10
    pop rdx
    pop rsi
    pop rdi
    pop rax
    pop rcx
    pop r11
    pop rsp                         ; IF is still clear: nothing runs on the user stack before sysret
    o64 sysret

section .data
align 8
; Scratch for the user rsp during the two instructions before it is pushed (one CPU, interrupts off).
system_call_user_stack:
    dq 0
