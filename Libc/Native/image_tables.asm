; Where the running image keeps the tables the runtime reads about itself. The same Libc is linked into the kernel
; (kernel.ld names its .eh_frame_hdr kernel_eh_frame_hdr) and into every program (Program.ld: __eh_frame_hdr_start,
; and the embedded symbol table __program_symbols_start/_end), so the references are weak: the names an image does
; not define read as 0.

bits 64
section .text

extern kernel_eh_frame_hdr:weak
extern __eh_frame_hdr_start:weak
extern __program_symbols_start:weak
extern __program_symbols_end:weak

; Returns the address of this image's .eh_frame_hdr (0 if it has none).
global image_eh_frame_header
image_eh_frame_header:
    mov rax, kernel_eh_frame_hdr
    test rax, rax
    jnz .found
    mov rax, __eh_frame_hdr_start
.found:
    ret

; Returns the start of a program's embedded symbol table ("address size name" lines; 0 in the kernel).
global image_program_symbols_start
image_program_symbols_start:
    mov rax, __program_symbols_start
    ret

; Returns the end (exclusive) of a program's embedded symbol table.
global image_program_symbols_end
image_program_symbols_end:
    mov rax, __program_symbols_end
    ret
