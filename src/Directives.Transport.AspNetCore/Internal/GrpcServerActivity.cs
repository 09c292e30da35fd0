using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// The server span of a call is the request's activity that ASP.NET Core's hosting starts
/// (<c>Microsoft.AspNetCore.Hosting.HttpRequestIn</c> from the <c>Microsoft.AspNetCore</c> source), with the
/// parent it extracted from <c>traceparent</c>, <c>tracestate</c> and <c>baggage</c>. As gRPC for .NET does,
/// the transport enriches that span rather than starting a child: one server span per call, named
/// <c>{service}/{method}</c> and tagged as the RPC conventions ask.
/// </summary>
internal static class GrpcServerActivity
{
    /// <summary>The request's activity when it records data, renamed and tagged for the call; otherwise null.</summary>
    public static Activity? Enrich(HttpContext httpContext, IMethod method, string spanName)
    {
        var activity = httpContext.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is null || !activity.IsAllDataRequested)
        {
            return null;
        }

        activity.DisplayName = spanName;
        activity.SetTag(RpcSemanticConventions.RpcSystem, RpcSemanticConventions.GrpcSystem);
        activity.SetTag(RpcSemanticConventions.RpcService, method.ServiceName);
        activity.SetTag(RpcSemanticConventions.RpcMethod, method.Name);
        return activity;
    }

    /// <summary>Tags the call's status; the span is an error only for the codes that mean the server failed.</summary>
    public static void Complete(Activity activity, Status status)
    {
        var code = status.StatusCode;
        activity.SetTag(RpcSemanticConventions.GrpcStatusCode, (int)code);
        if (RpcSemanticConventions.IsServerError(code))
        {
            activity.SetTag(RpcSemanticConventions.ErrorType, RpcSemanticConventions.ErrorTypeOf(code));
            activity.SetStatus(ActivityStatusCode.Error, status.Detail);
        }
    }
}
