; The ring-3 side of the five message-passing system calls (docs/ARCHITECTURE.md, section 5, "IPC and capability
; system calls"). Libc keeps all 64 message registers in the UTCB; the kernel carries registers 0-3 in r10, r8, r9
; and r15 and the rest in the UTCB. This stub moves registers 0-3 between the UTCB and the CPU around `syscall`, and
; keeps the received tag (rsi) and badge (rdi) in the UTCB, so C# reads the whole message in one place.
; The UTCB offsets are Utcb.MessageRegistersOffset, ReceivedTagOffset and ReceivedBadgeOffset (Libc/Api/SystemInformation.cs);
; tests/Libc.Tests/UtcbLayoutTests.cs compares them with the struct on the host, and ipctest in the OS.

bits 64
section .text

%define UTCB_MESSAGE_REGISTER_0 32
%define UTCB_MESSAGE_REGISTER_1 40
%define UTCB_MESSAGE_REGISTER_2 48
%define UTCB_MESSAGE_REGISTER_3 56
%define UTCB_RECEIVED_TAG 864
%define UTCB_RECEIVED_BADGE 872

; long libc_ipc(long number, ulong slot, ulong tag, ulong timeout)
; System V: number in rdi, slot in rsi, tag in rdx, timeout in rcx. Returns rax (an IpcStatus or a negative
; SystemCallError). r15 is callee-saved in System V, so it is kept on the stack across the call.
global libc_ipc
libc_ipc:
    push r15
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, [fs:UTCB_MESSAGE_REGISTER_0]
    mov r8, [fs:UTCB_MESSAGE_REGISTER_1]
    mov r9, [fs:UTCB_MESSAGE_REGISTER_2]
    mov r15, [fs:UTCB_MESSAGE_REGISTER_3]
    syscall                                     ; destroys rcx and r11; every other register comes back as the ABI says
    mov [fs:UTCB_MESSAGE_REGISTER_0], r10
    mov [fs:UTCB_MESSAGE_REGISTER_1], r8
    mov [fs:UTCB_MESSAGE_REGISTER_2], r9
    mov [fs:UTCB_MESSAGE_REGISTER_3], r15
    mov [fs:UTCB_RECEIVED_TAG], rsi
    mov [fs:UTCB_RECEIVED_BADGE], rdi
    pop r15
    ret
