; The first code that runs: GRUB (multiboot2) enters here in 32-bit protected mode with paging off.
; This stub checks it was loaded by a multiboot2 loader on a 64-bit CPU, builds boot page tables
; (identity map of the first 4 GiB, the same 4 GiB again at the direct-map base 0xFFFF800000000000, and the
; kernel's higher half at 0xFFFFFFFF80000000 -> physical 0),
; enters long mode, enables SSE (ilc's code uses it) and calls the C# entry KernelMain(multiboot info
; physical address). The kernel replaces these page tables with its own early in KernelMain.

%define KERNEL_VIRTUAL_BASE 0xFFFFFFFF80000000
%define MULTIBOOT2_HEADER_MAGIC 0xE85250D6
%define MULTIBOOT2_BOOTLOADER_MAGIC 0x36D76289
%define PAGE_PRESENT_WRITABLE 0x003
%define PAGE_PRESENT_WRITABLE_HUGE 0x083

section .multiboot_header
align 8
multiboot_header_start:
    dd MULTIBOOT2_HEADER_MAGIC
    dd 0                                    ; architecture: i386 protected mode
    dd multiboot_header_end - multiboot_header_start
    dd -(MULTIBOOT2_HEADER_MAGIC + 0 + (multiboot_header_end - multiboot_header_start))
    align 8
    dw 6, 0                                 ; tag: boot modules page-aligned
    dd 8
    align 8
    dw 4, 0                                 ; tag: console flags: EGA text is supported, so under BIOS
    dd 12                                   ; (gfxpayload=text) GRUB leaves the VGA in text mode despite the
    dd 2                                    ; framebuffer tag below
    align 8
    dw 5, 1                                 ; tag: framebuffer, optional: under UEFI (gfxpayload=keep) GRUB hands
    dd 20                                   ; over the firmware's graphics mode and reports it in information tag 8;
    dd 0, 0, 0                              ; width, height, depth 0: no preference. Without this tag it hands over none.
    align 8
    dw 0, 0                                 ; end tag
    dd 8
multiboot_header_end:

section .boot_text progbits alloc exec
bits 32
global boot_entry_32
boot_entry_32:
    cli
    cld
    cmp eax, MULTIBOOT2_BOOTLOADER_MAGIC
    jne .not_multiboot
    mov esi, ebx                            ; keep the multiboot information address (kept in esi until KernelMain)

    ; Long mode available? CPUID 0x80000001, EDX bit 29.
    mov eax, 0x80000000
    cpuid
    cmp eax, 0x80000001
    jb .no_long_mode
    mov eax, 0x80000001
    cpuid
    test edx, 1 << 29
    jz .no_long_mode
    mov ebp, edx                            ; remember the extended feature bits (NX is bit 20)

    ; PML4[0] -> identity PDPT, PML4[256] -> the same PDPT (the direct map at 0xFFFF800000000000, so the
    ; C# code reaches physical memory the same way before and after it installs its own page tables),
    ; PML4[511] -> higher-half PDPT.
    mov eax, boot_pdpt_identity
    or eax, PAGE_PRESENT_WRITABLE
    mov [boot_pml4], eax
    mov [boot_pml4 + 256 * 8], eax
    mov eax, boot_pdpt_higher_half
    or eax, PAGE_PRESENT_WRITABLE
    mov [boot_pml4 + 511 * 8], eax

    ; Identity PDPT entries 0..3 -> the four page directories (4 GiB).
    ; Higher-half PDPT entries 510, 511 -> the first two page directories (physical 0..2 GiB).
    mov ecx, 0
.fill_pdpt:
    mov eax, ecx
    shl eax, 12
    add eax, boot_page_directories
    or eax, PAGE_PRESENT_WRITABLE
    mov [boot_pdpt_identity + ecx * 8], eax
    inc ecx
    cmp ecx, 4
    jne .fill_pdpt
    mov eax, boot_page_directories
    or eax, PAGE_PRESENT_WRITABLE
    mov [boot_pdpt_higher_half + 510 * 8], eax
    add eax, 4096
    mov [boot_pdpt_higher_half + 511 * 8], eax

    ; 2048 directory entries of 2 MiB pages: physical 0..4 GiB.
    mov ecx, 0
.fill_directories:
    mov eax, ecx
    shl eax, 21
    or eax, PAGE_PRESENT_WRITABLE_HUGE
    mov [boot_page_directories + ecx * 8], eax
    mov eax, ecx
    shr eax, 11                             ; high half of the physical address (bits 32+)
    mov [boot_page_directories + ecx * 8 + 4], eax
    inc ecx
    cmp ecx, 2048
    jne .fill_directories

    mov eax, boot_pml4
    mov cr3, eax
    mov eax, cr4
    or eax, 1 << 5                          ; PAE
    mov cr4, eax
    mov ecx, 0xC0000080                     ; EFER
    rdmsr
    or eax, 1 << 8                          ; long mode enable
    test ebp, 1 << 20
    jz .no_nx
    or eax, 1 << 11                         ; no-execute enable
.no_nx:
    wrmsr
    mov eax, cr0
    or eax, (1 << 31) | (1 << 16) | 1       ; paging, write-protect in ring 0, protected mode
    mov cr0, eax
    lgdt [boot_gdt_pointer]
    jmp 0x08:boot_entry_64

.not_multiboot:
    mov esi, message_not_multiboot
    jmp boot_fail_32
.no_long_mode:
    mov esi, message_no_long_mode
    jmp boot_fail_32

; Writes the NUL-terminated message at esi to the VGA text screen and COM1, then halts.
boot_fail_32:
    mov edi, 0xB8000
.next_character:
    lodsb
    test al, al
    jz .halt
    mov ah, 0x4F
    stosw
    mov dx, 0x3F8
    out dx, al
    jmp .next_character
.halt:
    hlt
    jmp .halt

bits 64
boot_entry_64:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax

    ; SSE: clear CR0.EM, set CR0.MP; set CR4.OSFXSR and CR4.OSXMMEXCPT.
    mov rax, cr0
    and rax, ~(1 << 2)
    or rax, 1 << 1
    mov cr0, rax
    mov rax, cr4
    or rax, (1 << 9) | (1 << 10)
    mov cr4, rax

    mov rsp, boot_stack_top
    mov rax, boot_entry_higher_half
    jmp rax

section .boot_data progbits alloc write
align 8
boot_gdt:
    dq 0
    dq 0x00AF9A000000FFFF                   ; 64-bit code, ring 0
    dq 0x00CF92000000FFFF                   ; data, ring 0
boot_gdt_pointer:
    dw boot_gdt_pointer - boot_gdt - 1
    dd boot_gdt
message_not_multiboot:
    db "boot: not started by a multiboot2 loader", 0
message_no_long_mode:
    db "boot: this CPU does not support 64-bit long mode", 0

align 4096
boot_pml4:
    times 512 dq 0
boot_pdpt_identity:
    times 512 dq 0
boot_pdpt_higher_half:
    times 512 dq 0
boot_page_directories:
    times 2048 dq 0

section .text
extern KernelMain
boot_entry_higher_half:
    mov edi, esi                            ; argument: multiboot information (physical address)
    xor ebp, ebp
    call KernelMain
.halt_forever:
    cli
    hlt
    jmp .halt_forever

; The boot stack, preceded by a guard page the kernel leaves unmapped in its own page tables, so a stack
; overflow faults (and becomes a double fault on the IST stack) instead of overwriting other data.
section .bss nobits alloc noexec write align=4096
alignb 4096
global boot_stack_guard
boot_stack_guard:
    resb 4096
global boot_stack_bottom
boot_stack_bottom:
    resb 64 * 1024
global boot_stack_top
boot_stack_top:
