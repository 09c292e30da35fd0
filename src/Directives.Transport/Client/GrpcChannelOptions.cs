using Grpc.Core.Protocol;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Compression;

namespace Grpc.Net.Client;

/// <summary>How a <see cref="GrpcChannel"/> connects and what limits its calls observe.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>
    /// The handler calls are sent with. When neither this nor <see cref="HttpClient"/> is set the channel
    /// creates a <see cref="SocketsHttpHandler"/> tuned for gRPC. Pass your own handler for custom TLS
    /// certificates, proxies or connection settings.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>An <see cref="System.Net.Http.HttpClient"/> to send calls with, instead of <see cref="HttpHandler"/>.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpClient"/> or <see cref="HttpHandler"/>.</summary>
    public bool DisposeHttpClient { get; set; }

    /// <summary>The largest message the client accepts, in bytes; null for no limit. Default 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocolConstants.DefaultMaxReceiveMessageSize;

    /// <summary>The largest message the client sends, in bytes; null (the default) for no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// The message encodings the client can compress and decompress, offered to servers in
    /// <c>grpc-accept-encoding</c>. Null means gzip. Identity is always supported.
    /// </summary>
    public IList<ICompressionProvider>? CompressionProviders { get; set; }

    /// <summary>
    /// Throw <see cref="OperationCanceledException"/> instead of <see cref="Grpc.Core.RpcException"/> when
    /// a call is cancelled or its deadline passes.
    /// </summary>
    public bool ThrowOperationCanceledOnCancellation { get; set; }

    /// <summary>
    /// Balances calls on the client: the addresses it resolves each get their own connections and calls go to
    /// them in turn (round-robin), skipping those whose connection failed. The channel's address still gives the
    /// scheme, host (<c>:authority</c>, TLS name) and port. <c>dns:///host:port</c> addresses set a
    /// <see cref="DnsResolver"/>. Can't be combined with <see cref="HttpHandler"/> or <see cref="HttpClient"/>.
    /// </summary>
    public Resolver? Resolver { get; set; }

    /// <summary>How often a balancing channel resolves its addresses again; also at once on a lost connection. Default 30 s.</summary>
    public TimeSpan ResolveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Methods (<c>package.Service/Method</c>, or <c>package.Service/*</c>) that a balancing channel may send
    /// again on another address when the connection broke before the response began: the server may have run
    /// them, so only for methods that are safe to run twice. Calls that could not connect are always sent again.
    /// </summary>
    public IList<string> IdempotentMethods { get; } = [];
}
