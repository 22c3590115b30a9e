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

global native_zero_page
native_zero_page:               ; (void* page): 4 KiB, 8-byte aligned
    xor eax, eax
    mov ecx, 512
    rep stosq
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

; The addresses the linker script and the assembly files define, copied into a KernelLayout
; (Platform/KernelLayout.cs; the field order there matches the offsets here). Absolute 64-bit moves,
; because some of these symbols are physical addresses far from this code.
extern kernel_physical_start
extern kernel_physical_end
extern kernel_text_start
extern kernel_text_end
extern kernel_rodata_start
extern kernel_rodata_end
extern kernel_data_start
extern kernel_virtual_end
extern __modules_start
extern __modules_end
extern boot_stack_guard
extern boot_stack_bottom
extern boot_stack_top
extern privilege_stack_bottom
extern privilege_stack_top
extern double_fault_stack_bottom
extern double_fault_stack_top
extern trap_stub_table
extern system_call_entry
extern task_state_segment
extern user_thread_first_entry

%macro store_symbol 2
    mov rax, %1
    mov [rdi + %2 * 8], rax
%endmacro

global native_read_kernel_layout
native_read_kernel_layout:      ; (KernelLayout* destination)
    store_symbol kernel_physical_start, 0
    store_symbol kernel_physical_end, 1
    store_symbol kernel_text_start, 2
    store_symbol kernel_text_end, 3
    store_symbol kernel_rodata_start, 4
    store_symbol kernel_rodata_end, 5
    store_symbol kernel_data_start, 6
    store_symbol kernel_virtual_end, 7
    store_symbol __modules_start, 8
    store_symbol __modules_end, 9
    store_symbol boot_stack_guard, 10
    store_symbol boot_stack_bottom, 11
    store_symbol boot_stack_top, 12
    store_symbol privilege_stack_bottom, 13
    store_symbol privilege_stack_top, 14
    store_symbol double_fault_stack_bottom, 15
    store_symbol double_fault_stack_top, 16
    store_symbol trap_stub_table, 17
    store_symbol system_call_entry, 18
    store_symbol task_state_segment, 19
    store_symbol user_thread_first_entry, 20
    ret
