using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Directives.Transport.Services.Tests.Infrastructure;

/// <summary>A child process whose output is collected line by line, and which a test can signal.</summary>
internal sealed class ExternalProcess : IDisposable
{
    private const int Sigterm = 15;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Prefix, TaskCompletionSource<string> Line)> _waiters = [];

    private ExternalProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    /// <summary>Everything written to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ExternalProcess Start(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var external = new ExternalProcess(process);
        process.OutputDataReceived += (_, e) => external.Append(e.Data);
        process.ErrorDataReceived += (_, e) => external.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return external;
    }

    /// <summary>The first output line starting with <paramref name="prefix"/>, past or future.</summary>
    public Task<string> WaitForLineAsync(string prefix, CancellationToken cancellationToken)
    {
        var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            foreach (var existing in _output.ToString().Split('\n'))
            {
                if (existing.StartsWith(prefix, StringComparison.Ordinal))
                {
                    line.SetResult(existing);
                    return line.Task;
                }
            }

            _waiters.Add((prefix, line));
        }

        return line.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends SIGTERM, as Kubernetes does to stop a pod (Process.Kill would send SIGKILL).</summary>
    public void SendSigterm()
    {
        if (Kill(_process.Id, Sigterm) != 0)
        {
            throw new InvalidOperationException("kill(" + _process.Id + ", SIGTERM) failed: errno " + Marshal.GetLastPInvokeError() + ".");
        }
    }

    /// <summary>SIGKILL: the process ends at once, its connections reset under the calls in flight.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (line.StartsWith(_waiters[i].Prefix, StringComparison.Ordinal))
                {
                    _waiters[i].Line.TrySetResult(line);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
