; Runtime helpers that must be assembly because of their calling conventions. Shared by the kernel and
; every ring-3 program (all link Libc).

bits 64
section .text

; RhpAssignRef(rdi = location, rsi = reference): store a reference into the heap. The collector does not
; move objects and is not generational, so no card marking is needed: a plain store.
global RhpAssignRef
global RhpCheckedAssignRef
RhpAssignRef:
RhpCheckedAssignRef:
    mov [rdi], rsi
    ret

; RhpByRefAssignRef: copy one reference from [rsi] to [rdi], then advance both by 8. The JIT expects
; every other register to be preserved.
global RhpByRefAssignRef
RhpByRefAssignRef:
    push rcx
    mov rcx, [rsi]
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    pop rcx
    ret

; Interface call sites call through a dispatch cell {stub, cache}; the stub is this routine until ...
; it is resolved. Entry: rdi = this, r11 = address of the cell, arguments in rdi, rsi, rdx, rcx, r8, r9
; and xmm0-7 (and on the stack). We save them, ask InterfaceDispatch.Resolve for the target method and
; tail-jump there with the arguments intact.
extern RhpResolveInterfaceDispatch
global RhpInitialDynamicInterfaceDispatch
global RhpInitialInterfaceDispatch
RhpInitialDynamicInterfaceDispatch:
RhpInitialInterfaceDispatch:
    push rdi
    push rsi
    push rdx
    push rcx
    push r8
    push r9
    sub rsp, 8 * 16 + 8
    movdqu [rsp + 0 * 16], xmm0
    movdqu [rsp + 1 * 16], xmm1
    movdqu [rsp + 2 * 16], xmm2
    movdqu [rsp + 3 * 16], xmm3
    movdqu [rsp + 4 * 16], xmm4
    movdqu [rsp + 5 * 16], xmm5
    movdqu [rsp + 6 * 16], xmm6
    movdqu [rsp + 7 * 16], xmm7
    mov rsi, r11
    call RhpResolveInterfaceDispatch
    movdqu xmm0, [rsp + 0 * 16]
    movdqu xmm1, [rsp + 1 * 16]
    movdqu xmm2, [rsp + 2 * 16]
    movdqu xmm3, [rsp + 3 * 16]
    movdqu xmm4, [rsp + 4 * 16]
    movdqu xmm5, [rsp + 5 * 16]
    movdqu xmm6, [rsp + 6 * 16]
    movdqu xmm7, [rsp + 7 * 16]
    add rsp, 8 * 16 + 8
    pop r9
    pop r8
    pop rcx
    pop rdx
    pop rsi
    pop rdi
    jmp rax

section .data
; The stack-protector cookie that methods using stackalloc compare against on return.
global __security_cookie
align 8
__security_cookie:
    dq 0x2B992DDFA232C0DE
