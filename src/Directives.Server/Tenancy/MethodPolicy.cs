using Directives.Server.Auth;

namespace Directives.Server.Tenancy;

/// <summary>Everything tenant resolution and authorization need to know about one method, worked out at startup.</summary>
/// <param name="FullName">As in <c>ServerCallContext.Method</c>: <c>/directives.v1.TaskService/GetTask</c>.</param>
/// <param name="MethodName">The method's short name, <c>GetTask</c>.</param>
/// <param name="Kind">Read or mutation.</param>
/// <param name="Scope">Whose data it serves.</param>
/// <param name="AllowedRoles">The roles that may call it.</param>
/// <param name="AcceptsAllProvinces">Whether its request <c>parent</c> may be <c>provinces/-</c> (ministry only).</param>
/// <param name="RequestNames">Where the request names provinces.</param>
internal sealed record MethodPolicy(
    string FullName,
    string MethodName,
    MethodKind Kind,
    MethodScope Scope,
    CallerRoles AllowedRoles,
    bool AcceptsAllProvinces,
    ResourceNameFields RequestNames);
