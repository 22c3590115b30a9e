; A program's own symbol table, embedded so its stack traces and exception reports can name methods and types.
; build.sh links every program twice: first with this section empty, to list the symbols, then with the list
; (SYMBOLS_FILE) included. Program.ld places the section last, so nothing else moves between the two links.

section .program_symbols progbits alloc noexec nowrite align=8
%ifdef SYMBOLS_FILE
    incbin SYMBOLS_FILE
%endif
