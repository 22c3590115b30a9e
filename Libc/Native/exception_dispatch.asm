; The machine-level half of exception dispatch, shared by the kernel and every ring-3 program (all link Libc).
; The managed half is Libc/Internal/Runtime/ExceptionHandling (ExceptionDispatcher, StackFrameIterator).
;
; A RegisterContext (RegisterContext.cs) is the state of one frame as far as unwinding needs it:
;   0 rip, 8 rsp, 16 rbx, 24 rbp, 32 r12, 40 r13, 48 r14, 56 r15, 64 rax     (72 bytes)

bits 64
section .text

%define CONTEXT_RIP 0
%define CONTEXT_RSP 8
%define CONTEXT_RBX 16
%define CONTEXT_RBP 24
%define CONTEXT_R12 32
%define CONTEXT_R13 40
%define CONTEXT_R14 48
%define CONTEXT_R15 56
%define CONTEXT_RAX 64
%define CONTEXT_SIZE 72

; The callee-saved registers to and from the RegisterContext at [%1].
%macro STORE_CALLEE_SAVED 1
    mov [%1 + CONTEXT_RBX], rbx
    mov [%1 + CONTEXT_RBP], rbp
    mov [%1 + CONTEXT_R12], r12
    mov [%1 + CONTEXT_R13], r13
    mov [%1 + CONTEXT_R14], r14
    mov [%1 + CONTEXT_R15], r15
%endmacro

%macro LOAD_CALLEE_SAVED 1
    mov rbx, [%1 + CONTEXT_RBX]
    mov rbp, [%1 + CONTEXT_RBP]
    mov r12, [%1 + CONTEXT_R12]
    mov r13, [%1 + CONTEXT_R13]
    mov r14, [%1 + CONTEXT_R14]
    mov r15, [%1 + CONTEXT_R15]
%endmacro

extern LibcDispatchException

; Captures the caller's frame (as it is at the return address) into a RegisterContext on this stack and calls
; LibcDispatchException(rdi = exception, rsi = context, rdx = rethrow flag). The dispatcher never returns here: it
; resumes in a catch handler, or ends the program (kernel: panics).
; Entry: rsp ≡ 8 (mod 16); 88 bytes keep the call below 16-byte aligned.
%macro CAPTURE_AND_DISPATCH 1
    sub rsp, 88
    mov rax, [rsp + 88]
    mov [rsp + CONTEXT_RIP], rax
    lea rax, [rsp + 96]
    mov [rsp + CONTEXT_RSP], rax
    STORE_CALLEE_SAVED rsp
    mov qword [rsp + CONTEXT_RAX], 0
    mov rsi, rsp
    mov edx, %1
    call LibcDispatchException
    ud2
%endmacro

; `throw`: rdi = the exception object.
global RhpThrowEx
RhpThrowEx:
    CAPTURE_AND_DISPATCH 0

; `throw;` inside a catch handler: the dispatcher finds the exception being handled on the stack.
global RhpRethrow
RhpRethrow:
    xor edi, edi
    CAPTURE_AND_DISPATCH 1

; exception_call_funclet(rdi = exception, rsi = funclet address, rdx = RegisterContext* of the method's frame,
; rcx = FuncletInvocation* describing this call). Funclets address their method's locals through rbp and may
; change any callee-saved register, so ours are saved here and the frame's rbp (and the others) installed.
; The invocation pointer sits at [rsp] at the call: the stack walker, unwinding a funclet's frame to
; exception_funclet_return, finds it there. Returns the funclet's rax (a catch: where to resume; a filter: 0/1).
global exception_call_funclet
global exception_funclet_return
exception_call_funclet:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    push rcx                    ; rsp ≡ 0 (mod 16) here, so the funclet is entered as after an aligned call
    LOAD_CALLEE_SAVED rdx
    call rsi
exception_funclet_return:
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; exception_resume(rdi = RegisterContext*): continues at context.rip with its rsp, callee-saved registers and rax
; (after a catch: the method's frame at the resume address). The context may lie below the new rsp: it is read
; completely before anything is pushed.
global exception_resume
exception_resume:
    LOAD_CALLEE_SAVED rdi
    mov rax, [rdi + CONTEXT_RAX]
    mov rsp, [rdi + CONTEXT_RSP]
    jmp [rdi + CONTEXT_RIP]

; Where the kernel continues a ring-3 thread that faulted in a task with a fault handler (Kernel.SetFaultHandler):
; rdi = the UTCB's FaultRecord, rsp 128 bytes below the faulting rsp, aligned as after a call. A zero return
; address ends stack walks here; LibcHandleFault never returns.
extern LibcHandleFault
global exception_fault_entry
exception_fault_entry:
    and rsp, -16
    push 0
    push 0
    call LibcHandleFault
    ud2

; exception_return_to_fault(rdi = UserRegisters*): continues at the faulting instruction with the registers it
; faulted with (rflags excepted), to fault again: with the UTCB's fault record still pending, the kernel then ends
; the task with its standard report. UserRegisters (Libc/Api/SystemInformation.cs): rip 0, rsp 8, rflags 16,
; rax 24, rbx 32, rcx 40, rdx 48, rsi 56, rdi 64, rbp 72, r8 80 ... r15 136. The jump reads the rip from this
; thread's own UTCB (fs:0 is the UTCB; FaultConversion checks the offset before installing the handler), since
; every general register must hold its faulting value by then.
%define UTCB_FAULT_RIP 576
global exception_return_to_fault
exception_return_to_fault:
    mov rax, [rdi + 24]
    mov rbx, [rdi + 32]
    mov rcx, [rdi + 40]
    mov rdx, [rdi + 48]
    mov rsi, [rdi + 56]
    mov rbp, [rdi + 72]
    mov r8, [rdi + 80]
    mov r9, [rdi + 88]
    mov r10, [rdi + 96]
    mov r11, [rdi + 104]
    mov r12, [rdi + 112]
    mov r13, [rdi + 120]
    mov r14, [rdi + 128]
    mov r15, [rdi + 136]
    mov rsp, [rdi + 8]
    mov rdi, [rdi + 64]
    jmp [fs:UTCB_FAULT_RIP]

; exception_capture_caller(rdi = RegisterContext*): fills the context with the caller's frame as it is at the
; return address (rip = return address, rsp after the return, the callee-saved registers), for stack traces taken
; where no fault or throw supplied registers (kernel panics).
global exception_capture_caller
exception_capture_caller:
    mov rax, [rsp]
    mov [rdi + CONTEXT_RIP], rax
    lea rax, [rsp + 8]
    mov [rdi + CONTEXT_RSP], rax
    STORE_CALLEE_SAVED rdi
    mov qword [rdi + CONTEXT_RAX], 0
    ret
