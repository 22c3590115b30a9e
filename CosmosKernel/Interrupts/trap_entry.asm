; Entry stubs for all 256 interrupt vectors (0-31 CPU exceptions, the rest device interrupts). Each stub makes the stack look the same whether or not the
; CPU pushed an error code (a 0 is pushed when it did not), pushes its vector number and joins trap_common,
; which saves every general-purpose register and CR2 into a TrapFrame (Interrupts/TrapFrame.cs: the field
; order there is the reverse of the push order here), saves the SSE state, and calls the C# handler
; kernel_trap_handler(TrapFrame*). If the handler returns, everything is restored and iretq resumes the
; interrupted code.
;
; The stacks interrupts run on live here too: the privilege-change stack (TSS.rsp0, used when an interrupt
; arrives in ring 3) and the double-fault stack (TSS.ist1), so a kernel stack overflow still gets a report.

bits 64

extern kernel_trap_handler

section .text

; Vectors for which the CPU pushes an error code: #DF 8, #TS 10, #NP 11, #SS 12, #GP 13, #PF 14, #AC 17,
; #CP 21, #VC 29, #SX 30. Device interrupts (32-255) never push one.
%assign vector 0
%rep 256
trap_stub_ %+ vector:
    %if !(vector = 8 || vector = 10 || vector = 11 || vector = 12 || vector = 13 || vector = 14 || vector = 17 || vector = 21 || vector = 29 || vector = 30)
    push 0                          ; no error code from the CPU: keep the frame layout uniform
    %endif
    push vector
    jmp trap_common
    %assign vector vector + 1
%endrep

trap_common:
    push rax
    push rbx
    push rcx
    push rdx
    push rsi
    push rdi
    push rbp
    push r8
    push r9
    push r10
    push r11
    push r12
    push r13
    push r14
    push r15
    mov rax, cr2                    ; read before anything else can fault and overwrite it
    push rax
    cld                             ; the System V ABI requires the direction flag clear on calls

    mov rdi, rsp                    ; argument: the TrapFrame
    mov rbx, rsp                    ; callee-saved: where the frame is, to restore rsp after the call
    and rsp, -16
    sub rsp, 512
    fxsave [rsp]                    ; C# code uses SSE; the interrupted code's XMM registers must survive
    call kernel_trap_handler
    fxrstor [rsp]
    mov rsp, rbx

    add rsp, 8                      ; CR2
    pop r15
    pop r14
    pop r13
    pop r12
    pop r11
    pop r10
    pop r9
    pop r8
    pop rbp
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rbx
    pop rax
    add rsp, 16                     ; vector and error code
    iretq

; Where a new user thread first runs (Scheduling/ThreadStack.cs builds its stack): the stack switch in
; thread_switch.asm "returns" here with rsp at [argument][UTCB address][iret frame: rip cs rflags rsp ss].
; The C# side finishes the switch (frees a thread that died on the way out); then the thread enters ring 3
; with rdi = argument, rsi = UTCB, every other register zero and a clean FPU/SSE state.
extern kernel_thread_started
global user_thread_first_entry
user_thread_first_entry:
    sub rsp, 8                      ; the frame above is 7 words: realign to 16 for the call
    call kernel_thread_started
    add rsp, 8
    pop rdi
    pop rsi
    xor eax, eax
    xor ebx, ebx
    xor ecx, ecx
    xor edx, edx
    xor ebp, ebp
    xor r8d, r8d
    xor r9d, r9d
    xor r10d, r10d
    xor r11d, r11d
    xor r12d, r12d
    xor r13d, r13d
    xor r14d, r14d
    xor r15d, r15d
    fninit
    push 0x1F80                     ; the default MXCSR: all SSE exceptions masked, round to nearest
    ldmxcsr [rsp]
    add rsp, 8
    pxor xmm0, xmm0
    pxor xmm1, xmm1
    pxor xmm2, xmm2
    pxor xmm3, xmm3
    pxor xmm4, xmm4
    pxor xmm5, xmm5
    pxor xmm6, xmm6
    pxor xmm7, xmm7
    pxor xmm8, xmm8
    pxor xmm9, xmm9
    pxor xmm10, xmm10
    pxor xmm11, xmm11
    pxor xmm12, xmm12
    pxor xmm13, xmm13
    pxor xmm14, xmm14
    pxor xmm15, xmm15
    iretq

section .rodata
align 8
; The addresses of the 256 stubs, indexed by vector, for the IDT (read through KernelLayout).
global trap_stub_table
trap_stub_table:
%assign vector 0
%rep 256
    dq trap_stub_ %+ vector
    %assign vector vector + 1
%endrep

section .bss nobits alloc noexec write align=4096
alignb 4096                         ; the 104-byte header within one page
; The 64-bit task-state segment (Interrupts/TaskStateSegment.cs fills it): here rather than in C# so that
; system_call_entry.asm can read the running thread's kernel stack top (rsp0) from it. The 104-byte header,
; the 8 KiB I/O permission bitmap and its closing all-ones byte (TaskStateSegment.Size).
global task_state_segment
task_state_segment:
    resb 104 + 8192 + 1
alignb 4096
global privilege_stack_bottom
privilege_stack_bottom:
    resb 16 * 1024
global privilege_stack_top
privilege_stack_top:

alignb 4096
global double_fault_stack_bottom
double_fault_stack_bottom:
    resb 16 * 1024
global double_fault_stack_top
double_fault_stack_top:
