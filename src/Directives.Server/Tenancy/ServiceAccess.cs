using Directives.Server.Auth;

namespace Directives.Server.Tenancy;

/// <summary>One row of <see cref="AccessPolicyTable"/>: who may call a service's reads and mutations.</summary>
/// <param name="Service">The full service name, <c>directives.v1.TaskService</c>.</param>
/// <param name="Scope">Whose data the service serves.</param>
/// <param name="Readers">The roles allowed every read method (<see cref="MethodKinds"/>).</param>
/// <param name="Writers">The roles allowed every mutation.</param>
internal sealed record ServiceAccess(string Service, MethodScope Scope, CallerRoles Readers, CallerRoles Writers)
{
    /// <summary>Methods whose roles differ from their kind's, by method name.</summary>
    public IReadOnlyDictionary<string, CallerRoles> Methods { get; init; } = new Dictionary<string, CallerRoles>();

    /// <summary>Methods whose request <c>parent</c> may be <c>provinces/-</c> (ministry callers only).</summary>
    public IReadOnlySet<string> AcrossProvinces { get; init; } = new HashSet<string>();
}
