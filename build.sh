#!/usr/bin/env bash
# The one entry point for building, running, testing and benchmarking the OS.
#   ./build.sh iso      build iso/out/os.iso (installs missing system packages first)
#   ./build.sh run      build, then boot in QEMU with the serial console on this terminal
#                       (--gui opens a QEMU window too when a display exists; extra words go to the kernel command line)
#   ./build.sh test     build, then run every test (host unit tests and QEMU integration tests)
#   ./build.sh bench    build, then boot the OS and print the benchmark figures
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
out="$root/iso/out"
obj="$out/obj"
configuration=Release
ilc_version=$(sed -n 's:.*<IlcVersion>\(.*\)</IlcVersion>.*:\1:p' Directory.Build.props)
nuget_packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
ilc="$nuget_packages/runtime.linux-x64.microsoft.dotnet.ilcompiler/$ilc_version/tools/ilc"
system_packages=(qemu-system-x86 qemu-utils grub-pc-bin grub-efi-amd64-bin grub-common xorriso mtools nasm e2fsprogs ovmf binutils)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log_file="$out/stage.log"

# Runs one stage: prints "stage <name> ... <seconds>s" and, on failure, the stage name and the tool's output.
stage() {
    local name="$1"; shift
    local start end
    start=$(date +%s.%N)
    mkdir -p "$out"
    if ! "$@" >"$log_file" 2>&1; then
        echo "stage $name FAILED:" >&2
        cat "$log_file" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    printf 'stage %-10s %6.2fs\n' "$name" "$(echo "$end - $start" | bc -l 2>/dev/null || echo 0)"
}

install_system_packages() {
    local missing=()
    for package in "${system_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    command -v bc >/dev/null || missing+=(bc)
    if [ ${#missing[@]} -gt 0 ]; then
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

restore_toolchain() {
    [ -x "$ilc" ] || dotnet restore eng/Toolchain.csproj
    [ -x "$ilc" ] || { echo "ilc not found at $ilc after restore"; return 1; }
}

compile_csharp() {
    dotnet build CosmosKernel/CosmosKernel.csproj -c $configuration -nologo -v quiet -clp:ErrorsOnly
}

check_il() {
    local bin="CosmosKernel/bin/$configuration/net10.0"
    dotnet build eng/IlChecks/IlChecks.csproj -c $configuration -nologo -v quiet -clp:ErrorsOnly
    dotnet eng/IlChecks/bin/$configuration/net10.0/IlChecks.dll "$bin/CosmosKernel.dll" "$bin/Libc.dll"
}

compile_native_code() {
    local bin="CosmosKernel/bin/$configuration/net10.0"
    mkdir -p "$obj"
    "$ilc" "$bin/CosmosKernel.dll" "$bin/Libc.dll" -o:"$obj/kernel_managed.o" --systemmodule:Libc \
        --targetos:linux --targetarch:x64 -O --nativelib --map:"$obj/kernel.map.xml"
}

assemble() {
    mkdir -p "$obj"
    nasm -f elf64 -o "$obj/multiboot_entry.o" CosmosKernel/Boot/multiboot_entry.asm
    nasm -f elf64 -o "$obj/native.o" CosmosKernel/Platform/native.asm
    nasm -f elf64 -o "$obj/trap_entry.o" CosmosKernel/Interrupts/trap_entry.asm
    nasm -f elf64 -o "$obj/runtime_stubs.o" Libc/Native/runtime_stubs.asm
    # Libc's ring-3 start-up is compiled into every image, the kernel's too, so its system-call stub is linked everywhere.
    nasm -f elf64 -o "$obj/system_call.o" Libc/Native/system_call.asm
}

link_kernel() {
    ld -n -nostdlib -static --no-dynamic-linker -z max-page-size=0x1000 --eh-frame-hdr \
        -T CosmosKernel/kernel.ld -Map "$obj/kernel.map" -o "$obj/kernel.elf" \
        "$obj/multiboot_entry.o" "$obj/native.o" "$obj/trap_entry.o" "$obj/runtime_stubs.o" "$obj/system_call.o" "$obj/kernel_managed.o"
    # The symbol table as a boot module: "address size name" per code and data symbol, sorted, so panics can
    # name methods and runtime errors can name types (ilc's MethodTable symbols "_ZTV..." have no size, nor
    # do assembly routines: they get size 0). Unwind data, string literals and the linker script's section
    # boundaries (which would name the code that starts there) are left out.
    nm -n -S --defined-only "$obj/kernel.elf" | awk '
        NF == 4 { address = $1; size = $2; type = $3; name = $4 }
        NF == 3 { address = $1; size = "0000000000000000"; type = $2; name = $3 }
        (NF == 3 || NF == 4) && type ~ /^[TtDdRr]$/ && name !~ /^(_lsda|__Str_|kernel_(text|rodata|data|eh_frame|tdata|bss|virtual|physical))/ { print address, size, name }' >"$obj/kernel.symbols"
}

# Ring-3 programs (boot modules): project directory and module name. The first is the root task.
programs=(
    "Servers/RootTask roottask"
)

build_programs() {
    mkdir -p "$obj/programs"
    nasm -f elf64 -o "$obj/program_entry.o" Libc/Native/program_entry.asm
    local entry project name assembly bin
    for entry in "${programs[@]}"; do
        project="${entry% *}"
        name="${entry#* }"
        assembly="$(basename "$project")"
        bin="$project/bin/$configuration/net10.0"
        dotnet build "$project/$assembly.csproj" -c $configuration -nologo -v quiet -clp:ErrorsOnly
        dotnet eng/IlChecks/bin/$configuration/net10.0/IlChecks.dll "$bin/$assembly.dll"
        "$ilc" "$bin/$assembly.dll" "$bin/Libc.dll" -o:"$obj/programs/$name.o" --systemmodule:Libc \
            --targetos:linux --targetarch:x64 -O --nativelib
        ld -nostdlib -static --no-dynamic-linker -z max-page-size=0x1000 -z separate-code --eh-frame-hdr \
            -T Libc/Program.ld -o "$obj/programs/$name.elf" \
            "$obj/program_entry.o" "$obj/runtime_stubs.o" "$obj/system_call.o" "$obj/programs/$name.o"
    done
}

make_image() {
    local tree="$obj/isotree"
    rm -rf "$tree"
    mkdir -p "$tree/boot/grub"
    cp "$obj/kernel.elf" "$tree/boot/kernel.elf"
    cp "$obj/kernel.symbols" "$tree/boot/kernel.symbols"
    cp iso/grub.cfg "$tree/boot/grub/grub.cfg"
    local entry name modules=""
    for entry in "${programs[@]}"; do
        name="${entry#* }"
        cp "$obj/programs/$name.elf" "$tree/boot/$name.elf"
        modules+="    module2 /boot/$name.elf $name"$'\n'
    done
    # The program modules follow the symbol table in the menu entry (see iso/grub.cfg).
    awk -v modules="$modules" '{ print } /module2 \/boot\/kernel.symbols/ { printf "%s", modules }' iso/grub.cfg >"$tree/boot/grub/grub.cfg"
    grub-mkrescue -o "$out/os.iso.tmp" \
        --install-modules="multiboot2 normal serial terminal smbios regexp test echo all_video gfxterm iso9660 part_msdos part_gpt" \
        --modules="multiboot2 normal serial terminal smbios regexp test echo iso9660" \
        --locales= --themes= --fonts= --compress=xz "$tree"
    mv "$out/os.iso.tmp" "$out/os.iso"
}

build_iso() {
    local start end
    start=$(date +%s.%N)
    stage packages install_system_packages
    stage restore restore_toolchain
    stage compile compile_csharp
    stage check-il check_il
    stage ilc compile_native_code
    stage assemble assemble
    stage link link_kernel
    stage programs build_programs
    stage image make_image
    end=$(date +%s.%N)
    printf 'image iso/out/os.iso: %s bytes, built in %.1fs\n' "$(stat -c %s "$out/os.iso")" "$(echo "$end - $start" | bc -l)"
}

run_qemu() {
    local gui=0 arguments=()
    for word in "$@"; do
        case "$word" in
            --gui) gui=1 ;;
            *) arguments+=("$word") ;;
        esac
    done
    local display=(-display none)
    if [ $gui -eq 1 ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        display=()
    fi
    # The kernel command line travels as an SMBIOS OEM string that GRUB reads (see iso/grub.cfg).
    local smbios=(-smbios "type=11,value=cosmos:${arguments[*]}")
    echo "QEMU: serial console on this terminal; press Ctrl-A then X to quit."
    exec qemu-system-x86_64 -accel tcg -m 256 -cdrom "$out/os.iso" -serial mon:stdio "${display[@]}" \
        -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 "${smbios[@]}"
}

command="${1:-iso}"
shift || true
case "$command" in
    iso) build_iso ;;
    run) build_iso; run_qemu "$@" ;;
    test)
        build_iso
        dotnet test Cosmos.sln -c $configuration --nologo "$@"
        ;;
    bench)
        build_iso
        dotnet run --project tests/Cosmos.Benchmarks -c $configuration -- "$@"
        ;;
    *) echo "usage: ./build.sh iso|run|test|bench" >&2; exit 2 ;;
esac
