; Entry point of every ring-3 program. The kernel (or the loader) starts a program's first thread here
; with rdi = address of its ProgramStartInfo and rsp = top of its stack. We align the stack as the System V
; ABI expects at a call, and hand Libc's start-up the program's main function (exported by the program
; as "ProgramMain"), so that Libc itself never names a program symbol.

bits 64
section .text
extern LibcProgramStart
extern ProgramMain
global _start
_start:
    xor ebp, ebp                ; end of the frame-pointer chain for stack traces
    and rsp, -16
    lea rsi, [rel ProgramMain]
    call LibcProgramStart       ; never returns: it ends the thread with Main's exit code
.unreachable:
    ud2
    jmp .unreachable
