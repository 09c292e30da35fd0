using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Grpc.StatusProto;

/// <summary>
/// Builds a <see cref="Google.Rpc.Status"/> whose details are packed in <see cref="Any"/>:
/// <code>
/// throw new RpcStatusBuilder(StatusCode.NotFound, "Directive not found.")
///     .AddDetail(new ErrorInfo { Type = "DIRECTIVE_NOT_FOUND", Domain = "directives.gov.vn" })
///     .AddDetail(new LocalizedMessage { Locale = "vi-VN", Message = "Không tìm thấy văn bản." })
///     .ToRpcException();
/// </code>
/// </summary>
public sealed class RpcStatusBuilder
{
    private readonly Google.Rpc.Status _status;

    public RpcStatusBuilder(StatusCode code, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (code == StatusCode.OK)
        {
            // An OK call carries no error model; details on it would be ignored by every peer.
            throw new ArgumentException("A rich status describes a failure: its code can't be OK.", nameof(code));
        }

        _status = new Google.Rpc.Status { Code = (int)code, Message = message };
    }

    /// <summary>Adds a detail (ErrorInfo, BadRequest, PreconditionFailure, ResourceInfo, QuotaFailure, RetryInfo, LocalizedMessage, …).</summary>
    public RpcStatusBuilder AddDetail(IMessage detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        _status.Details.Add(Any.Pack(detail));
        return this;
    }

    /// <summary>A copy of the status built so far.</summary>
    public Google.Rpc.Status Build() => _status.Clone();

    /// <summary>The exception that ends a call with this status (see <see cref="RpcStatusExtensions.ToRpcException(Google.Rpc.Status)"/>).</summary>
    public RpcException ToRpcException() => Build().ToRpcException();
}
