; The kernel-stack switch between two threads, and the idle loop. A thread that gives up the CPU is always
; inside a call to native_switch_stacks (from Scheduler.SwitchTo), so only the callee-saved registers of
; the System V ABI need saving: everything else the compiler already treats as clobbered by the call.
; Where the thread came from (a system call, an interrupt, its first start) is recorded further up its own
; kernel stack and unwinds by itself when the thread is resumed.

bits 64
section .text

; void native_switch_stacks(ulong* saveStackPointer, ulong newStackPointer)
global native_switch_stacks
native_switch_stacks:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov [rdi], rsp
    mov rsp, rsi
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; void native_idle_forever(): the idle thread. Interrupts stay enabled here; the timer interrupt (on this
; thread's stack) switches to any thread that became ready. The idle thread touches no kernel data.
global native_idle_forever
native_idle_forever:
    sti
.halt:
    hlt
    jmp .halt
