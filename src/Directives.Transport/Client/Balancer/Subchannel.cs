using System.Net;
using System.Net.Sockets;

namespace Grpc.Net.Client.Balancer;

/// <summary>
/// The connections to one resolved address: a <see cref="SocketsHttpHandler"/> that always connects there,
/// while requests keep the target's host name (so <c>:authority</c> and TLS server names stay the name).
/// </summary>
internal sealed class Subchannel : IDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly HttpMessageInvoker _invoker;
    private readonly Lock _lock = new();
    private TimeSpan _backoff = FirstBackoff;
    private long _unhealthyUntil;
    private int _inFlight;
    private bool _removed;
    private bool _disposed;

    public Subchannel(IPEndPoint endPoint)
    {
        EndPoint = endPoint;
        var handler = DefaultHttpHandler.Create();
        handler.ConnectCallback = ConnectAsync;
        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>False for a while after a connection failure; the wait doubles with each failure, up to 30 s.</summary>
    public bool IsHealthy => Environment.TickCount64 >= Volatile.Read(ref _unhealthyUntil);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            var response = await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                _backoff = FirstBackoff;
            }

            return response;
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0)
            {
                DisposeIfRemoved();
            }
        }
    }

    public void MarkUnhealthy()
    {
        lock (_lock)
        {
            Volatile.Write(ref _unhealthyUntil, Environment.TickCount64 + (long)_backoff.TotalMilliseconds);
            _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    /// <summary>The address is no longer resolved: the connections close once the calls on them are done.</summary>
    public void Remove()
    {
        lock (_lock)
        {
            _removed = true;
        }

        DisposeIfRemoved();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _invoker.Dispose();
    }

    private void DisposeIfRemoved()
    {
        if (Volatile.Read(ref _inFlight) == 0 && Volatile.Read(ref _removed))
        {
            Dispose();
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(EndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
