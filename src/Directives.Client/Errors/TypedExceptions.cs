using Grpc.Core;

namespace Directives.Client.Errors;

/// <summary>INVALID_ARGUMENT or OUT_OF_RANGE: fix the request; <see cref="DirectivesException.FieldViolations"/> says where.</summary>
public sealed class InvalidArgumentException(RpcException exception) : DirectivesException(exception);

/// <summary>NOT_FOUND: the resource does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException(RpcException exception) : DirectivesException(exception);

/// <summary>ALREADY_EXISTS, ABORTED (a stale etag) or FAILED_PRECONDITION: the resource's state does not allow the call; read it again.</summary>
public sealed class ConflictException(RpcException exception) : DirectivesException(exception);

/// <summary>PERMISSION_DENIED: the caller's role or province does not allow the call.</summary>
public sealed class PermissionDeniedException(RpcException exception) : DirectivesException(exception);

/// <summary>UNAUTHENTICATED: no token, or an invalid or expired one.</summary>
public sealed class UnauthenticatedException(RpcException exception) : DirectivesException(exception);

/// <summary>UNAVAILABLE, RESOURCE_EXHAUSTED or DEADLINE_EXCEEDED: try again later (after <see cref="DirectivesException.RetryDelay"/> when given).</summary>
public sealed class ServiceUnavailableException(RpcException exception) : DirectivesException(exception);
