using System.Collections.Concurrent;
using Directives.Server.Tenancy;

namespace Directives.Server.Tests.Tenancy.Infrastructure;

/// <summary>What the test services saw: proof that a refused call never reached a service.</summary>
internal sealed class ServiceCallLog
{
    private readonly ConcurrentQueue<ServiceCall> _calls = new();

    public IReadOnlyCollection<ServiceCall> Calls => _calls;

    public void Record(string method, ITenantContext tenant) =>
        _calls.Enqueue(new ServiceCall(method, tenant.Scope, tenant.Province?.Id, tenant.Caller.Subject));
}

internal sealed record ServiceCall(string Method, TenantScope Scope, string? Province, string Subject);
