using System;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Naming;
using Cosmos.Drivers.Keyboard.Terminal;

namespace Cosmos.Drivers.Keyboard
{
    /// <summary>
    /// The "readers" mode ("keyboard:readers"): two client threads inside the driver's own task that use the device the
    /// way any program does — they look "keyboard" up at the name broker and call it through <see cref="CharacterDevice"/>
    /// — so the protocol can be checked before other clients exist. The first asks for the device's information, tries a
    /// write (which must be refused) and makes a waiting read; the second starts a moment later, makes a non-waiting read
    /// (nothing typed yet: 0 bytes) and then waiting reads in a loop, each of which supersedes the first reader's, which
    /// then ends. Everything they see is printed ("keyboard: reader 2 got 41").
    /// </summary>
    internal static unsafe class BuiltInReaders
    {
        private const int StackBytes = 32 * 1024;
        private const byte Priority = 100;

        /// <summary>How long the second reader waits, so the first one's read is surely pending.</summary>
        private const ulong SecondReaderDelay = 300_000_000;

        private static readonly byte[][] s_stacks = new byte[2][];

        /// <summary>Starts both readers; prints and carries on when a thread cannot be started.</summary>
        public static void Start()
        {
            StartReader(0, &FirstReader);
            StartReader(1, &SecondReader);
        }

        private static void StartReader(int index, delegate*<ulong, ulong, void> entry)
        {
            long thread = Kernel.CreateThread(0, Priority);
            if (thread >= 0)
            {
                s_stacks[index] = new byte[StackBytes];
                SystemCallError error = Kernel.StartThread((ulong)thread, (ulong)entry, Kernel.StackTopOf(s_stacks[index]), 0);
                thread = error == SystemCallError.None ? thread : (long)error;
            }

            if (thread < 0)
            {
                Kernel.DebugWrite("keyboard: reader " + (index + 1).ToString() + " not started: " + Kernel.DescribeError(thread) + "\n");
            }
        }

        // Looks the device up before the first request: ServiceConnection.Call's own first look-up overwrites the
        // request's message registers before it saves them, so a first Read would carry the broker's words.
        private static CharacterDevice Connect()
        {
            CharacterDevice device = new CharacterDevice(DeviceNames.Keyboard);
            NameBrokerStatus status = device.Connection.Connect(ServiceConnection.ReconnectNanoseconds);
            if (status != NameBrokerStatus.Ok)
            {
                Kernel.DebugWrite("keyboard: a reader cannot look \"" + DeviceNames.Keyboard + "\" up: " + NameBroker.Describe(status) + "\n");
            }

            return device;
        }

        private static void FirstReader(ulong argument, ulong utcb)
        {
            CharacterDevice device = Connect();
            CharacterDeviceStatus information = device.Information(out CharacterDeviceKind kind, out int columns, out int rows, out CharacterDeviceCapabilities capabilities);
            CharacterDeviceStatus write = device.Write(new ReadOnlySpan<byte>(new byte[] { (byte)'x' }));
            Kernel.DebugWrite("keyboard: reader 1 information " + ((uint)information).ToString() + ": kind " + ((ulong)kind).ToString() +
                ", capabilities " + ((ulong)capabilities).ToString() + ", " + columns.ToString() + "x" + rows.ToString() +
                "; write status " + ((uint)write).ToString() + "\n");
            byte[] buffer = new byte[16];
            CharacterDeviceStatus status = device.Read(buffer, true, out int count);
            Kernel.DebugWrite("keyboard: reader 1 read status " + ((uint)status).ToString() + ", " + count.ToString() + " bytes\n");
            Kernel.ExitThread(0);
        }

        private static void SecondReader(ulong argument, ulong utcb)
        {
            Kernel.Sleep(SecondReaderDelay);
            CharacterDevice device = Connect();
            byte[] buffer = new byte[CharacterDeviceProtocol.MaximumBytes];
            CharacterDeviceStatus status = device.Read(buffer, false, out int count);
            Kernel.DebugWrite("keyboard: reader 2 non-waiting read status " + ((uint)status).ToString() + ", " + count.ToString() + " bytes\n");
            while (true)
            {
                status = device.Read(buffer, true, out count);
                if (status != CharacterDeviceStatus.Ok)
                {
                    Kernel.DebugWrite("keyboard: reader 2 read status " + ((uint)status).ToString() + "\n");
                    Kernel.Sleep(SecondReaderDelay);
                    continue;
                }

                Kernel.DebugWrite("keyboard: reader 2 got " + KeyTraceText.Hex(new ReadOnlySpan<byte>(buffer, 0, count)) + "\n");
            }
        }
    }
}
