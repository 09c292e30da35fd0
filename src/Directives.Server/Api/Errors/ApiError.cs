using Directives.Contracts.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Directives.Server.Api;

/// <summary>
/// One failure as the API reports it (AIP-193): a status code, an English message, and the details
/// every error carries — an ErrorInfo in the <c>directives.gov.vn</c> domain and a vi-VN
/// LocalizedMessage — plus whichever of BadRequest, PreconditionFailure, ResourceInfo and RetryInfo apply.
/// </summary>
internal sealed class ApiError
{
    public const string Domain = "directives.gov.vn";
    public const string VietnameseLocale = "vi-VN";

    private readonly StatusCode _code;
    private readonly string _message;
    private readonly string _vietnameseMessage;
    // ErrorInfo.Type is field 1, which later versions of error_details.proto call `reason`; CommonProtos
    // 2.0.0 predates the rename, the wire format is the same.
    private readonly ErrorInfo _errorInfo;
    private readonly List<IMessage> _details = [];

    public ApiError(ErrorReason reason, string message, string vietnameseMessage)
        : this(ErrorReasonStatus.Of(reason), ErrorReasonNames.Of(reason), message, vietnameseMessage)
    {
    }

    /// <summary>For a reason spelled as a string, as the domain gives them.</summary>
    public ApiError(StatusCode code, string reason, string message, string vietnameseMessage)
    {
        _code = code;
        _message = message;
        _vietnameseMessage = vietnameseMessage;
        _errorInfo = new ErrorInfo { Domain = Domain, Type = reason };
    }

    /// <summary>Adds an ErrorInfo metadata entry; empty values are left out rather than sent blank.</summary>
    public ApiError WithMetadata(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _errorInfo.Metadata[key] = value;
        }

        return this;
    }

    public ApiError WithDetail(IMessage detail)
    {
        _details.Add(detail);
        return this;
    }

    public RpcException ToRpcException()
    {
        var builder = new RpcStatusBuilder(_code, _message)
            .AddDetail(_errorInfo)
            .AddDetail(new LocalizedMessage { Locale = VietnameseLocale, Message = _vietnameseMessage });
        foreach (var detail in _details)
        {
            builder.AddDetail(detail);
        }

        return builder.ToRpcException();
    }
}
