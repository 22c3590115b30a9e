; ipctest's partner programs: tiny position-independent loops that ipctest copies into a child task of its own
; (PeerTask.cs), so that a scenario or a benchmark has a partner in another address space without a loader or a
; name service. Each starts with rdi = the argument ThreadStart gave it and rsi = its UTCB, runs without a stack
; (it makes no calls and pushes nothing), reaches its UTCB through fs, and ends its task on the first error with
; the error as exit code. They are never run in ipctest itself: each starts a page of ipctest's own text (PEER_PAGE),
; which ipctest maps, read and execute, into the child at the child's code address.

bits 64
section .text align=4096

; Every partner starts a page of its own, so its page mapped at the child's code address starts with its first instruction.
%define PEER_PAGE align 4096, int3

%define IPC_RECEIVE 33
%define IPC_CALL 34
%define IPC_REPLY_WAIT 36
%define NOTIFICATION_SIGNAL 38
%define NOTIFICATION_WAIT 39
%define TASK_EXIT 8

; Utcb field offsets (Libc/Api/SystemInformation.cs); ipctest compares them with the struct (ipctest_peer_utcb_offset).
%define UTCB_CAPABILITY_RECEIVE_WINDOW 720
%define UTCB_STRING_RECEIVE_BUFFER_COUNT 728
%define UTCB_STRING_RECEIVE_BUFFERS 736

; Where ipctest maps the echo server's string buffer in the child (PeerTask.StringBufferAddress), 64 KiB.
%define ECHO_STRING_BUFFER 0x600000
%define ECHO_STRING_BUFFER_LENGTH 0x10000
; The echo server's capability receive window: slots 100-107 (PeerTask.EchoWindowFirstSlot).
%define ECHO_WINDOW_WORD ((8 << 32) | 100)

; Echo server. rdi = the slot of a port it may receive on. Answers every call with the message it received: the same
; tag, the same words (registers 0-3 stay in r10, r8, r9, r15 between the receive and the reply, the rest stay in the
; UTCB), a received string item (now naming its own buffer) and a received capability (now in its own window).
PEER_PAGE
peer_echo:
    mov r12, rdi
    mov rax, ECHO_WINDOW_WORD
    mov [fs:UTCB_CAPABILITY_RECEIVE_WINDOW], rax
    mov qword [fs:UTCB_STRING_RECEIVE_BUFFER_COUNT], 1
    mov qword [fs:UTCB_STRING_RECEIVE_BUFFERS], ECHO_STRING_BUFFER_LENGTH
    mov qword [fs:UTCB_STRING_RECEIVE_BUFFERS + 8], ECHO_STRING_BUFFER
    xor esi, esi                        ; the first ReplyWait has no caller to answer
    mov rdx, -1                         ; wait forever (rdx comes back unchanged)
.serve:
    mov rdi, r12
    mov eax, IPC_REPLY_WAIT
    syscall
    test rax, rax
    jnz .failed                         ; 1 would be a notification: none is bound; negative is an error
    jmp .serve                          ; rsi holds the received tag: the reply repeats it
.failed:
    mov rdi, rax
    mov eax, TASK_EXIT
    syscall
peer_echo_end:

; Caller. rdi = call count (bits 0-31) | slot of a port it may send to (bits 32-63). Call i sends one word, i, and
; expects the answer's word 0 to be i + 1. Exits 0 after the last call, 1 at a wrong answer, or the error.
PEER_PAGE
peer_caller:
    mov r12d, edi                       ; call count
    mov r13, rdi
    shr r13, 32                         ; port slot
    xor r14d, r14d                      ; i
    mov rdx, -1
.next:
    cmp r14, r12
    jae .done
    mov r10, r14
    mov rdi, r13
    mov esi, 1                          ; tag: label 0, one untyped word
    mov eax, IPC_CALL
    syscall
    test rax, rax
    jnz .failed
    lea rax, [r14 + 1]
    cmp r10, rax
    jne .wrong
    inc r14
    jmp .next
.done:
    xor edi, edi
    mov eax, TASK_EXIT
    syscall
.wrong:
    mov edi, 1
    mov eax, TASK_EXIT
    syscall
.failed:
    mov rdi, rax
    mov eax, TASK_EXIT
    syscall
peer_caller_end:

; Notification relay. rdi = slot of a notification it waits on (bits 0-31) | slot of one it signals (bits 32-63):
; every wakeup is answered with bit 0 on the second.
PEER_PAGE
peer_relay:
    mov r12d, edi
    mov r13, rdi
    shr r13, 32
    mov rdx, -1
.wait:
    mov rdi, r12
    mov eax, NOTIFICATION_WAIT
    syscall
    test rax, rax
    js .failed
    mov rdi, r13
    mov esi, 1
    mov eax, NOTIFICATION_SIGNAL
    syscall
    test rax, rax
    jnz .failed
    jmp .wait
.failed:
    mov rdi, rax
    mov eax, TASK_EXIT
    syscall
peer_relay_end:

; A server that takes one call and ends its task without answering. rdi = the port slot.
PEER_PAGE
peer_vanish:
    mov rdx, -1
    mov eax, IPC_RECEIVE
    syscall
    mov rdi, rax                        ; 0 when the call was taken
    mov eax, TASK_EXIT
    syscall
peer_vanish_end:

; A server that takes one call and then spins without answering, until ipctest kills its task. rdi = the port slot.
PEER_PAGE
peer_hold:
    mov rdx, -1
    mov eax, IPC_RECEIVE
    syscall
    test rax, rax
    jnz .failed
.spin:
    pause
    jmp .spin
.failed:
    mov rdi, rax
    mov eax, TASK_EXIT
    syscall
peer_hold_end:

; A thread that raises #UD at its first instruction; resumed 2 bytes further on (past ud2), it ends its task with
; exit code 42. For the exception-port scenario: the fault goes to its exception port as a FaultMessage call.
PEER_PAGE
peer_fault:
    ud2
    mov edi, 42
    mov eax, TASK_EXIT
    syscall
peer_fault_end:
PEER_PAGE

; ulong ipctest_peer_code(long which, ulong* length): the address (page-aligned) and length of partner program `which`
; (PeerProgram: 0 echo, 1 caller, 2 relay, 3 vanish, 4 hold, 5 fault); 0 for an unknown one.
global ipctest_peer_code
ipctest_peer_code:
    cmp rdi, 0
    je .echo
    cmp rdi, 1
    je .caller
    cmp rdi, 2
    je .relay
    cmp rdi, 3
    je .vanish
    cmp rdi, 4
    je .hold
    cmp rdi, 5
    je .fault
    xor eax, eax
    mov qword [rsi], 0
    ret
.echo:
    lea rax, [rel peer_echo]
    lea rcx, [rel peer_echo_end]
    jmp .found
.caller:
    lea rax, [rel peer_caller]
    lea rcx, [rel peer_caller_end]
    jmp .found
.relay:
    lea rax, [rel peer_relay]
    lea rcx, [rel peer_relay_end]
    jmp .found
.vanish:
    lea rax, [rel peer_vanish]
    lea rcx, [rel peer_vanish_end]
    jmp .found
.hold:
    lea rax, [rel peer_hold]
    lea rcx, [rel peer_hold_end]
    jmp .found
.fault:
    lea rax, [rel peer_fault]
    lea rcx, [rel peer_fault_end]
.found:
    sub rcx, rax
    mov [rsi], rcx
    ret

; ulong ipctest_peer_utcb_offset(long which): the UTCB offsets written above (0 capability receive window, 1 string
; receive buffer count, 2 string receive buffers), so ipctest can check them against the Utcb struct before use.
global ipctest_peer_utcb_offset
ipctest_peer_utcb_offset:
    mov eax, UTCB_CAPABILITY_RECEIVE_WINDOW
    cmp rdi, 1
    jne .not_count
    mov eax, UTCB_STRING_RECEIVE_BUFFER_COUNT
.not_count:
    cmp rdi, 2
    jne .done
    mov eax, UTCB_STRING_RECEIVE_BUFFERS
.done:
    ret
