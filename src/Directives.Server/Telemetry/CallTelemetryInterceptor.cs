using Directives.Server.Tenancy;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Directives.Server.Telemetry;

/// <summary>
/// Puts the call's province (and the caller's agency, when the caller has one) on the call's server span
/// and on its metrics (the transport's RPC histograms and ASP.NET Core's request duration); spans and log
/// records made inside the call take them from the span (<see cref="CallAttributes"/>). Runs after tenant
/// resolution, so only a province the caller was authorized for is ever recorded, never one a refused
/// request merely named. Records the request metadata keys an operator opted into, and nothing else of
/// the request: no token, no names.
/// </summary>
internal sealed class CallTelemetryInterceptor(IOptions<TelemetryOptions> options) : Interceptor
{
    private const string AllProvinces = "-";
    private readonly string[] _capturedMetadata = [.. options.Value.CaptureRequestMetadata.Select(key => key.ToLowerInvariant())];

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Tag(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Tag(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Tag(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Tag(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Tag(ServerCallContext context)
    {
        var httpContext = context.GetHttpContext();
        var activity = httpContext.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is not null && _capturedMetadata.Length > 0)
        {
            CaptureMetadata(activity, httpContext.Request.Headers);
        }

        if (httpContext.RequestServices.GetService<TenantContext>() is not { IsResolved: true } tenant || tenant.Scope == TenantScope.Registry)
        {
            return;
        }

        var call = new CallAttributes(tenant.Province?.Id ?? AllProvinces, tenant.Caller.Agency);
        if (activity is not null)
        {
            // Set even when the span is not recorded: its children and the call's log records read it.
            call.ApplyTo(activity);
        }

        var features = httpContext.Features;
        if (features.Get<IGrpcMetricsTagsFeature>() is { } grpcTags)
        {
            AddTags(grpcTags.Tags, call);
        }

        if (features.Get<IHttpMetricsTagsFeature>() is { } httpTags)
        {
            AddTags(httpTags.Tags, call);
        }
    }

    private static void AddTags(ICollection<KeyValuePair<string, object?>> tags, CallAttributes call)
    {
        tags.Add(new(TelemetryNames.Province, call.Province));
        if (call.Agency is not null)
        {
            tags.Add(new(TelemetryNames.Agency, call.Agency));
        }
    }

    private void CaptureMetadata(System.Diagnostics.Activity activity, IHeaderDictionary headers)
    {
        foreach (var key in _capturedMetadata)
        {
            if (headers.TryGetValue(key, out var values))
            {
                activity.SetTag(TelemetryNames.RequestMetadataPrefix + key, values.ToArray());
            }
        }
    }
}
