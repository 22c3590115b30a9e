using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Cosmos.Testing
{
    /// <summary>
    /// A client for QEMU's machine protocol (QMP) on a Unix socket. QMP rather than the human monitor because its replies
    /// are one JSON object per line and cannot be confused with echoed input or prompts; human monitor commands such as
    /// `sendkey ctrl-alt-delete` still work through QMP's human-monitor-command.
    /// </summary>
    internal sealed class QemuMonitor : IDisposable
    {
        private readonly Socket _socket;
        private readonly StreamReader _reader;
        private readonly StreamWriter _writer;
        private readonly SemaphoreSlim _oneCommandAtATime = new SemaphoreSlim(1, 1);

        private QemuMonitor(Socket socket)
        {
            _socket = socket;
            var stream = new NetworkStream(socket, ownsSocket: true);
            _reader = new StreamReader(stream, new UTF8Encoding(false));
            _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        }

        /// <summary>Connects and leaves capability negotiation mode, after which QEMU accepts commands.</summary>
        public static async Task<QemuMonitor> ConnectAsync(string socketPath, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            Socket socket = null;
            try
            {
                // QEMU creates the listening socket while it starts up; a caller that asks right after StartAsync may be early.
                while (true)
                {
                    socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), deadline.Token).ConfigureAwait(false);
                        break;
                    }
                    catch (SocketException)
                    {
                        socket.Dispose();
                        socket = null;
                        await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token).ConfigureAwait(false);
                    }
                }

                var monitor = new QemuMonitor(socket);
                socket = null;
                try
                {
                    // The greeting: {"QMP": {"version": ..., "capabilities": [...]}}
                    string greeting = await monitor._reader.ReadLineAsync(deadline.Token).ConfigureAwait(false);
                    if (greeting == null || !greeting.Contains("\"QMP\"", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"Unexpected QMP greeting from {socketPath}: {greeting ?? "(end of stream)"}");
                    }

                    await monitor.ExecuteCoreAsync("qmp_capabilities", null, deadline.Token).ConfigureAwait(false);
                    return monitor;
                }
                catch
                {
                    monitor.Dispose();
                    throw;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Could not talk to QEMU's monitor at {socketPath} within {timeout.TotalSeconds:F0} s.");
            }
            finally
            {
                socket?.Dispose();
            }
        }

        /// <summary>Runs one QMP command and returns its "return" value; a QMP error becomes an exception.</summary>
        public async Task<JsonNode> ExecuteAsync(string command, JsonObject arguments, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            await _oneCommandAtATime.WaitAsync(deadline.Token).ConfigureAwait(false);
            try
            {
                return await ExecuteCoreAsync(command, arguments, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"QEMU did not answer the monitor command {command} within {timeout.TotalSeconds:F0} s.");
            }
            finally
            {
                _oneCommandAtATime.Release();
            }
        }

        public void Dispose()
        {
            _reader.Dispose();
            _writer.Dispose();
            _socket.Dispose();
        }

        private async Task<JsonNode> ExecuteCoreAsync(string command, JsonObject arguments, CancellationToken cancellationToken)
        {
            var request = new JsonObject { ["execute"] = command };
            if (arguments != null)
            {
                request["arguments"] = arguments;
            }

            await _writer.WriteLineAsync(request.ToJsonString().AsMemory(), cancellationToken).ConfigureAwait(false);
            while (true)
            {
                string line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line == null)
                {
                    throw new IOException($"QEMU closed the monitor connection before answering {command} (has it exited?).");
                }

                JsonNode reply = JsonNode.Parse(line);
                if (reply is not JsonObject replyObject)
                {
                    continue;
                }

                // Asynchronous events (STOP, RESET, SHUTDOWN, ...) may arrive between a command and its answer.
                if (replyObject.ContainsKey("event"))
                {
                    continue;
                }

                if (replyObject.TryGetPropertyValue("error", out JsonNode error))
                {
                    throw new InvalidOperationException($"QEMU refused the monitor command {command}: {error?["desc"] ?? error}");
                }

                if (replyObject.TryGetPropertyValue("return", out JsonNode result))
                {
                    return result;
                }
            }
        }
    }
}
