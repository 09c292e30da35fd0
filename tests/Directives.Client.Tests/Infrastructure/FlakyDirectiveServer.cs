using System.Collections.Concurrent;
using Directives.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Task = System.Threading.Tasks.Task;

namespace Directives.Client.Tests.Infrastructure;

/// <summary>
/// A real gRPC server (Kestrel, loopback, h2c) whose DirectiveService fails the first
/// <see cref="FailuresBeforeSuccess"/> calls of each method with <see cref="FailureCode"/>, then answers,
/// and records every call it received with its metadata.
/// </summary>
public sealed class FlakyDirectiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FlakyDirectiveServer(WebApplication app, FlakyDirectiveService service)
    {
        _app = app;
        Service = service;
        Address = new Uri(app.Urls.First());
    }

    public Uri Address { get; }

    public FlakyDirectiveService Service { get; }

    public static async Task<FlakyDirectiveServer> StartAsync(int failuresBeforeSuccess, StatusCode failureCode = StatusCode.Unavailable)
    {
        var service = new FlakyDirectiveService(failuresBeforeSuccess, failureCode);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        var app = builder.Build();
        app.MapGrpcService<FlakyDirectiveService>();
        await app.StartAsync();
        return new FlakyDirectiveServer(app, service);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One call as the server saw it.</summary>
public sealed record ReceivedCall(string Method, string? Authorization, string? Province, bool HasDeadline);

public sealed class FlakyDirectiveService(int failuresBeforeSuccess, StatusCode failureCode) : DirectiveService.DirectiveServiceBase
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public StatusCode FailureCode { get; } = failureCode;

    public int FailuresBeforeSuccess { get; } = failuresBeforeSuccess;

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public int CallsOf(string method) => _counts.GetValueOrDefault(method);

    public override Task<Directive> GetDirective(GetDirectiveRequest request, ServerCallContext context)
        => Answer(nameof(GetDirective), context, new Directive { Name = request.Name });

    public override Task<Directive> CreateDirective(CreateDirectiveRequest request, ServerCallContext context)
        => Answer(nameof(CreateDirective), context, new Directive { Name = request.Parent + "/directives/created", Subject = request.Directive.Subject });

    public override Task<Directive> IssueDirective(IssueDirectiveRequest request, ServerCallContext context)
        => Answer(nameof(IssueDirective), context, new Directive { Name = request.Name });

    private Task<Directive> Answer(string method, ServerCallContext context, Directive response)
    {
        var headers = context.RequestHeaders;
        Calls.Enqueue(new ReceivedCall(method, headers.GetValue("authorization"), headers.GetValue("x-province"), context.Deadline != DateTime.MaxValue));
        var count = _counts.AddOrUpdate(method, 1, (_, n) => n + 1);
        return count <= FailuresBeforeSuccess
            ? throw new RpcException(new Status(FailureCode, $"Failure {count} of {FailuresBeforeSuccess}."))
            : Task.FromResult(response);
    }
}
