using System;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Drivers.Console.Screen;

namespace Cosmos.Drivers.Console
{
    /// <summary>
    /// The console's request handler for <see cref="ServerLoop"/>: the write-only side of
    /// <see cref="CharacterDeviceProtocol"/>. Write interprets the bytes onto the screen and draws what changed before it
    /// answers (so a client that got its reply sees its text); Read is NotSupported; Information describes the screen.
    /// A request is checked in full before anything happens; a bad one is answered with a status, never a fault.
    /// </summary>
    internal struct ConsoleRequests : IMessageHandler
    {
        private readonly TerminalInterpreter _interpreter;
        private readonly ScreenPresenter _presenter;
        private readonly CharacterDeviceCapabilities _capabilities;
        private readonly byte[] _bytes;

        public ConsoleRequests(TerminalInterpreter interpreter, ScreenPresenter presenter, bool framebuffer)
        {
            _interpreter = interpreter;
            _presenter = presenter;
            _capabilities = CharacterDeviceCapabilities.Writable | (framebuffer ? CharacterDeviceCapabilities.Framebuffer : CharacterDeviceCapabilities.None);
            _bytes = new byte[CharacterDeviceProtocol.MaximumBytes];
        }

        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
        {
            Message message = Message.Current;
            CharacterDeviceStatus status;
            int replyWords = 0;
            switch (request.Label)
            {
                case CharacterDeviceProtocol.Write:
                    status = Write(message, request);
                    replyWords = status == CharacterDeviceStatus.Ok ? 1 : 0;
                    break;
                case CharacterDeviceProtocol.Read:
                    status = CharacterDeviceStatus.NotSupported;
                    break;
                case CharacterDeviceProtocol.Information:
                    status = Information(message, request);
                    replyWords = status == CharacterDeviceStatus.Ok ? 4 : 0;
                    break;
                default:
                    status = CharacterDeviceStatus.UnknownRequest;
                    break;
            }
            MessageTag.TryCreate((uint)status, replyWords, 0, MessageTagFlags.None, out reply);
            return ServerAction.Reply;
        }

        // Nothing is bound to the console's port.
        public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;

        private CharacterDeviceStatus Write(Message message, MessageTag request)
        {
            if (request.TypedCount != 0)
            {
                return CharacterDeviceStatus.MalformedRequest;
            }
            int count = CharacterDeviceProtocol.UnpackBytes(message.RegisterSpan, request.UntypedCount, _bytes);
            if (count < 0)
            {
                return CharacterDeviceStatus.MalformedRequest;
            }
            _interpreter.Write(new ReadOnlySpan<byte>(_bytes, 0, count));
            _presenter.Present();
            message.SetWord(0, (ulong)count);
            return CharacterDeviceStatus.Ok;
        }

        private CharacterDeviceStatus Information(Message message, MessageTag request)
        {
            if (request.TypedCount != 0)
            {
                return CharacterDeviceStatus.MalformedRequest;
            }
            TextScreen screen = _interpreter.Screen;
            message.SetWord(0, (ulong)CharacterDeviceKind.Console);
            message.SetWord(1, (ulong)screen.Columns);
            message.SetWord(2, (ulong)screen.Rows);
            message.SetWord(3, (ulong)_capabilities);
            return CharacterDeviceStatus.Ok;
        }
    }
}
