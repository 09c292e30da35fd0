using System.Globalization;
using System.IO.Pipelines;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Core.Protocol;
using Grpc.Net.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// One call on an <see cref="Microsoft.AspNetCore.Http.HttpContext"/>. Everything costly (request metadata,
/// trailers, the peer string, the deadline timer) is created only when the call needs it.
/// </summary>
internal sealed class HttpContextServerCallContext : ServerCallContext, IGrpcMetricsTagsFeature
{
    // CancellationTokenSource.CancelAfter takes at most uint.MaxValue - 1 milliseconds (about 49 days).
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);


    private readonly string _method;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Status _status = Status.DefaultSuccess;
    private WriteOptions? _writeOptions;
    private CancellationTokenSource? _deadlineSource;

    // Kept apart from its source, which is disposed when the call ends: a handler's leftover work may still
    // look at the token then, and CancellationTokenSource.Token throws once disposed.
    private CancellationToken _deadlineToken;
    private DateTime _deadline = DateTime.MaxValue;

    // The request's abort token, kept because the deadline's callback may still be running when the request
    // has ended and its HttpContext (whose RequestAborted would then throw) has been returned to the pool.
    private CancellationToken _requestAborted;
    private string? _peer;
    private ICompressionProvider? _responseCompression;
    private ResponseOwnership _ownership;
    private TaskCompletionSource? _deadlineEnd;
    private bool _responseHeadersSent;
    private List<KeyValuePair<string, object?>>? _metricsTags;

    public HttpContextServerCallContext(HttpContext httpContext, ServerCallSettings settings, string method)
    {
        HttpContext = httpContext;
        Settings = settings;
        _method = method;
    }

    public HttpContext HttpContext { get; }

    public ServerCallSettings Settings { get; }

    /// <summary>The request's <c>grpc-encoding</c>; null for identity.</summary>
    public string? RequestEncoding { get; private set; }

    /// <summary>The token for reads and flushes: the deadline's, or none (Kestrel ends I/O itself on a reset).</summary>
    public CancellationToken DeadlineToken => _deadlineToken;

    /// <summary>The deadline passed while the client was still there.</summary>
    public bool IsDeadlineExceeded => _deadlineSource is { IsCancellationRequested: true } && !_requestAborted.IsCancellationRequested;

    /// <summary>The status the call ended with; valid once it has ended.</summary>
    public Status FinalStatus => _status;

    /// <summary>Request messages read so far (the per-call message count metric).</summary>
    public int RequestMessages { get; private set; }

    /// <summary>Response messages written so far.</summary>
    public int ResponseMessages { get; private set; }

    /// <summary>Tags interceptors added through <see cref="IGrpcMetricsTagsFeature"/>; null when none.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>>? MetricsTags => _metricsTags;

    ICollection<KeyValuePair<string, object?>> IGrpcMetricsTagsFeature.Tags => _metricsTags ??= [];

    protected override string MethodCore => _method;

    protected override string HostCore => HttpContext.Request.Host.Value ?? "";

    protected override string PeerCore => _peer ??= FormatPeer(HttpContext.Connection);

    protected override DateTime DeadlineCore => _deadline;

    protected override Metadata RequestHeadersCore => _requestHeaders ??= ReadRequestHeaders(HttpContext.Request.Headers);

    protected override CancellationToken CancellationTokenCore => _deadlineSource is null ? HttpContext.RequestAborted : _deadlineToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers ??= [];

    protected override Status StatusCore
    {
        get => _status;
        set => _status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => _writeOptions;
        set => _writeOptions = value;
    }

    /// <summary>Reads the deadline and encodings, lifts Kestrel's body limits, and sets the response headers.</summary>
    public void Initialize(bool streamingRequest)
    {
        var features = HttpContext.Features;
        if (features.Get<IHttpMaxRequestBodySizeFeature>() is { } maxRequestBodySize)
        {
            // gRPC limits each message instead; a stream may carry any number of them.
            if (maxRequestBodySize.IsReadOnly)
            {
                GrpcServerLog.UnableToDisableMaxRequestBodySize(Settings.Logger);
            }
            else
            {
                maxRequestBodySize.MaxRequestBodySize = null;
            }
        }

        if (streamingRequest && features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minDataRate)
        {
            // A client stream may legitimately stay quiet for a long time.
            minDataRate.MinDataRate = null;
        }

        var requestHeaders = HttpContext.Request.Headers;
        var timeout = requestHeaders.GrpcTimeout;
        if (timeout.Count > 0)
        {
            InitializeDeadline(timeout.ToString());
        }

        var encoding = requestHeaders.GrpcEncoding;
        if (encoding.Count > 0 && !string.Equals(encoding.ToString(), GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            RequestEncoding = encoding.ToString();
        }

        var response = HttpContext.Response;
        response.ContentType = GrpcProtocolConstants.GrpcContentType;
        var responseHeaders = response.Headers;
        responseHeaders.GrpcAcceptEncoding = Settings.AcceptEncoding;
        if (Settings.ResponseCompressionProvider is { } provider && ClientAccepts(requestHeaders.GrpcAcceptEncoding, provider.EncodingName))
        {
            _responseCompression = provider;
            responseHeaders.GrpcEncoding = provider.EncodingName;
        }
    }

    /// <summary>Serializes one response message into the response body, unflushed.</summary>
    public void WriteMessage<T>(T message, Action<T, SerializationContext> serializer)
    {
        var compression = _responseCompression is not null && (_writeOptions is null || (_writeOptions.Flags & WriteFlags.NoCompress) == 0)
            ? _responseCompression
            : null;
        var serializationContext = ServerSerializationContext.Rent(HttpContext.Response.BodyWriter, Settings, compression);
        try
        {
            serializationContext.Serialize(message, serializer);
        }
        finally
        {
            // Headers go out with the first message; a message refused before its first byte (over the
            // send limit) leaves the call able to end Trailers-Only.
            _responseHeadersSent |= serializationContext.HasWritten;
            if (serializationContext.HasWritten)
            {
                ResponseMessages++;
            }
            ServerSerializationContext.Return(serializationContext);
        }
    }

    /// <summary>
    /// Starts a handler operation on the response (a write and its flush); pair with <see cref="ExitResponse"/>.
    /// Throws when the call has been cancelled or has ended, or another operation is running.
    /// </summary>
    public void EnterResponse()
    {
        switch (_ownership.TryEnter())
        {
            case ResponseOwnership.EnterResult.Busy:
                throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
            case ResponseOwnership.EnterResult.Ended:
                CancellationTokenCore.ThrowIfCancellationRequested();
                throw new InvalidOperationException("Can't write the message because the call is complete.");
        }

        if (CancellationTokenCore.IsCancellationRequested)
        {
            ExitResponse();
            CancellationTokenCore.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Like <see cref="EnterResponse"/>, but false instead of throwing when the call has ended or been cancelled.</summary>
    public bool TryEnterResponse()
    {
        var entered = _ownership.TryEnter();
        if (entered == ResponseOwnership.EnterResult.Busy)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
        }

        if (entered == ResponseOwnership.EnterResult.Entered && CancellationTokenCore.IsCancellationRequested)
        {
            ExitResponse();
            return false;
        }

        return entered == ResponseOwnership.EnterResult.Entered;
    }

    /// <summary>Ends a handler operation, carrying out the deadline's end of the call if it came meanwhile.</summary>
    public void ExitResponse()
    {
        if (_ownership.Exit())
        {
            _ = EndAtDeadlineAsync();
        }
    }

    /// <summary>The handler returned: sends its status (or DEADLINE_EXCEEDED) and ends the call.</summary>
    public Task CompleteAsync()
    {
        if (!_ownership.TryEndFromHandler())
        {
            return EndedAtDeadlineAsync();
        }

        if (IsDeadlineExceeded)
        {
            GrpcServerLog.DeadlineExceeded(Settings.Logger, _method);
            _status = MessageStatus.DeadlineExceeded;
        }
        else if (HttpContext.RequestAborted.IsCancellationRequested)
        {
            EndCanceled();
            return Task.CompletedTask;
        }

        WriteStatus();
        End();
        return Task.CompletedTask;
    }

    /// <summary>The handler (or reading its request) failed: maps the exception to a status and ends the call.</summary>
    public Task CompleteAsync(Exception exception)
    {
        if (!_ownership.TryEndFromHandler())
        {
            return EndedAtDeadlineAsync();
        }

        if (IsDeadlineExceeded)
        {
            GrpcServerLog.DeadlineExceeded(Settings.Logger, _method);
            _status = MessageStatus.DeadlineExceeded;
        }
        else if (HttpContext.RequestAborted.IsCancellationRequested)
        {
            EndCanceled();
            return Task.CompletedTask;
        }
        else if (exception is RpcException rpcException)
        {
            GrpcServerLog.RpcError(Settings.Logger, _method, rpcException.StatusCode);
            _status = rpcException.Status;
            foreach (var entry in rpcException.Trailers)
            {
                ResponseTrailersCore.Add(entry);
            }
        }
        else
        {
            GrpcServerLog.ErrorExecutingServiceMethod(Settings.Logger, _method, exception);
            _status = Settings.EnableDetailedErrors
                ? new Status(StatusCode.Unknown, MessageStatus.HandlerException.Detail + " " + exception.GetType().Name + ": " + exception.Message, exception)
                : new Status(StatusCode.Unknown, MessageStatus.HandlerException.Detail, exception);
        }

        WriteStatus();
        End();
        return Task.CompletedTask;
    }

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        if (_responseHeadersSent)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call.");
        }

        if (!TryEnterResponse())
        {
            throw new InvalidOperationException("Can't write response headers because the call is complete.");
        }

        ValueTask<FlushResult> flush;
        try
        {
            _responseHeadersSent = true;
            if (responseHeaders is not null)
            {
                var headers = HttpContext.Response.Headers;
                foreach (var entry in responseHeaders)
                {
                    if (entry.Key == ResponseEncodingRequest.HeaderName)
                    {
                        SelectResponseEncoding(entry);
                    }
                    else
                    {
                        AppendMetadataEntry(headers, entry);
                    }
                }
            }

            // Flushing with no body sends the HEADERS frame now.
            flush = HttpContext.Response.BodyWriter.FlushAsync(CancellationTokenCore);
        }
        catch
        {
            ExitResponse();
            throw;
        }

        if (flush.IsCompletedSuccessfully)
        {
            ExitResponse();
            return Task.CompletedTask;
        }

        return AwaitHeadersFlushAsync(flush);
    }

    private async Task AwaitHeadersFlushAsync(ValueTask<FlushResult> flush)
    {
        try
        {
            await flush;
        }
        finally
        {
            ExitResponse();
        }
    }

    /// <summary>The deadline passed while the client is still there: the call ends now, whatever the handler is doing.</summary>
    private void OnDeadline()
    {
        if (!IsDeadlineExceeded)
        {
            return;
        }

        // Published before the end is claimed, so a handler that finds the call ended can wait for the end
        // to be written before its request delegate returns (Kestrel would otherwise finish the response
        // under it).
        var deadlineEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _deadlineEnd, deadlineEnd);
        switch (_ownership.RequestEndFromOutside())
        {
            case ResponseOwnership.OutsideEndResult.EndNow:
                _ = EndAtDeadlineAsync();
                break;
            case ResponseOwnership.OutsideEndResult.AlreadyEnded:
                deadlineEnd.TrySetResult();
                break;
        }
    }

    /// <summary>
    /// Sends DEADLINE_EXCEEDED and completes the response without waiting for the handler, which has had its
    /// token cancelled, as gRPC for .NET does. The request side is left to Kestrel: clients stop sending
    /// once they have the status, and a reset could overtake the status on its way out.
    /// </summary>
    private async Task EndAtDeadlineAsync()
    {
        try
        {
            GrpcServerLog.DeadlineExceeded(Settings.Logger, _method);
            _status = MessageStatus.DeadlineExceeded;
            WriteStatus();
            if (HttpContext.Features.Get<IHttpResponseBodyFeature>() is { } body)
            {
                await body.CompleteAsync();
            }
        }
        catch (Exception exception)
        {
            GrpcServerLog.ErrorEndingCallAtDeadline(Settings.Logger, _method, exception);
        }
        finally
        {
            _deadlineEnd?.TrySetResult();
        }
    }

    /// <summary>The handler returned after the deadline ended its call: waits until that end has been written.</summary>
    private Task EndedAtDeadlineAsync()
    {
        End();
        return Volatile.Read(ref _deadlineEnd)?.Task ?? Task.CompletedTask;
    }

    private void InitializeDeadline(string value)
    {
        if (!GrpcTimeout.TryParse(value, out var timeout))
        {
            // As gRPC for .NET does: a malformed grpc-timeout is logged and the call has no deadline.
            GrpcServerLog.InvalidTimeoutIgnored(Settings.Logger, value);
            return;
        }

        var now = DateTime.UtcNow;
        _deadline = timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;
        if (timeout > MaxTimerDelay)
        {
            // Beyond what a timer can wait: the deadline is reported but never fires.
            return;
        }

        _requestAborted = HttpContext.RequestAborted;
        var source = CancellationTokenSource.CreateLinkedTokenSource(_requestAborted);
        _deadlineSource = source;
        _deadlineToken = source.Token;

        // Registered first, so it runs after the handler's own callbacks (they run in reverse order).
        _deadlineToken.UnsafeRegister(static state => ((HttpContextServerCallContext)state!).OnDeadline(), this);
        source.CancelAfter(timeout);
    }

    private void SelectResponseEncoding(Metadata.Entry entry)
    {
        var encoding = entry.IsBinary ? null : entry.Value;
        if (encoding is null || string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            _responseCompression = null;
            HttpContext.Response.Headers.Remove(GrpcProtocolConstants.MessageEncodingHeader);
            return;
        }

        var provider = Settings.GetCompressionProvider(encoding);
        if (provider is not null && ClientAccepts(HttpContext.Request.Headers.GrpcAcceptEncoding, provider.EncodingName))
        {
            _responseCompression = provider;
            HttpContext.Response.Headers.GrpcEncoding = provider.EncodingName;
        }
    }

    private void EndCanceled()
    {
        GrpcServerLog.ServiceMethodCanceled(Settings.Logger, _method);
        _status = MessageStatus.CanceledByClient;
        End();
    }

    /// <summary>Puts the status in the trailers, or in the headers (Trailers-Only) when nothing was sent yet.</summary>
    private void WriteStatus()
    {
        // Kestrel buffers written messages without starting the response, so HasStarted alone can't tell.
        var response = HttpContext.Response;
        var destination = _responseHeadersSent || response.HasStarted
            ? HttpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers
            : response.Headers;
        if (destination is null)
        {
            return;
        }

        destination.GrpcStatus = StatusCodeText.Get(_status.StatusCode);
        if (_status.Detail.Length > 0)
        {
            destination.GrpcMessage = PercentEncoding.Encode(_status.Detail);
        }

        if (_responseTrailers is not null)
        {
            foreach (var entry in _responseTrailers)
            {
                AppendMetadataEntry(destination, entry);
            }
        }
    }

    /// <summary>Counts a request message taken off the body.</summary>
    public void OnRequestMessage() => RequestMessages++;

    private void End() => _deadlineSource?.Dispose();

    private static void AppendMetadataEntry(IHeaderDictionary headers, Metadata.Entry entry)
    {
        if (MetadataHeaders.IsReserved(entry.Key))
        {
            return;
        }

        headers.Append(entry.Key, entry.IsBinary ? MetadataHeaders.EncodeBinary(entry.ValueBytes) : entry.Value);
    }

    private static bool ClientAccepts(string? acceptEncoding, string encoding)
    {
        var remaining = acceptEncoding.AsSpan();
        while (!remaining.IsEmpty)
        {
            var comma = remaining.IndexOf(',');
            var item = (comma < 0 ? remaining : remaining[..comma]).Trim();
            if (item.Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            remaining = comma < 0 ? default : remaining[(comma + 1)..];
        }

        return false;
    }

    private static Metadata ReadRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            foreach (var value in header.Value)
            {
                MetadataHeaders.AddReceived(metadata, header.Key, value ?? "");
            }
        }

        return metadata;
    }

    private static string FormatPeer(ConnectionInfo connection)
    {
        var address = connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        var port = connection.RemotePort.ToString(CultureInfo.InvariantCulture);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? "ipv6:[" + address + "]:" + port
            : "ipv4:" + address + ":" + port;
    }
}
