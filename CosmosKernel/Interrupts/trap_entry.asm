bits 64
section .text
