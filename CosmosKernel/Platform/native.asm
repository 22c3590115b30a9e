; The kernel's only assembly besides the boot stub and the trap entry: single instructions the C# code
; cannot express. Each routine follows the System V AMD64 calling convention (arguments in rdi, rsi, rdx,
; rcx; result in rax) and is declared for C# in Native.cs.

bits 64
section .text

global native_out_byte
native_out_byte:                ; (ushort port, byte value)
    mov dx, di
    mov al, sil
    out dx, al
    ret

global native_in_byte
native_in_byte:                 ; (ushort port) -> byte
    mov dx, di
    xor eax, eax
    in al, dx
    ret

global native_out_word
native_out_word:                ; (ushort port, ushort value)
    mov dx, di
    mov ax, si
    out dx, ax
    ret

global native_in_word
native_in_word:                 ; (ushort port) -> ushort
    mov dx, di
    xor eax, eax
    in ax, dx
    ret

global native_out_dword
native_out_dword:               ; (ushort port, uint value)
    mov dx, di
    mov eax, esi
    out dx, eax
    ret

global native_in_dword
native_in_dword:                ; (ushort port) -> uint
    mov dx, di
    in eax, dx
    ret

global native_halt
native_halt:
    hlt
    ret

global native_disable_interrupts
native_disable_interrupts:
    cli
    ret

global native_enable_interrupts
native_enable_interrupts:
    sti
    ret

global native_enable_interrupts_and_halt
native_enable_interrupts_and_halt:  ; sti; hlt with no window between them for a lost wake-up
    sti
    hlt
    ret

global native_read_cr0
native_read_cr0:
    mov rax, cr0
    ret

global native_read_cr2
native_read_cr2:
    mov rax, cr2
    ret

global native_read_cr3
native_read_cr3:
    mov rax, cr3
    ret

global native_write_cr3
native_write_cr3:               ; (ulong physical address of the PML4)
    mov cr3, rdi
    ret

global native_read_cr4
native_read_cr4:
    mov rax, cr4
    ret

global native_write_cr4
native_write_cr4:
    mov cr4, rdi
    ret

global native_invalidate_page
native_invalidate_page:         ; (ulong virtual address)
    invlpg [rdi]
    ret

global native_read_msr
native_read_msr:                ; (uint msr) -> ulong
    mov ecx, edi
    rdmsr
    shl rdx, 32
    or rax, rdx
    ret

global native_write_msr
native_write_msr:               ; (uint msr, ulong value)
    mov ecx, edi
    mov eax, esi
    mov rdx, rsi
    shr rdx, 32
    wrmsr
    ret

global native_read_timestamp_counter
native_read_timestamp_counter:  ; () -> ulong
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret

global native_cpuid
native_cpuid:                   ; (uint leaf, uint subleaf, uint* results[4])
    push rbx
    mov r8, rdx
    mov eax, edi
    mov ecx, esi
    cpuid
    mov [r8], eax
    mov [r8 + 4], ebx
    mov [r8 + 8], ecx
    mov [r8 + 12], edx
    pop rbx
    ret

global native_load_gdt
native_load_gdt:                ; (void* descriptor pointer, ushort code selector, ushort data selector)
    lgdt [rdi]
    mov ax, dx
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor eax, eax
    mov fs, ax
    mov gs, ax
    ; reload CS with a far return
    pop rax
    movzx rsi, si
    push rsi
    push rax
    retfq

global native_load_idt
native_load_idt:                ; (void* descriptor pointer)
    lidt [rdi]
    ret

global native_load_task_register
native_load_task_register:      ; (ushort selector)
    ltr di
    ret

global native_read_flags
native_read_flags:
    pushfq
    pop rax
    ret

global native_read_frame_pointer
native_read_frame_pointer:
    mov rax, rbp
    ret
