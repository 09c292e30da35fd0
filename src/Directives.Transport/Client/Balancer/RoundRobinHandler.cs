using System.Net;
using System.Net.Sockets;

namespace Grpc.Net.Client.Balancer;

/// <summary>
/// Client-side load balancing per call: the channel's connection layer when a <see cref="Resolver"/> is set.
/// It keeps a <see cref="Subchannel"/> per resolved address and sends each call to the next healthy one in
/// turn. Addresses are resolved at first use, every resolve interval, and at once when a connection is lost.
/// </summary>
/// <remarks>
/// A call whose connection failed before any response is sent again on the next address when that is safe:
/// always when the connection could not be opened (nothing was sent), and for a unary or server-streaming call
/// of a method listed as idempotent when an open connection broke (the server may have run it). This is
/// gRPC's transparent retry, widened by the idempotency the caller declares.
/// </remarks>
internal sealed class RoundRobinHandler : HttpMessageHandler
{
    private readonly Resolver _resolver;
    private readonly TimeSpan _resolveInterval;
    private readonly IdempotentMethods _idempotent;
    private readonly SemaphoreSlim _resolveNow = new(0, 1);
    private readonly CancellationTokenSource _disposing = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _firstResolution = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Subchannel[] _subchannels = [];
    private Task? _resolving;
    private int _next;
    private bool _disposed;

    public RoundRobinHandler(Resolver resolver, TimeSpan resolveInterval, IdempotentMethods idempotent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resolveInterval, TimeSpan.Zero);
        _resolver = resolver;
        _resolveInterval = resolveInterval;
        _idempotent = idempotent;
    }

    /// <summary>The addresses calls are spread across now.</summary>
    internal IReadOnlyList<IPEndPoint> Addresses => Volatile.Read(ref _subchannels).Select(s => s.EndPoint).ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        StartResolving();
        await _firstResolution.Task.WaitAsync(cancellationToken).ConfigureAwait(false);

        var retryable = request.Content is null or UnaryRequestContent;
        var idempotent = retryable && _idempotent.Contains(request.RequestUri);
        var subchannels = Volatile.Read(ref _subchannels);
        if (subchannels.Length == 0)
        {
            ResolveNow();
            throw new HttpRequestException(HttpRequestError.ConnectionError, "No address was resolved for " + request.RequestUri?.Authority + ".");
        }

        // At most one attempt per address known when the call started.
        for (var attempt = 1; ; attempt++)
        {
            var subchannel = Pick(subchannels);
            try
            {
                return await subchannel.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsConnectionFailure(exception, cancellationToken, out var nothingSent))
            {
                subchannel.MarkUnhealthy();
                ResolveNow();
                if (attempt >= subchannels.Length || !(nothingSent ? retryable : idempotent))
                {
                    throw;
                }
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Subchannel[] subchannels;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                subchannels = _subchannels;
                _subchannels = [];
            }

            _disposing.Cancel();
            foreach (var subchannel in subchannels)
            {
                subchannel.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private bool IsConnectionFailure(Exception exception, CancellationToken cancellationToken, out bool nothingSent)
    {
        // A subchannel removed by a resolution between the pick and the send is disposed: nothing was sent.
        var removedUnderfoot = exception is ObjectDisposedException && !_disposed;
        nothingSent = removedUnderfoot
            || exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
            || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
        return !cancellationToken.IsCancellationRequested && (exception is HttpRequestException or IOException || removedUnderfoot);
    }

    /// <summary>The next healthy subchannel in turn; the next one at all when none is healthy.</summary>
    private Subchannel Pick(Subchannel[] subchannels)
    {
        var start = Interlocked.Increment(ref _next);
        for (var i = 0; i < subchannels.Length; i++)
        {
            var candidate = subchannels[(int)((uint)(start + i) % (uint)subchannels.Length)];
            if (candidate.IsHealthy)
            {
                return candidate;
            }
        }

        return subchannels[(int)((uint)start % (uint)subchannels.Length)];
    }

    private void StartResolving()
    {
        if (Volatile.Read(ref _resolving) is null)
        {
            lock (_lock)
            {
                _resolving ??= Task.Run(ResolveLoopAsync);
            }
        }
    }

    private void ResolveNow()
    {
        try
        {
            if (_resolveNow.CurrentCount == 0)
            {
                _resolveNow.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another failure asked already.
        }
    }

    private async Task ResolveLoopAsync()
    {
        var token = _disposing.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                Update(await _resolver.ResolveAsync(token).ConfigureAwait(false));
            }
            catch (Exception) when (!token.IsCancellationRequested)
            {
                // A failed resolution keeps the addresses known so far; the next one may succeed.
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _firstResolution.TrySetResult();
            try
            {
                await _resolveNow.WaitAsync(_resolveInterval, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Update(IReadOnlyList<IPEndPoint> endPoints)
    {
        if (endPoints.Count == 0)
        {
            return;
        }

        List<Subchannel> removed;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var current = _subchannels.ToDictionary(s => s.EndPoint);
            var next = endPoints.Distinct().Select(e => current.GetValueOrDefault(e) ?? new Subchannel(e)).ToArray();
            removed = current.Values.Where(s => !next.Contains(s)).ToList();
            Volatile.Write(ref _subchannels, next);
        }

        foreach (var subchannel in removed)
        {
            subchannel.Remove();
        }
    }
}
