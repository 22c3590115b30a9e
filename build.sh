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
    nasm -f elf64 -o "$obj/thread_switch.o" CosmosKernel/Scheduling/thread_switch.asm
    nasm -f elf64 -o "$obj/system_call_entry.o" CosmosKernel/SystemCalls/system_call_entry.asm
    nasm -f elf64 -o "$obj/runtime_stubs.o" Libc/Native/runtime_stubs.asm
    # Libc's ring-3 start-up is compiled into every image, the kernel's too, so its system-call stub is linked everywhere.
    nasm -f elf64 -o "$obj/system_call.o" Libc/Native/system_call.asm
    # The IPC stub (message registers 0-3 between the UTCB and the CPU): linked everywhere with the system-call stub.
    nasm -f elf64 -o "$obj/ipc.o" Libc/Native/ipc.asm
    # Port input and output for ring-3 drivers: linked everywhere with the system-call stub.
    nasm -f elf64 -o "$obj/port_io.o" Libc/Native/port_io.asm
    # Libc's collector is compiled into every image too (the kernel never collects, but links it).
    nasm -f elf64 -o "$obj/collector_registers.o" Libc/Native/collector_registers.asm
    # Exception dispatch (throw, funclet calls, resume) and the image's own tables: also in every image.
    nasm -f elf64 -o "$obj/exception_dispatch.o" Libc/Native/exception_dispatch.asm || return 1
    nasm -f elf64 -o "$obj/image_tables.o" Libc/Native/image_tables.asm || return 1
}

link_kernel() {
    ld -n -nostdlib -static --no-dynamic-linker -z max-page-size=0x1000 --eh-frame-hdr \
        -T CosmosKernel/kernel.ld -Map "$obj/kernel.map" -o "$obj/kernel.elf" \
        "$obj/multiboot_entry.o" "$obj/native.o" "$obj/trap_entry.o" "$obj/thread_switch.o" "$obj/system_call_entry.o" "$obj/runtime_stubs.o" "$obj/system_call.o" "$obj/ipc.o" "$obj/port_io.o" "$obj/collector_registers.o" "$obj/exception_dispatch.o" "$obj/image_tables.o" "$obj/kernel_managed.o"
    write_symbols "$obj/kernel.elf" "$obj/kernel.symbols"
}

# A symbol table as a boot module: "address size name" per code and data symbol, sorted, so panics and fault reports
# can name methods and runtime errors can name types (ilc's MethodTable symbols "_ZTV..." have no size, nor do
# assembly routines: they get size 0). Unwind data, string literals and the linker scripts' section boundaries (which
# would name the code that starts there) are left out.
write_symbols() {
    nm -n -S --defined-only "$1" | awk '
        NF == 4 { address = $1; size = $2; type = $3; name = $4 }
        NF == 3 { address = $1; size = "0000000000000000"; type = $2; name = $3 }
        (NF == 3 || NF == 4) && type ~ /^[TtDdRr]$/ && name !~ /^(_lsda|__Str_|kernel_(text|rodata|data|eh_frame|tdata|bss|virtual|physical)|__(modules|eh_frame|program_end|program_symbols))/ { print address, size, name }' >"$2"
}

# Ring-3 programs (boot modules): project directory and module name. The first is the root task.
programs=(
    "Servers/RootTask roottask"
    "Servers/NameBroker namebroker"
    "Servers/Sigma0 sigma0"
    "Programs/SystemTest systest"
    "Programs/GarbageCollectorTest gctest"
    "Programs/ExceptionTest ehtest"
    "Programs/IpcTest ipctest"
    "Programs/PagerTest pagertest"
    "Drivers/Pci pci"
    "Drivers/Serial serial"
    "Drivers/Keyboard keyboard"
    "Drivers/Console console"
    "Drivers/Disk disk"
    "Servers/Shell shell"
    "Programs/DiskTest disktest"
)

# Links program $1 with the embedded-symbol-table object $2 and the program's own assembly objects ($program_natives).
link_program() {
    ld -nostdlib -static --no-dynamic-linker -z max-page-size=0x1000 -z separate-code --eh-frame-hdr \
        -T Libc/Program.ld -o "$obj/programs/$1.elf" \
        "$obj/program_entry.o" "$obj/runtime_stubs.o" "$obj/system_call.o" "$obj/ipc.o" "$obj/port_io.o" "$obj/collector_registers.o" "$obj/exception_dispatch.o" \
        "$obj/image_tables.o" "${program_natives[@]}" "$obj/programs/$1.o" "$2"
}

# Assembles the program's own Native/*.asm (if any) into $program_natives.
assemble_program_natives() {
    local project="$1" name="$2" source object
    program_natives=()
    for source in "$project"/Native/*.asm; do
        [ -f "$source" ] || continue
        object="$obj/programs/$name.$(basename "$source" .asm).o"
        nasm -f elf64 -o "$object" "$source" || return 1
        program_natives+=("$object")
    done
}

# A stage runs inside `if`, where `set -e` does not apply: every step returns on failure itself.
build_programs() {
    mkdir -p "$obj/programs"
    nasm -f elf64 -o "$obj/program_entry.o" Libc/Native/program_entry.asm || return 1
    local entry project name assembly bin
    for entry in "${programs[@]}"; do
        project="${entry% *}"
        name="${entry#* }"
        assembly="$(basename "$project")"
        bin="$project/bin/$configuration/net10.0"
        dotnet build "$project/$assembly.csproj" -c $configuration -nologo -v quiet -clp:ErrorsOnly || return 1
        dotnet eng/IlChecks/bin/$configuration/net10.0/IlChecks.dll "$bin/$assembly.dll" || return 1
        assemble_program_natives "$project" "$name" || return 1
        "$ilc" "$bin/$assembly.dll" "$bin/Libc.dll" -o:"$obj/programs/$name.o" --systemmodule:Libc \
            --targetos:linux --targetarch:x64 -O --nativelib || return 1
        # Two links: the first (empty embedded symbol table) gives the symbol list, the second embeds it. The table
        # is the image's last section, so the second link must list exactly the same symbols; checked.
        nasm -f elf64 -o "$obj/programs/$name.no_symbols.o" Libc/Native/program_symbols.asm || return 1
        link_program "$name" "$obj/programs/$name.no_symbols.o" || return 1
        write_symbols "$obj/programs/$name.elf" "$obj/programs/$name.symbols" || return 1
        nasm -f elf64 -DSYMBOLS_FILE="\"$obj/programs/$name.symbols\"" -o "$obj/programs/$name.symbols.o" Libc/Native/program_symbols.asm || return 1
        link_program "$name" "$obj/programs/$name.symbols.o" || return 1
        write_symbols "$obj/programs/$name.elf" "$obj/programs/$name.symbols.check" || return 1
        cmp -s "$obj/programs/$name.symbols" "$obj/programs/$name.symbols.check" || { echo "$name: embedding the symbol table moved symbols"; return 1; }
    done
}

make_image() {
    local tree="$obj/isotree"
    rm -rf "$tree"
    mkdir -p "$tree/boot/grub"
    # Every file GRUB loads is gzip-compressed (GRUB's gzio unpacks it as it reads): under TCG, reading the CD through
    # the BIOS costs more than unpacking, so a third of the bytes boots measurably faster.
    gzip -9 -n -c "$obj/kernel.elf" >"$tree/boot/kernel.elf"
    gzip -9 -n -c "$obj/kernel.symbols" >"$tree/boot/kernel.symbols"
    cp iso/grub.cfg "$tree/boot/grub/grub.cfg"
    local entry name modules=""
    for entry in "${programs[@]}"; do
        name="${entry#* }"
        gzip -9 -n -c "$obj/programs/$name.elf" >"$tree/boot/$name.elf"
        gzip -9 -n -c "$obj/programs/$name.symbols" >"$tree/boot/$name.symbols"
        modules+="    module2 /boot/$name.elf $name"$'\n'"    module2 /boot/$name.symbols $name.symbols"$'\n'
    done
    # The program modules follow the symbol table in the menu entry (see iso/grub.cfg).
    awk -v modules="$modules" '{ print } /module2 \/boot\/kernel.symbols/ { printf "%s", modules }' iso/grub.cfg >"$tree/boot/grub/grub.cfg"
    grub-mkrescue -o "$out/os.iso.tmp" \
        --install-modules="multiboot2 normal serial terminal smbios regexp test echo all_video gfxterm iso9660 part_msdos part_gpt gzio" \
        --modules="multiboot2 normal serial terminal smbios regexp test echo iso9660 gzio" \
        --locales= --themes= --fonts= --compress=gz "$tree"
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

# Boots the ISO with the serial console on this terminal. Options (anywhere among the words):
#   --gui   also open QEMU's window (when a display exists)
#   --uefi  boot with OVMF instead of SeaBIOS
#   --usb   boot from the image as a USB stick instead of a CD
# Every other word goes to the kernel command line.
run_qemu() {
    local gui=0 uefi=0 usb=0 arguments=()
    for word in "$@"; do
        case "$word" in
            --gui) gui=1 ;;
            --uefi) uefi=1 ;;
            --usb) usb=1 ;;
            *) arguments+=("$word") ;;
        esac
    done
    local display=(-display none)
    if [ $gui -eq 1 ]; then
        if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
            display=()
        else
            echo "QEMU: --gui needs a graphical session (DISPLAY or WAYLAND_DISPLAY); running headless." >&2
        fi
    fi
    local firmware=()
    if [ $uefi -eq 1 ]; then
        if [ -f /usr/share/ovmf/OVMF.fd ]; then
            firmware=(-bios /usr/share/ovmf/OVMF.fd)
        else
            firmware=(-drive if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE.fd)
        fi
    fi
    local medium=(-cdrom "$out/os.iso")
    if [ $usb -eq 1 ]; then
        # snapshot=on: the guest may write to its stick, but the writes never reach iso/out/os.iso.
        medium=(-drive "if=none,id=stick,format=raw,snapshot=on,file=$out/os.iso"
            -device usb-ehci,id=ehci -device usb-storage,bus=ehci.0,drive=stick,bootindex=1)
    fi
    # The kernel command line travels as an SMBIOS OEM string that GRUB reads (see iso/grub.cfg); QEMU's option
    # syntax needs every comma doubled.
    local words="${arguments[*]}"
    local smbios=(-smbios "type=11,value=cosmos:${words//,/,,}")
    echo "QEMU: serial console on this terminal; press Ctrl-A then X to quit."
    exec qemu-system-x86_64 -accel tcg -m 256 "${firmware[@]}" "${medium[@]}" -serial mon:stdio "${display[@]}" \
        -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 "${smbios[@]}"
}

# Prints "N passed, N failed" from the TRX files of a test run, as the run's last line (CI reads that line), and
# returns the run's status. A run that failed without a failing test (a build error, a crashed test host) counts as
# one failure so that the summary can never read "0 failed" for a broken run.
summarize_tests() {
    local results="$1" status="$2" seconds="$3"
    local passed=0 failed=0 skipped=0 files=0
    local trx counters
    for trx in "$results"/*.trx; do
        [ -f "$trx" ] || continue
        files=$((files + 1))
        counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
        passed=$((passed + $(trx_counter "$counters" passed)))
        failed=$((failed + $(trx_counter "$counters" failed) + $(trx_counter "$counters" error) \
            + $(trx_counter "$counters" timeout) + $(trx_counter "$counters" aborted)))
        skipped=$((skipped + $(trx_counter "$counters" notExecuted)))
    done
    echo
    echo "tests: $files test assemblies, $skipped skipped, ${seconds}s"
    if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
        echo "tests: dotnet test failed (status $status) without a failing test: a build error or a crashed test host; counted as 1 failure"
        failed=1
    fi
    echo "$passed passed, $failed failed"
    [ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
}

# Reads one numeric attribute of a TRX <Counters .../> element (0 when absent).
trx_counter() {
    local value
    value=$(sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p" <<<"$1")
    echo "${value:-0}"
}

# Runs every test project in the solution: test names as they finish, failures with their messages (the QEMU tests
# include the serial output), then the summary line. Extra arguments go to dotnet test (e.g. --filter BootTests).
run_tests() {
    local results="$root/TestResults"
    rm -rf "$results"
    local start status=0
    start=$(date +%s)
    # The adapter's own "[xUnit.net ...]" lines repeat every failure that the console logger prints anyway; dropping
    # them halves the log. A test that hangs past 15 minutes is killed (and with it its QEMU) so CI always ends.
    set +e
    dotnet test Cosmos.sln -c $configuration --nologo \
        --logger "console;verbosity=normal" --logger trx --results-directory "$results" \
        --blame-hang-timeout 15m --blame-hang-dump-type none "$@" \
        | grep --line-buffered -v '^\[xUnit\.net '
    status=${PIPESTATUS[0]}
    set -e
    summarize_tests "$results" "$status" "$(($(date +%s) - start))"
}

command="${1:-iso}"
shift || true
case "$command" in
    iso) build_iso ;;
    run) build_iso; run_qemu "$@" ;;
    test)
        # In a subshell so that a failed build stage (which exits) still ends with the summary line CI reads.
        if ! (build_iso); then
            echo "tests: the image did not build, so no test ran; counted as 1 failure"
            echo "0 passed, 1 failed"
            exit 1
        fi
        run_tests "$@"
        ;;
    bench)
        # Only the figures go to stdout (one "bench ..." line each); the build's progress goes to stderr.
        build_iso >&2
        dotnet build tests/Cosmos.Benchmarks -c $configuration -nologo -v quiet -clp:ErrorsOnly >&2
        dotnet run --no-build --project tests/Cosmos.Benchmarks -c $configuration -- "$@"
        ;;
    *) echo "usage: ./build.sh iso|run|test|bench" >&2; exit 2 ;;
esac
