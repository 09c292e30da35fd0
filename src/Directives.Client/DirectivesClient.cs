using Directives.Client.Calls;
using Directives.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Directives.Client;

/// <summary>
/// The directives.v1 API for a thick client: one channel to the server, and typed clients whose calls
/// carry the token and province, get a default deadline, are retried after UNAVAILABLE when that is safe,
/// and fail with typed <see cref="Errors.DirectivesException"/>s.
/// </summary>
/// <example>
/// <code>
/// using var client = new DirectivesClient(new DirectivesClientOptions
/// {
///     Address = new Uri("http://localhost:5000"), Token = token, Province = "hung-yen",
/// });
/// var page = await client.Directives.ListDirectivesAsync(new ListDirectivesRequest { Parent = "provinces/hung-yen" });
/// </code>
/// </example>
public sealed class DirectivesClient : IDisposable
{
    private readonly GrpcChannel _channel;

    public DirectivesClient(DirectivesClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _channel = GrpcChannel.ForAddress(options.Address, new GrpcChannelOptions
        {
            HttpHandler = options.HttpHandler,
            DisposeHttpClient = options.HttpHandler is not null,
        });

        // Outermost first: errors see the final outcome, every retry carries the defaults and shares the deadline.
        CallInvoker = _channel.Intercept(
            new ErrorInterceptor(),
            new CallDefaultsInterceptor(options),
            new RetryInterceptor(options.Retry, options.TimeProvider));
        Directives = new DirectiveService.DirectiveServiceClient(CallInvoker);
        Tasks = new TaskService.TaskServiceClient(CallInvoker);
        Agencies = new AgencyService.AgencyServiceClient(CallInvoker);
        Committees = new CommitteeService.CommitteeServiceClient(CallInvoker);
        Changes = new ChangeFeedService.ChangeFeedServiceClient(CallInvoker);
        Provinces = new ProvinceService.ProvinceServiceClient(CallInvoker);
    }

    public DirectivesClientOptions Options { get; }

    /// <summary>The invoker behind the typed clients, for clients of other services on the same channel.</summary>
    public CallInvoker CallInvoker { get; }

    public DirectiveService.DirectiveServiceClient Directives { get; }

    public TaskService.TaskServiceClient Tasks { get; }

    public AgencyService.AgencyServiceClient Agencies { get; }

    public CommitteeService.CommitteeServiceClient Committees { get; }

    public ChangeFeedService.ChangeFeedServiceClient Changes { get; }

    public ProvinceService.ProvinceServiceClient Provinces { get; }

    public void Dispose() => _channel.Dispose();
}
