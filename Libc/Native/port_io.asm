; x86 port input and output for ring-3 drivers (Libc/Api/PortIo.cs). In ring 3 they succeed only on ports the
; task has enabled with IoPortsEnable; any other port raises #GP, which ends the task like any ring-3 fault.

bits 64
section .text

; byte libc_port_in_byte(ushort port)
global libc_port_in_byte
libc_port_in_byte:
    mov edx, edi
    xor eax, eax
    in al, dx
    ret

; void libc_port_out_byte(ushort port, byte value)
global libc_port_out_byte
libc_port_out_byte:
    mov edx, edi
    mov eax, esi
    out dx, al
    ret

; ushort libc_port_in_word(ushort port)
global libc_port_in_word
libc_port_in_word:
    mov edx, edi
    xor eax, eax
    in ax, dx
    ret

; void libc_port_out_word(ushort port, ushort value)
global libc_port_out_word
libc_port_out_word:
    mov edx, edi
    mov eax, esi
    out dx, ax
    ret

; uint libc_port_in_dword(ushort port)
global libc_port_in_dword
libc_port_in_dword:
    mov edx, edi
    in eax, dx
    ret

; void libc_port_out_dword(ushort port, uint value)
global libc_port_out_dword
libc_port_out_dword:
    mov edx, edi
    mov eax, esi
    out dx, eax
    ret
