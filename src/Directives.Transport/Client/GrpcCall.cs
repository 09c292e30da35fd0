using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Core.Protocol;
using Grpc.Net.Compression;

namespace Grpc.Net.Client;

/// <summary>
/// One call over HTTP/2: sends the request, reads the response, and settles the call's status exactly once,
/// whether the server ends it, the deadline passes, or the caller cancels or disposes it.
/// </summary>
/// <remarks>
/// Whoever settles the status first wins (<see cref="TryFinish"/>); cancellation and deadlines settle it
/// before aborting the HTTP/2 stream, so I/O failing because of the abort never decides the status.
/// </remarks>
internal sealed partial class GrpcCall<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    private const int Running = 0;
    private const int Finishing = 1;
    private const int Finished = 2;
    private const long RefusedStreamErrorCode = 0x7;
    private const int MaxRefusedStreamRetries = 4;

    private static readonly StreamPipeReaderOptions ResponseReaderOptions = new(leaveOpen: true);
    private static readonly Status DeadlineExceededStatus = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");
    private static readonly Status CancelledByTokenStatus = new(StatusCode.Cancelled, "Call canceled by the client.");
    private static readonly Status DisposedStatus = new(StatusCode.Cancelled, "gRPC call disposed.");

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly string? _host;
    private readonly CancellationTokenSource _callCts = new();
    private DateTime? _deadline;
    private CancellationTokenRegistration _cancellationRegistration;
    private Timer? _deadlineTimer;
    private ICompressionProvider? _requestCompressionProvider;
    private StreamingRequestContent? _streamingContent;
    private HttpResponseMessage? _response;
    private GrpcMessageReader? _messageReader;
    private HttpContentClientStreamReader<TRequest, TResponse>? _responseStreamReader;
    private bool _trailersOnly;
    private int _finishState;
    private bool _cancelledLocally;
    private Status _status;
    private Metadata? _trailers;
    private HttpHeaders? _trailerHeaders;

    // Telemetry: the call's client span (null when nobody samples it), when it started, and its message counts.
    private GrpcMethodInfo? _methodInfo;
    private Activity? _activity;
    private long _startTimestamp;
    private int _requestMessages;
    private int _responseMessages;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _host = host;
        Options = options;
    }

    public CallOptions Options { get; }

    /// <summary>Cancelled when the call ends early: aborts the request and every pending read and write.</summary>
    public CancellationToken CallToken => _callCts.Token;

    public bool IsFinished => Volatile.Read(ref _finishState) == Finished;

    public int? MaxSendMessageSize => _channel.MaxSendMessageSize;

    public AsyncUnaryCall<TResponse> StartUnary(TRequest request)
    {
        var response = RunSingleResponseCallAsync(request);
        return new AsyncUnaryCall<TResponse>(response, Callbacks.ResponseHeaders, Callbacks.Status, Callbacks.Trailers, Callbacks.Dispose, this);
    }

    public AsyncServerStreamingCall<TResponse> StartServerStreaming(TRequest request)
    {
        var responseStream = _responseStreamReader = new HttpContentClientStreamReader<TRequest, TResponse>(this, StartStreamingResponseAsync(request));
        return new AsyncServerStreamingCall<TResponse>(responseStream, Callbacks.ResponseHeaders, Callbacks.Status, Callbacks.Trailers, Callbacks.Dispose, this);
    }

    public AsyncClientStreamingCall<TRequest, TResponse> StartClientStreaming()
    {
        _streamingContent = new StreamingRequestContent();
        var requestStream = new HttpContentClientStreamWriter<TRequest, TResponse>(this, _streamingContent);
        var response = RunSingleResponseCallAsync(request: null);
        requestStream.ResponseTask = response;
        return new AsyncClientStreamingCall<TRequest, TResponse>(requestStream, response, Callbacks.ResponseHeaders, Callbacks.Status, Callbacks.Trailers, Callbacks.Dispose, this);
    }

    public AsyncDuplexStreamingCall<TRequest, TResponse> StartDuplexStreaming()
    {
        _streamingContent = new StreamingRequestContent();
        var requestStream = new HttpContentClientStreamWriter<TRequest, TResponse>(this, _streamingContent);
        var responseStream = _responseStreamReader = new HttpContentClientStreamReader<TRequest, TResponse>(this, StartStreamingResponseAsync(request: null));
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(requestStream, responseStream, Callbacks.ResponseHeaders, Callbacks.Status, Callbacks.Trailers, Callbacks.Dispose, this);
    }

    /// <summary>Serializes one request message into the request pipe (streaming calls).</summary>
    public void WriteRequestMessage(TRequest message, PipeWriter output, WriteOptions? writeOptions)
    {
        GrpcSerializationContext.WriteMessage(_method.RequestMarshaller.ContextualSerializer, message, output, CompressionFor(writeOptions), _channel.MaxSendMessageSize);
        Interlocked.Increment(ref _requestMessages);
    }

    /// <summary>Counts a response message the reader handed out (the per-call message count metric).</summary>
    public void OnResponseMessage() => Interlocked.Increment(ref _responseMessages);

    /// <summary>Reads the next response message; null at the end of the body.</summary>
    public ValueTask<TResponse?> ReadResponseMessageAsync() =>
        _messageReader!.ReadMessageAsync(_method.ResponseMarshaller.ContextualDeserializer, _callCts.Token);

    /// <summary>Reads the status from the trailers once the body has ended, and settles the call with it.</summary>
    public void FinishFromTrailers()
    {
        var response = _response!;
        TryFinish(GrpcResponse.GetStatusFromTrailers(response), trailers: null, trailerHeaders: response.TrailingHeaders);
    }

    public void CompleteMessageReader() => _messageReader?.Complete();

    /// <summary>Cancels the call with <paramref name="status"/> unless it has already finished.</summary>
    public void Cancel(Status status)
    {
        if (Volatile.Read(ref _finishState) == Running)
        {
            _cancelledLocally = true;
            TryFinish(status, trailers: null, trailerHeaders: null);
        }
    }

    public void CancelFromToken() => Cancel(CancelledByTokenStatus);

    /// <summary>Settles a failure: the status the call already has, or one resolved from the exception.</summary>
    public void Fail(Exception exception)
    {
        if (Volatile.Read(ref _finishState) == Running)
        {
            TryFinish(ResolveFailure(exception), GetRpcExceptionTrailers(exception), trailerHeaders: null);
        }
    }

    /// <summary>What awaiting the call throws now that it has ended with a non-OK status.</summary>
    public Exception CreateFailureException()
    {
        SpinWaitUntilFinished();
        if (_cancelledLocally && _channel.ThrowOperationCanceledOnCancellation && _status.StatusCode is StatusCode.Cancelled or StatusCode.DeadlineExceeded)
        {
            return new OperationCanceledException(_status.Detail, _status.DebugException);
        }

        return new RpcException(_status, GetTrailers());
    }

    /// <summary>The status of a call that has finished, or is being finished by another thread right now.</summary>
    public Status WaitForStatus()
    {
        SpinWaitUntilFinished();
        return _status;
    }

    public Status GetStatus()
    {
        if (Volatile.Read(ref _finishState) != Finished)
        {
            throw new InvalidOperationException("Unable to get the status because the call is not complete.");
        }

        return _status;
    }

    public Metadata GetTrailers()
    {
        if (Volatile.Read(ref _finishState) != Finished)
        {
            throw new InvalidOperationException("Can't get the trailers because the call has not completed.");
        }

        if (_trailers is null && _trailerHeaders is not null)
        {
            // Built on first use: most successful calls never look at their trailers.
            Interlocked.CompareExchange(ref _trailers, GrpcResponse.BuildMetadata(_trailerHeaders), null);
        }

        return _trailers ?? Metadata.Empty;
    }

    public void Dispose()
    {
        Cancel(DisposedStatus);
        _responseStreamReader?.CompleteIfIdle();
    }

    private async Task<TResponse> RunSingleResponseCallAsync(TRequest? request)
    {
        try
        {
            if (await SendAsync(request).ConfigureAwait(false) is { } headersStatus)
            {
                // A unary answer must carry a message: a Trailers-Only OK is a broken server.
                TryFinish(headersStatus.StatusCode == StatusCode.OK ? NoMessageStatus() : headersStatus, trailers: null, HeadersAsTrailers());
            }
            else
            {
                // Read to the end of the body: only then have the trailers arrived.
                var message = await ReadResponseMessageAsync().ConfigureAwait(false);
                var extraMessage = message is null ? null : await ReadResponseMessageAsync().ConfigureAwait(false);
                _responseMessages = message is null ? 0 : 1;
                var response = _response!;
                var status = GrpcResponse.GetStatusFromTrailers(response);
                if (extraMessage is not null)
                {
                    status = new Status(StatusCode.Internal, "Received more than one message for a call with a single response.");
                }
                else if (message is null && status.StatusCode == StatusCode.OK)
                {
                    status = NoMessageStatus();
                }

                if (TryFinish(status, trailers: null, trailerHeaders: response.TrailingHeaders) && status.StatusCode == StatusCode.OK)
                {
                    return message!;
                }
            }
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        finally
        {
            _messageReader?.Complete();
        }

        throw CreateFailureException();
    }

    private async Task<bool> StartStreamingResponseAsync(TRequest? request)
    {
        try
        {
            if (await SendAsync(request).ConfigureAwait(false) is { } headersStatus)
            {
                TryFinish(headersStatus, trailers: null, HeadersAsTrailers());
                return false;
            }

            return true;
        }
        catch (Exception ex)
        {
            Fail(ex);
            return false;
        }
    }

    /// <summary>
    /// Sends the request and checks the response headers. Returns null when response messages follow, or the
    /// status the headers already settle (Trailers-Only, a non-200 HTTP status, a non-gRPC content-type).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Status?> SendAsync(TRequest? request)
    {
        // Started in this async method so the span is current while the request is sent (HttpClient's own
        // span becomes its child) and stops being current for the caller once this returns.
        _startTimestamp = Stopwatch.GetTimestamp();
        _methodInfo = _channel.GetMethodInfo(_method);
        _activity = GrpcClientDiagnostics.StartActivity(_methodInfo, _channel.Address);
        StartDeadlineAndCancellation();
        if (Volatile.Read(ref _finishState) != Running)
        {
            // The deadline had passed, or the caller's token was cancelled, before anything was sent.
            throw new OperationCanceledException(_callCts.Token);
        }

        var httpRequest = CreateHttpRequest();
        var unaryContent = request is null ? null : CreateUnaryContent(request);
        HttpResponseMessage response;
        try
        {
            httpRequest.Content = unaryContent ?? (HttpContent?)_streamingContent;
            for (var retries = 0; ; retries++)
            {
                try
                {
                    response = await _channel.SendAsync(httpRequest, _callCts.Token).ConfigureAwait(false);
                    break;
                }
                catch (HttpRequestException ex) when (unaryContent is not null && retries < MaxRefusedStreamRetries && IsRefusedStream(ex) && Volatile.Read(ref _finishState) == Running)
                {
                    // REFUSED_STREAM: the server did not process the call, typically because the stream was
                    // opened before its SETTINGS (a concurrent stream limit) arrived. The protocol allows a
                    // transparent retry and a unary body can be sent again; the bound keeps a server that
                    // refuses everything from holding the call until its deadline.
                    httpRequest = CreateHttpRequest();
                    httpRequest.Content = unaryContent;
                }
            }
        }
        finally
        {
            // Returns a unary body's pooled buffer once the handler is done with it.
            unaryContent?.Dispose();
        }

        // Full fence: either Dispose sees the response and disposes it, or this sees the call finished.
        Interlocked.Exchange(ref _response, response);
        if (Volatile.Read(ref _finishState) != Running)
        {
            response.Dispose();
            throw new OperationCanceledException(_callCts.Token);
        }

        var status = GrpcResponse.ValidateHeaders(response, out _trailersOnly);
        if (status is null)
        {
            // The handler's response content hands out its stream synchronously; the async overload would only
            // wrap it in a task.
            var body = response.Content.ReadAsStream(_callCts.Token);
            var encoding = GrpcResponse.GetValue(response.Headers, GrpcProtocolConstants.MessageEncodingHeader);
            _messageReader = new GrpcMessageReader(PipeReader.Create(body, ResponseReaderOptions), _channel.MaxReceiveMessageSize, _channel.CompressionProviders, encoding);
            SetResponseHeadersReceived();
        }
        else if (_trailersOnly && status.Value.StatusCode == StatusCode.OK)
        {
            SetResponseHeadersReceived();
        }

        return status;
    }

    /// <summary>Arms the deadline and the caller's token.</summary>
    private void StartDeadlineAndCancellation()
    {
        if (Options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            _deadline = ToUniversalTime(deadline);
            var remaining = _deadline.Value - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                Cancel(DeadlineExceededStatus);
                return;
            }

            // The client enforces the deadline too: a server that ignores grpc-timeout (or a lost connection)
            // must not hold the caller past it. Timers reach ~49 days; beyond that only the server enforces it.
            if (remaining.TotalMilliseconds < uint.MaxValue - 1)
            {
                _deadlineTimer = new Timer(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(DeadlineExceededStatus), this, remaining, Timeout.InfiniteTimeSpan);
            }
        }

        var cancellationToken = Options.CancellationToken;
        if (cancellationToken.CanBeCanceled)
        {
            _cancellationRegistration = cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).CancelFromToken(), this);
        }
    }

    private HttpRequestMessage CreateHttpRequest()
    {
        var httpRequest = new HttpRequestMessage(HttpMethod.Post, (_methodInfo ??= _channel.GetMethodInfo(_method)).RequestUri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var timeout = _deadline - DateTime.UtcNow;
        _requestCompressionProvider = GrpcRequestHeaders.Apply(httpRequest, _channel.CompressionProviders, _host, Options.Headers, timeout);
        if (_activity is not null)
        {
            GrpcClientDiagnostics.Inject(_activity, httpRequest);
        }

        return httpRequest;
    }

    private static bool IsRefusedStream(HttpRequestException exception) =>
        exception.InnerException is HttpProtocolException { ErrorCode: RefusedStreamErrorCode };

    private UnaryRequestContent CreateUnaryContent(TRequest request)
    {
        var buffer = new PooledBufferWriter(0);
        try
        {
            GrpcSerializationContext.WriteMessage(_method.RequestMarshaller.ContextualSerializer, request, buffer, CompressionFor(Options.WriteOptions), _channel.MaxSendMessageSize);
            var rented = buffer.Detach(out var length);
            _requestMessages = 1;
            return new UnaryRequestContent(rented, length);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private ICompressionProvider? CompressionFor(WriteOptions? writeOptions) =>
        writeOptions is not null && (writeOptions.Flags & WriteFlags.NoCompress) != 0 ? null : _requestCompressionProvider;

    /// <summary>
    /// Settles the call once; false when it had already finished. Trailers come as metadata, or as the
    /// received headers to build them from when someone asks for them.
    /// </summary>
    private bool TryFinish(Status status, Metadata? trailers, HttpHeaders? trailerHeaders)
    {
        if (Interlocked.CompareExchange(ref _finishState, Finishing, Running) != Running)
        {
            return false;
        }

        _status = status;
        _trailers = trailers;
        _trailerHeaders = trailerHeaders;
        Volatile.Write(ref _finishState, Finished);

        _deadlineTimer?.Dispose();
        _cancellationRegistration.Unregister();
        _streamingContent?.Abort();
        if (status.StatusCode != StatusCode.OK)
        {
            // Aborts the HTTP/2 stream if still open: the server sees RST_STREAM(CANCEL) and cancels its handler.
            _callCts.Cancel();
        }

        Volatile.Read(ref _response)?.Dispose();
        OnFinishedResponseHeaders();
        GrpcClientDiagnostics.Finish(_activity, _methodInfo ?? _channel.GetMethodInfo(_method), _channel.Address, _method.Type, status, _startTimestamp, Volatile.Read(ref _requestMessages), Volatile.Read(ref _responseMessages));
        return true;
    }

    private Status ResolveFailure(Exception exception) => exception switch
    {
        RpcException rpcException => rpcException.Status,
        OperationCanceledException { InnerException: TimeoutException } => new Status(StatusCode.DeadlineExceeded, "The HTTP client's timeout elapsed.", exception),
        OperationCanceledException => new Status(StatusCode.Cancelled, "The call was canceled.", exception),
        _ => TransportFailure.ToStatus(exception, _response is null ? "Error starting gRPC call." : "Error reading the response."),
    };

    /// <summary>A Trailers-Only response carries its trailers in the headers; other early endings have none.</summary>
    private HttpHeaders? HeadersAsTrailers() => _trailersOnly ? _response!.Headers : null;

    private static Metadata? GetRpcExceptionTrailers(Exception exception) =>
        exception is RpcException { Trailers.Count: > 0 } rpcException ? rpcException.Trailers : null;

    private static Status NoMessageStatus() => new(StatusCode.Internal, "Failed to deserialize response message: the response has no message.");

    private static DateTime ToUniversalTime(DateTime deadline) =>
        deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : deadline;

    private void SpinWaitUntilFinished()
    {
        // Another thread may be between claiming the finish and publishing the status: a few instructions.
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _finishState) != Finished)
        {
            spinner.SpinOnce();
        }
    }

    /// <summary>State-taking callbacks for the call objects, so starting a call allocates no closures.</summary>
    private static class Callbacks
    {
        public static readonly Func<object, Task<Metadata>> ResponseHeaders = static state => ((GrpcCall<TRequest, TResponse>)state).GetResponseHeadersAsync();
        public static readonly Func<object, Status> Status = static state => ((GrpcCall<TRequest, TResponse>)state).GetStatus();
        public static readonly Func<object, Metadata> Trailers = static state => ((GrpcCall<TRequest, TResponse>)state).GetTrailers();
        public static readonly Action<object> Dispose = static state => ((GrpcCall<TRequest, TResponse>)state).Dispose();
    }
}
