using System.Threading.RateLimiting;
using Directives.Server.Api;
using Grpc.StatusProto;
using Microsoft.AspNetCore.RateLimiting;

namespace Directives.Server.RateLimiting;

/// <summary>
/// Answers a refused call as gRPC does, not with HTTP 429: a trailers-only response (HTTP 200, the status
/// in the headers) with RESOURCE_EXHAUSTED, ErrorInfo RATE_LIMITED and a RetryInfo with the bucket's delay.
/// </summary>
internal static class GrpcRateLimitRejection
{
    /// <summary>The delay when a limiter gives none: one replenishment period is the usual wait.</summary>
    private static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(1);

    public static ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lease = context.Lease;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var delay) ? delay : DefaultRetryDelay;
        var scope = lease.TryGetMetadata(RateLimitScope.MetadataName, out var named) && named is string text ? text : RateLimitScope.Caller;
        var error = ApiErrors.RateLimited(scope, retryAfter);

        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)error.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(error.Status.Detail);
        if (error.Trailers.Get(MetadataExtensions.StatusDetailsTrailerName) is { IsBinary: true } details)
        {
            // Binary metadata travels base64-encoded; gRPC peers accept it padded or not.
            response.Headers[MetadataExtensions.StatusDetailsTrailerName] = Convert.ToBase64String(details.ValueBytes).TrimEnd('=');
        }

        return ValueTask.CompletedTask;
    }
}
