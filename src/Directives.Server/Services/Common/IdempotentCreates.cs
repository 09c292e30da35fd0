using Directives.Data;
using Directives.Data.Errors;
using Directives.Server.Api;
using Google.Protobuf;
using Grpc.Core;

namespace Directives.Server.Services.Common;

/// <summary>
/// The request_id rule of Create methods (common.proto): a retry with the same request_id returns the
/// first call's result, byte for byte, and writes nothing; the same request_id with another request is
/// ALREADY_EXISTS (REQUEST_ID_REUSED). The record is written with the created resource, in the same
/// transaction, so a failed Create consumes no request_id.
/// </summary>
internal sealed class IdempotentCreate<TResponse>
    where TResponse : IMessage<TResponse>, new()
{
    private static readonly MessageParser<TResponse> Parser = new(() => new TResponse());

    private IdempotentCreate(string? requestId, string method, byte[] fingerprint)
    {
        RequestId = requestId;
        Method = method;
        Fingerprint = fingerprint;
    }

    /// <summary>The request_id in its canonical form, or null when the request has none.</summary>
    public string? RequestId { get; }

    public string Method { get; }

    public byte[] Fingerprint { get; }

    /// <summary>Checks the request_id's form (INVALID_ARGUMENT) and fingerprints the request as received.</summary>
    public static IdempotentCreate<TResponse> For(IMessage request, string? requestId, string method, string field = "request_id")
        => new(RequestIds.Parse(requestId, field)?.ToString("D"), method, RequestFingerprint.Compute(request));

    /// <summary>The first call's response when this is a retry; null when the request_id is new or absent.</summary>
    public async Task<TResponse?> FindFirstResultAsync(ProvinceDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (RequestId is null || await db.Idempotency.FindAsync(RequestId, now, cancellationToken) is not { } record)
        {
            return default;
        }

        if (!record.Matches(Method, Fingerprint))
        {
            throw ApiErrors.RequestIdReused(RequestId);
        }

        return record.Response is { } bytes ? Parser.ParseFrom(bytes) : throw ApiErrors.RequestIdReused(RequestId);
    }

    /// <summary>
    /// Whether a failed Create may have lost a race to a concurrent call with the same request_id: that
    /// call's resource makes this one's id, number or request_id look taken. Such a failure is answered
    /// as a retry of the winner when its record is there (<see cref="FindFirstResultAsync"/>).
    /// </summary>
    public bool MayHaveLostTheRaceWith(Exception exception)
        => RequestId is not null
            && exception is DuplicateKeyException or RpcException { StatusCode: StatusCode.AlreadyExists };

    /// <summary>Remembers <paramref name="response"/> for the request_id; saved with the resource.</summary>
    public void Remember(ProvinceDbContext db, string resourceName, TResponse response, DateTimeOffset now)
    {
        if (RequestId is not null)
        {
            db.Idempotency.Remember(RequestId, Method, Fingerprint, resourceName, response.ToByteArray(), now);
        }
    }
}
