using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Cosmos.Testing
{
    /// <summary>
    /// Starts child processes so that they die with the test process, even when the test process is killed outright
    /// (SIGKILL from a CI timeout or `dotnet test --blame-hang`) and no managed clean-up code runs.
    /// </summary>
    /// <remarks>
    /// Linux can send a child a signal when its parent dies (prctl PR_SET_PDEATHSIG); util-linux's setpriv sets it and then
    /// executes the real program, so the signal outlives the exec. The kernel's notion of "parent" is the *thread* that
    /// forked, not the process, and .NET forks on the thread that calls Process.Start; a thread-pool thread may retire at
    /// any time and would take QEMU with it. Every start therefore happens on one dedicated thread that lives as long as
    /// the process does.
    /// </remarks>
    internal static class ChildProcessLauncher
    {
        private static readonly BlockingCollection<LaunchRequest> s_requests = new BlockingCollection<LaunchRequest>();
        private static readonly string s_setprivPath = FindSetpriv();

        static ChildProcessLauncher()
        {
            var thread = new Thread(ServeRequests)
            {
                IsBackground = true,
                Name = "Cosmos.Testing child process launcher",
            };
            thread.Start();
        }

        /// <summary>True when children are tied to this process by setpriv; false when setpriv is missing (clean-up then relies on Dispose and ProcessExit).</summary>
        public static bool TiesChildrenToParent => s_setprivPath != null;

        /// <summary>
        /// Starts <paramref name="fileName"/> with <paramref name="arguments"/> and stdin, stdout and stderr redirected.
        /// </summary>
        public static Task<Process> StartAsync(string fileName, string[] arguments)
        {
            var startInfo = new ProcessStartInfo
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            if (s_setprivPath != null)
            {
                startInfo.FileName = s_setprivPath;
                startInfo.ArgumentList.Add("--pdeathsig");
                startInfo.ArgumentList.Add("SIGKILL");
                startInfo.ArgumentList.Add("--");
                startInfo.ArgumentList.Add(fileName);
            }
            else
            {
                startInfo.FileName = fileName;
            }

            foreach (string argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            var request = new LaunchRequest(startInfo);
            s_requests.Add(request);
            return request.Completion.Task;
        }

        private static void ServeRequests()
        {
            foreach (LaunchRequest request in s_requests.GetConsumingEnumerable())
            {
                try
                {
                    request.Completion.SetResult(Process.Start(request.StartInfo));
                }
                catch (Exception exception)
                {
                    request.Completion.SetException(exception);
                }
            }
        }

        private static string FindSetpriv()
        {
            foreach (string path in new[] { "/usr/bin/setpriv", "/bin/setpriv" })
            {
                if (File.Exists(path))
                {
                    return path;
                }
            }

            return null;
        }

        private sealed class LaunchRequest
        {
            public LaunchRequest(ProcessStartInfo startInfo)
            {
                StartInfo = startInfo;
            }

            public ProcessStartInfo StartInfo { get; }

            // Continuations run elsewhere so that the launcher thread never executes a caller's code.
            public TaskCompletionSource<Process> Completion { get; } =
                new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
