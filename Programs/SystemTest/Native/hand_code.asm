; Machine code that systest runs outside its C# code, each piece at the start of a page of systest's own text, so that
; HandStartedThreads can map that page (read and execute) wherever a scenario wants it: in systest itself or in a child
; task without a loader. None of them uses a stack of its own.

bits 64
section .text align=4096

%define HAND_CODE_PAGE align 4096, int3

; ud2; ret: #UD at the first instruction (2 bytes); resumed past it, returns to the caller.
HAND_CODE_PAGE
hand_code_invalid_opcode:
    ud2
    ret

; cli; ret: #GP in ring 3 (IOPL is 0).
HAND_CODE_PAGE
hand_code_privileged_instruction:
    cli
    ret

; Yields for ever: the partner of the thread-switch benchmark, in a task of its own.
HAND_CODE_PAGE
hand_code_yield_loop:
    mov eax, 5                          ; Yield
    syscall
    jmp hand_code_yield_loop
HAND_CODE_PAGE

; byte* systest_hand_code(long which): the page-aligned address of piece `which` (HandCode: 0 invalid opcode,
; 1 privileged instruction, 2 yield loop); 0 for an unknown one.
global systest_hand_code
systest_hand_code:
    lea rax, [rel hand_code_invalid_opcode]
    cmp rdi, 0
    je .done
    lea rax, [rel hand_code_privileged_instruction]
    cmp rdi, 1
    je .done
    lea rax, [rel hand_code_yield_loop]
    cmp rdi, 2
    je .done
    xor eax, eax
.done:
    ret
