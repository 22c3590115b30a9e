using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The PS/2 keyboard driver (Drivers/Keyboard) in ring 3: keys pressed through QEMU's monitor ("sendkey") reach it as
    /// IRQ 1, and become the terminal bytes CharacterDeviceProtocol specifies. With "trace" the driver prints each key's
    /// bytes; with "readers" two client threads in its task read the "keyboard" device through the name broker as any
    /// program does.
    /// </summary>
    public sealed class KeyboardTests
    {
        private const string Capabilities = "+register+io=0x60-0x60+io=0x64-0x64+irq=1";

        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
        private static readonly TimeSpan KeyTimeout = TimeSpan.FromSeconds(30);

        /// <summary>"keyboard: PS/2 controller ready (translation on), registered as keyboard[, tracing keys]".</summary>
        private static readonly Regex Ready = new Regex(
            @"^keyboard: PS/2 controller ready \(translation (?<translation>on|off)\), registered as keyboard", RegexOptions.CultureInvariant);

        /// <summary>A trace line: "keyboard: key 'a' -> 61", "keyboard: key Left -> 1b 5b 44".</summary>
        private static readonly Regex KeyTrace = new Regex(@"^keyboard: key (?<name>.+) -> (?<bytes>[0-9a-f]{2}(?: [0-9a-f]{2})*)$", RegexOptions.CultureInvariant);

        /// <summary>The keyboard acknowledged an LED update: "keyboard: LEDs acknowledged, caps lock on".</summary>
        private static readonly Regex LedsAcknowledged = new Regex(@"^keyboard: LEDs acknowledged, caps lock (?<state>on|off)$", RegexOptions.CultureInvariant);

        /// <summary>What the second built-in reader received: "keyboard: reader 2 got 1b 5b 41".</summary>
        private static readonly Regex ReaderGot = new Regex(@"^keyboard: reader 2 got (?<bytes>[0-9a-f]{2}(?: [0-9a-f]{2})*)$", RegexOptions.CultureInvariant);

        // QEMU key names, and the trace each must produce: its name and bytes. Order matters (shift, caps lock state).
        private static readonly (string Keys, string Name, string Bytes)[] s_keys =
        {
            ("a", "'a'", "61"),
            ("shift-a", "'A'", "41"),
            ("shift-1", "'!'", "21"),
            ("ctrl-c", "Ctrl+C", "03"),
            ("ctrl-shift-z", "Ctrl+Z", "1a"),
            ("up", "Up", "1b 5b 41"),
            ("down", "Down", "1b 5b 42"),
            ("right", "Right", "1b 5b 43"),
            ("left", "Left", "1b 5b 44"),
            ("home", "Home", "1b 5b 48"),
            ("end", "End", "1b 5b 46"),
            ("delete", "Delete", "1b 5b 33 7e"),
            ("backspace", "Backspace", "7f"),
            ("ret", "Enter", "0d"),
            ("kp_enter", "KeypadEnter", "0d"),
            ("tab", "Tab", "09"),
            ("esc", "Escape", "1b"),
            ("spc", "' '", "20"),
            ("shift-slash", "'?'", "3f"),
            ("caps_lock", null, null),
            ("b", "'B'", "42"),
            ("shift-b", "'b'", "62"),
            ("2", "'2'", "32"),
            ("caps_lock", null, null),
            ("c", "'c'", "63"),
            ("alt-x", "Alt+X", "1b 78"),
        };

        [Fact]
        public async Task KeysFromTheMonitorBecomeTheTerminalBytesOfTheCharacterDeviceProtocol()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions { KernelCommandLine = "run=keyboard:trace" + Capabilities });
            SerialLine ready = await machine.WaitForLineAsync(Ready, StartTimeout);
            MachineAssert.True(machine, ready.Text.Contains("(translation on)"), $"The controller should translate to set 1: \"{ready.Text}\".");

            foreach ((string keys, string name, string bytes) in s_keys)
            {
                await machine.SendMonitorCommandAsync("sendkey " + keys);
                if (name == null)
                {
                    continue;
                }

                // The next trace line must be this key's: every earlier key produced exactly its own line.
                SerialLine line = await machine.WaitForLineAsync(KeyTrace, KeyTimeout);
                Match trace = KeyTrace.Match(line.Text);
                MachineAssert.True(
                    machine,
                    trace.Groups["name"].Value == name && trace.Groups["bytes"].Value == bytes,
                    $"sendkey {keys}: expected \"keyboard: key {name} -> {bytes}\", got \"{line.Text}\".");
            }

            // Each caps lock press set the keyboard's LED (command 0xED and its byte, both acknowledged): on, then off.
            await machine.WaitUntilAsync(
                output => output.Lines.Count(line => LedsAcknowledged.IsMatch(line.Text)) >= 2,
                "two acknowledged LED updates",
                KeyTimeout);
            string[] leds = machine.Output.Lines.Select(line => LedsAcknowledged.Match(line.Text)).Where(match => match.Success)
                .Select(match => match.Groups["state"].Value).ToArray();
            MachineAssert.True(machine, leds.SequenceEqual(new[] { "on", "off" }), $"The caps lock LED updates were {string.Join(", ", leds)}, expected on, off.");

            string output = machine.Output.Text;
            MachineAssert.True(machine, !output.Contains("keyboard: error"), "The keyboard driver reported an error.");
            MachineAssert.True(machine, !output.Contains("dropped"), "The keyboard driver dropped bytes.");
            MachineAssert.True(machine, !machine.Output.Lines.Any(line => ProgramContract.UserFault.IsMatch(line.Text)), "A task faulted.");
            MachineAssert.True(machine, !KernelContract.Panic.IsMatch(output), "The kernel panicked.");
        }

        [Fact]
        public async Task AClientOfTheKeyboardDeviceReadsTypedBytesWithWaitingReadsThatSupersedeEachOther()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions { KernelCommandLine = "run=keyboard:readers" + Capabilities });
            await machine.WaitForLineAsync(Ready, StartTimeout);

            // Information: status Ok (0), kind Keyboard (2), capabilities Readable (1), no size; Write: NotSupported (2).
            await machine.WaitForLineAsync(new Regex(@"^keyboard: reader 1 information 0: kind 2, capabilities 1, 0x0; write status 2$"), KeyTimeout);
            // Nothing typed yet: a read without Wait answers at once with 0 bytes.
            await machine.WaitForLineAsync(new Regex(@"^keyboard: reader 2 non-waiting read status 0, 0 bytes$"), KeyTimeout);
            // Reader 2's waiting read replaced reader 1's, which was answered Superseded (1) without bytes.
            await machine.WaitForLineAsync(new Regex(@"^keyboard: reader 1 read status 1, 0 bytes$"), KeyTimeout);

            (string Keys, string Bytes)[] typed =
            {
                ("h", "68"),
                ("shift-i", "49"),
                ("ctrl-d", "04"),
                ("home", "1b 5b 48"),
                ("delete", "1b 5b 33 7e"),
                ("ret", "0d"),
            };
            foreach ((string keys, string bytes) in typed)
            {
                await machine.SendMonitorCommandAsync("sendkey " + keys);
                SerialLine line = await machine.WaitForLineAsync(ReaderGot, KeyTimeout);
                MachineAssert.True(
                    machine,
                    ReaderGot.Match(line.Text).Groups["bytes"].Value == bytes,
                    $"sendkey {keys}: the reader should get {bytes} in one read, got \"{line.Text}\".");
            }

            MachineAssert.True(machine, !machine.Output.Text.Contains("keyboard: error"), "The keyboard driver reported an error.");
            MachineAssert.True(machine, !machine.Output.Text.Contains("keyboard: reader 2 read status"), "A waiting read of reader 2 failed.");
            MachineAssert.True(machine, !machine.Output.Lines.Any(line => ProgramContract.UserFault.IsMatch(line.Text)), "A task faulted.");
        }
    }
}
