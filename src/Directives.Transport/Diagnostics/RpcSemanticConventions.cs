using Grpc.Core;

namespace Grpc.Net.Diagnostics;

/// <summary>
/// The attribute and instrument names of OpenTelemetry's RPC semantic conventions that the client and the
/// server record, in one place so both ends spell them the same.
/// </summary>
internal static class RpcSemanticConventions
{
    public const string RpcSystem = "rpc.system";
    public const string RpcService = "rpc.service";
    public const string RpcMethod = "rpc.method";
    public const string GrpcStatusCode = "rpc.grpc.status_code";
    public const string ErrorType = "error.type";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string GrpcSystem = "grpc";

    public const string SecondsUnit = "s";
    public const string CountUnit = "{count}";

    /// <summary>Buckets for call durations in seconds, as OpenTelemetry's advice for HTTP and RPC durations.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>Buckets for messages per call: streams of a few messages up to long pages.</summary>
    public static readonly IReadOnlyList<long> MessageCountBuckets = [0, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];

    /// <summary>
    /// Whether a status makes a server span an error: only the codes that mean the server failed (the
    /// conventions leave a caller's mistake, NOT_FOUND or PERMISSION_DENIED say, unset on the server).
    /// </summary>
    public static bool IsServerError(StatusCode code) => code is StatusCode.Unknown or StatusCode.DeadlineExceeded
        or StatusCode.Unimplemented or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss;

    /// <summary>The <c>error.type</c> value of a status: its code's name, as the conventions suggest.</summary>
    public static string ErrorTypeOf(StatusCode code) => code switch
    {
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => "OK",
    };
}
