using Directives.Server.Api;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Directives.Server.Tenancy;

/// <summary>
/// Runs tenant resolution for every directives.v1 call before its service: authenticates the caller,
/// applies the method's policy, and fills the request's <see cref="TenantContext"/>. Calls of other
/// services (grpc.health.v1, grpc.reflection.*) pass through untouched. A refused call ends with the
/// refusal's status and the service never runs, so no data can leave.
/// </summary>
internal sealed class TenantInterceptor(MethodPolicies policies, TenantResolver resolver) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await ResolveAsync(request, context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await ResolveAsync(request, context);
        await continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        // The contract has no request-streaming method (MethodPolicies refuses one at startup); were one
        // mapped anyway, it has no policy and is refused here.
        await ResolveAsync(request: null, context);
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await ResolveAsync(request: null, context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task ResolveAsync(object? request, ServerCallContext context)
    {
        if (!context.Method.StartsWith(MethodPolicies.ApiMethodPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var httpContext = context.GetHttpContext();
        var caller = await CallerAuthentication.AuthenticateAsync(httpContext);
        var method = context.Method.TrimStart('/');
        if (policies.Find(context.Method) is not { } policy || request is not IMessage message)
        {
            throw ApiErrors.RoleRequired(method, []);
        }

        var resolution = await resolver.ResolveAsync(caller, policy, message, ProvinceHints.From(httpContext.Request), context.CancellationToken);
        httpContext.RequestServices.GetRequiredService<TenantContext>().Set(resolution);
    }
}
