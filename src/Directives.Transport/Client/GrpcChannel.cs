using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client.Balancer;

namespace Grpc.Net.Client;

/// <summary>
/// A gRPC channel over HTTP/2 on <see cref="HttpClient"/>'s handler stack: h2c for <c>http://</c> addresses
/// (prior knowledge), ALPN h2 for <c>https://</c>. Create one per server and share it; it is thread-safe
/// and its connections are pooled.
/// </summary>
/// <remarks>
/// The connection layer is the <see cref="HttpMessageInvoker"/> the channel sends every call with; the channel
/// itself only frames messages. Client-side load balancing plugs in there, as a handler that picks a
/// connection per request, without touching call handling.
/// </remarks>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly ConcurrentDictionary<IMethod, GrpcMethodInfo> _methodInfos = new();
    private readonly HttpClient? _httpClient;
    private readonly bool _disposeHttpInvoker;
    private readonly string _baseAddress;
    private volatile bool _disposed;

    private GrpcChannel(Uri address, GrpcChannelOptions options, Resolver? resolver)
        : base(address.Authority)
    {
        if (options.HttpClient is not null && options.HttpHandler is not null)
        {
            throw new ArgumentException("HttpClient and HttpHandler can't both be set.", nameof(options));
        }

        if (resolver is not null && (options.HttpClient is not null || options.HttpHandler is not null))
        {
            throw new ArgumentException("A Resolver (or a dns: address) can't be combined with HttpClient or HttpHandler.", nameof(options));
        }

        if (options.MaxReceiveMessageSize < 0 || options.MaxSendMessageSize < 0)
        {
            throw new ArgumentException("Message size limits can't be negative.", nameof(options));
        }

        Address = address;
        _baseAddress = address.GetLeftPart(UriPartial.Authority) + address.AbsolutePath.TrimEnd('/');
        if (options.HttpClient is { } httpClient)
        {
            _httpClient = httpClient;
            HttpInvoker = httpClient;
            _disposeHttpInvoker = options.DisposeHttpClient;
        }
        else if (options.HttpHandler is { } handler)
        {
            HttpInvoker = new HttpMessageInvoker(handler, disposeHandler: options.DisposeHttpClient);
            _disposeHttpInvoker = true;
        }
        else if (resolver is not null)
        {
            HttpInvoker = new HttpMessageInvoker(
                new RoundRobinHandler(resolver, options.ResolveInterval, new IdempotentMethods(options.IdempotentMethods)), disposeHandler: true);
            _disposeHttpInvoker = true;
        }
        else
        {
            HttpInvoker = new HttpMessageInvoker(DefaultHttpHandler.Create(), disposeHandler: true);
            _disposeHttpInvoker = true;
        }

        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        CompressionProviders = new CompressionProviderMap(options.CompressionProviders);
        ThrowOperationCanceledOnCancellation = options.ThrowOperationCanceledOnCancellation;
        CallInvoker = new HttpClientCallInvoker(this);
    }

    internal Uri Address { get; }

    internal HttpMessageInvoker HttpInvoker { get; }

    internal int? MaxReceiveMessageSize { get; }

    internal int? MaxSendMessageSize { get; }

    internal CompressionProviderMap CompressionProviders { get; }

    internal bool ThrowOperationCanceledOnCancellation { get; }

    private HttpClientCallInvoker CallInvoker { get; }

    public static GrpcChannel ForAddress(string address) => ForAddress(address, new GrpcChannelOptions());

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions channelOptions)
    {
        ArgumentNullException.ThrowIfNull(address);
        return ForAddress(new Uri(address, UriKind.Absolute), channelOptions);
    }

    public static GrpcChannel ForAddress(Uri address) => ForAddress(address, new GrpcChannelOptions());

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions channelOptions)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(channelOptions);
        if (address.IsAbsoluteUri && address.Scheme == "dns")
        {
            // dns:///host:port (gRPC's name syntax; an authority naming a DNS server is ignored): every address of
            // the name, balanced per call, over h2c.
            var target = new Uri("http://" + address.AbsolutePath.TrimStart('/'), UriKind.Absolute);
            if (target.IsDefaultPort && !address.AbsolutePath.EndsWith(":80", StringComparison.Ordinal))
            {
                throw new ArgumentException("A dns: address needs a port: dns:///host:port", nameof(address));
            }

            return new GrpcChannel(target, channelOptions, channelOptions.Resolver ?? new DnsResolver(target.IdnHost, target.Port));
        }

        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The address must be an absolute http://, https:// or dns:/// URI: " + address, nameof(address));
        }

        return new GrpcChannel(address, channelOptions, channelOptions.Resolver);
    }

    /// <summary>The invoker generated clients call through; one per channel, shared by every client.</summary>
    public override CallInvoker CreateCallInvoker()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return CallInvoker;
    }

    /// <summary>
    /// Releases the connection layer when the channel owns it. Calls in flight then fail; calls started
    /// afterwards throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_disposeHttpInvoker)
        {
            HttpInvoker.Dispose();
        }
    }

    protected override Task ShutdownAsyncCore()
    {
        Dispose();
        return Task.CompletedTask;
    }

    internal GrpcMethodInfo GetMethodInfo(IMethod method) =>
        _methodInfos.GetOrAdd(method, static (m, channel) => new GrpcMethodInfo(new Uri(channel._baseAddress + m.FullName), m), this);

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Sends a call's request and returns as soon as the response headers arrive.</summary>
    internal Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _httpClient is null
            ? HttpInvoker.SendAsync(request, cancellationToken)
            : _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
