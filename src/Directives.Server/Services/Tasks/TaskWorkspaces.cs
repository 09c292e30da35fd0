using Directives.Data;
using Directives.Server.Tenancy;

namespace Directives.Server.Services.Tasks;

/// <summary>Opens <see cref="TaskWorkspace"/>s: on the calling tenant's province, or on each province of a ministry read.</summary>
internal sealed class TaskWorkspaces(IProvinceDbContextFactory databases, ITenantContext tenant, TimeProvider time)
{
    public ITenantContext Tenant => tenant;

    /// <summary>The instant of the call: every province of a cross-province read is read as of the same one.</summary>
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>A workspace on the caller's province (the resolved tenant's, never a request field's).</summary>
    public Task<TaskWorkspace> OpenAsync(CancellationToken cancellationToken)
        => OpenAsync(tenant.Province ?? throw new InvalidOperationException("This call is not on one province."), cancellationToken);

    /// <summary>A workspace on <paramref name="province"/>, for a cross-province read the tenant resolution allowed.</summary>
    public Task<TaskWorkspace> OpenAsync(ProvinceRecord province, CancellationToken cancellationToken)
        => TaskWorkspace.OpenAsync(databases, province, tenant, Now, cancellationToken);
}
