using System;
using System.Runtime;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Servers.Shell.Commands;
using Cosmos.Servers.Shell.LineEditing;
using Cosmos.Servers.Shell.Logic;
using Cosmos.Servers.Shell.Terminal;

namespace Cosmos.Servers.Shell
{
    /// <summary>
    /// The shell (module "shell", no capabilities of its own): reads the serial line and the keyboard, edits a line with
    /// history and tab completion, runs commands, and shows everything on the serial line and the console. Reader
    /// threads forward input bytes to the main thread's input port; the main thread decodes them, edits, and runs the
    /// command of each finished line (while a command runs, input waits in the reader threads).
    /// </summary>
    internal static class ShellMain
    {
        /// <summary>The prompt at the start of every input line.</summary>
        public const string Prompt = "$ ";

        private const ulong SerialWaitNanoseconds = 5_000_000_000;
        private const byte DefaultPriority = 100;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            long port = Capabilities.CreatePort();
            long sendRight = port < 0 ? port : Capabilities.Copy((uint)port, 0, CapabilityRights.Send);
            if (sendRight < 0)
            {
                Kernel.DebugWrite("shell: cannot create its input port: " + Kernel.DescribeError(sendRight) + "\n");
                return 1;
            }
            var output = new ShellOutput();
            string failure = InputReaders.Start((uint)sendRight, OwnPriority());
            if (failure != null)
            {
                Kernel.DebugWrite("shell: " + failure + "\n");
                return 1;
            }
            bool serial = output.Serial.Connect(SerialWaitNanoseconds);
            bool console = output.Console.Connect(0);
            Kernel.DebugWrite("shell: started (serial " + (serial ? "found" : "not found") + ", console " + (console ? "found" : "not found") + ")\n");

            var context = new ShellContext(output);
            var editor = new LineEditor(Prompt, CommandTable.Names());
            var decoders = new TerminalInputDecoder[InputSource.Count];
            for (int source = 0; source < InputSource.Count; source++)
            {
                decoders[source] = new TerminalInputDecoder();
            }
            output.Write("\r\nCosmos shell: type help for the commands.\r\n" + Prompt);
            output.Flush();

            byte[] bytes = new byte[CharacterDeviceProtocol.MaximumBytes];
            while (true)
            {
                IpcResult result = Ipc.Receive((uint)port);
                if (!result.IsMessage)
                {
                    continue;
                }
                Message message = Message.Current;
                int source = (int)message.ReceivedLabel;
                int count = CharacterDeviceProtocol.UnpackBytes(message.RegisterSpan, message.ReceivedTag.UntypedCount, bytes);
                MessageTag.TryCreate(0, 0, 0, MessageTagFlags.None, out MessageTag done);
                Ipc.Reply(done);
                if (source < 0 || source >= InputSource.Count || count <= 0)
                {
                    continue;
                }
                for (int index = 0; index < count; index++)
                {
                    if (!decoders[source].Decode(bytes[index], out KeyInput key))
                    {
                        continue;
                    }
                    EditResult edit = editor.Apply(key);
                    output.Write(edit.Output);
                    if (edit.IsFinished)
                    {
                        output.Flush();
                        Execute(context, edit.Line);
                        output.Write(Prompt);
                    }
                }
                output.Flush();
            }
        }

        /// <summary>Runs one command line; an unknown name says so, a failing command says why.</summary>
        public static void Execute(ShellContext context, string line)
        {
            string[] words = CommandLine.Split(line);
            if (words.Length == 0)
            {
                return;
            }
            Command command = CommandTable.Find(words[0]);
            if (command == null)
            {
                context.Line(words[0] + ": command not found");
                return;
            }
            try
            {
                command.Run(context, words);
            }
            catch (Exception exception)
            {
                context.Line(words[0] + ": failed: " + exception.Message);
            }
            context.Output.Flush();
        }

        // The main thread's priority, for the reader threads (the kernel's thread list; 100 if not found).
        private static unsafe byte OwnPriority()
        {
            ulong self = Kernel.ThreadSelf(out _);
            ThreadInformation information;
            for (long cursor = 0; (cursor = Kernel.QueryThread((ulong)cursor, &information)) > 0;)
            {
                if (information.ThreadId == self)
                {
                    return information.Priority;
                }
            }
            return DefaultPriority;
        }
    }
}
