using System;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Api.Devices
{
    /// <summary>
    /// A client of one character device (<see cref="CharacterDeviceProtocol"/>) through a <see cref="ServiceConnection"/>,
    /// so it finds a restarted driver again by itself. One thread at a time per instance.
    /// </summary>
    public sealed class CharacterDevice
    {
        private readonly ServiceConnection _connection;

        public CharacterDevice(string name)
        {
            _connection = new ServiceConnection(name);
        }

        public ServiceConnection Connection => _connection;

        /// <summary>Reads up to <paramref name="buffer"/>'s length (at most 480) bytes; with <paramref name="wait"/> blocks until there is one. <paramref name="count"/> is what arrived.</summary>
        public CharacterDeviceStatus Read(Span<byte> buffer, bool wait, out int count)
        {
            count = 0;
            int wanted = buffer.Length < CharacterDeviceProtocol.MaximumBytes ? buffer.Length : CharacterDeviceProtocol.MaximumBytes;
            Message message = Message.Current;
            message.SetWord(0, (ulong)wanted);
            message.SetWord(1, wait ? (ulong)ReadFlags.Wait : 0);
            MessageTag.TryCreate(CharacterDeviceProtocol.Read, 2, 0, MessageTagFlags.None, out MessageTag tag);
            CharacterDeviceStatus status = (CharacterDeviceStatus)_connection.CallForStatus(tag, (uint)CharacterDeviceStatus.Unreachable);
            if (status != CharacterDeviceStatus.Ok)
            {
                return status;
            }
            int unpacked = CharacterDeviceProtocol.UnpackBytes(message.RegisterSpan, message.ReceivedTag.UntypedCount, buffer);
            if (unpacked < 0)
            {
                return CharacterDeviceStatus.MalformedRequest;
            }
            count = unpacked;
            return status;
        }

        /// <summary>Writes all of <paramref name="bytes"/>, in messages of up to 480 bytes.</summary>
        public CharacterDeviceStatus Write(ReadOnlySpan<byte> bytes)
        {
            Message message = Message.Current;
            while (bytes.Length > 0)
            {
                int count = bytes.Length < CharacterDeviceProtocol.MaximumBytes ? bytes.Length : CharacterDeviceProtocol.MaximumBytes;
                int words = CharacterDeviceProtocol.PackBytes(bytes.Slice(0, count), message.RegisterSpan);
                MessageTag.TryCreate(CharacterDeviceProtocol.Write, words, 0, MessageTagFlags.None, out MessageTag tag);
                CharacterDeviceStatus status = (CharacterDeviceStatus)_connection.CallForStatus(tag, (uint)CharacterDeviceStatus.Unreachable);
                if (status != CharacterDeviceStatus.Ok)
                {
                    return status;
                }
                bytes = bytes.Slice(count);
            }
            return CharacterDeviceStatus.Ok;
        }

        /// <summary>Writes <paramref name="text"/> as ASCII (other characters as '?').</summary>
        public unsafe CharacterDeviceStatus Write(string text)
        {
            byte* chunk = stackalloc byte[CharacterDeviceProtocol.MaximumBytes];
            int offset = 0;
            while (offset < text.Length)
            {
                int count = text.Length - offset < CharacterDeviceProtocol.MaximumBytes ? text.Length - offset : CharacterDeviceProtocol.MaximumBytes;
                for (int i = 0; i < count; i++)
                {
                    char character = text[offset + i];
                    chunk[i] = character < (char)0x80 ? (byte)character : (byte)'?';
                }
                CharacterDeviceStatus status = Write(new ReadOnlySpan<byte>(chunk, count));
                if (status != CharacterDeviceStatus.Ok)
                {
                    return status;
                }
                offset += count;
            }
            return CharacterDeviceStatus.Ok;
        }

        /// <summary>The device's kind, size (a console) and abilities.</summary>
        public CharacterDeviceStatus Information(out CharacterDeviceKind kind, out int columns, out int rows, out CharacterDeviceCapabilities capabilities)
        {
            kind = 0;
            columns = 0;
            rows = 0;
            capabilities = CharacterDeviceCapabilities.None;
            Message message = Message.Current;
            MessageTag.TryCreate(CharacterDeviceProtocol.Information, 0, 0, MessageTagFlags.None, out MessageTag tag);
            CharacterDeviceStatus status = (CharacterDeviceStatus)_connection.CallForStatus(tag, (uint)CharacterDeviceStatus.Unreachable);
            if (status == CharacterDeviceStatus.Ok)
            {
                if (message.ReceivedTag.UntypedCount < 4)
                {
                    return CharacterDeviceStatus.MalformedRequest;
                }
                kind = (CharacterDeviceKind)message.Word(0);
                columns = (int)message.Word(1);
                rows = (int)message.Word(2);
                capabilities = (CharacterDeviceCapabilities)message.Word(3);
            }
            return status;
        }
    }
}
