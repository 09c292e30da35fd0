using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Directives.Bench.Transport.Measure;

/// <summary>
/// The benchmark server (this program with <c>server</c>), started under <c>taskset</c> on its own core, and
/// what can be read off it: CPU time, peak RSS, allocated bytes.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _replies = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _commandLock = new(1, 1);
    private readonly List<string> _firstLogLines = [];
    private int _loggedErrors;

    private ServerProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public int GrpcPort { get; private set; }

    public int RawPort { get; private set; }

    public int RoutedRawPort { get; private set; }

    /// <summary>How many errors the server logged (warnings and above go to its standard error).</summary>
    public int LoggedErrors => Volatile.Read(ref _loggedErrors);

    /// <summary>The first lines the server logged, to show what went wrong.</summary>
    public string FirstLogLines
    {
        get
        {
            lock (_firstLogLines)
            {
                return string.Join('\n', _firstLogLines);
            }
        }
    }

    /// <summary>Whether <see cref="ResetPeakRss"/> works here (otherwise peaks are the process's lifetime peak).</summary>
    public bool PerCellPeakRss { get; private set; }

    public static async Task<ServerProcess> StartAsync(BenchOptions options)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (options.Pin)
        {
            info.FileName = "taskset";
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(options.ServerCpu.ToString(CultureInfo.InvariantCulture));
            SelfCommand.AddTo(info, first: false);
        }
        else
        {
            SelfCommand.AddTo(info, first: true);
        }

        info.ArgumentList.Add("server");
        var server = new ServerProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start the server."));
        _ = Task.Run(server.PumpOutputAsync);
        _ = Task.Run(server.PumpLogAsync);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ready = (await server._replies.Reader.ReadAsync(timeout.Token)).Split(' ');
        if (ready[0] != "ready")
        {
            throw new InvalidOperationException("The server did not start: " + string.Join(' ', ready));
        }

        server.GrpcPort = int.Parse(ready[1], CultureInfo.InvariantCulture);
        server.RawPort = int.Parse(ready[2], CultureInfo.InvariantCulture);
        server.RoutedRawPort = int.Parse(ready[3], CultureInfo.InvariantCulture);
        server.PerCellPeakRss = ProcStat.TryResetPeakRss(server.Pid);
        return server;
    }

    public int Port(Target target) => target switch
    {
        Target.Grpc => GrpcPort,
        Target.Raw => RawPort,
        _ => RoutedRawPort,
    };

    public TimeSpan CpuTime() => ProcStat.CpuTime(Pid);

    public long PeakRss() => ProcStat.PeakRss(Pid);

    public void ResetPeakRss()
    {
        if (PerCellPeakRss)
        {
            ProcStat.TryResetPeakRss(Pid);
        }
    }

    /// <summary>The bytes the server has allocated (GC.GetTotalAllocatedBytes) and the methods its JIT has compiled.</summary>
    public async Task<ServerCounters> CountersAsync()
    {
        await _commandLock.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync("counters");
            await _process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var reply = (await _replies.Reader.ReadAsync(timeout.Token)).Split(' ');
            return reply.Length == 3 && reply[0] == "counters"
                ? new ServerCounters(long.Parse(reply[1], CultureInfo.InvariantCulture), long.Parse(reply[2], CultureInfo.InvariantCulture))
                : throw new InvalidOperationException("Unexpected reply from the server: " + string.Join(' ', reply));
        }
        finally
        {
            _commandLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync("exit");
            await _process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
        _commandLock.Dispose();
    }

    private async Task PumpOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            await _replies.Writer.WriteAsync(line);
        }

        _replies.Writer.TryComplete(new InvalidOperationException("The server process exited."));
    }

    private async Task PumpLogAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _loggedErrors);
            }

            lock (_firstLogLines)
            {
                if (_firstLogLines.Count < 20)
                {
                    _firstLogLines.Add(line);
                }
            }
        }
    }
}

internal readonly record struct ServerCounters(long AllocatedBytes, long CompiledMethods);
