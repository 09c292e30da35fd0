using Directives.Server.Api;
using Directives.Server.Auth;
using Google.Protobuf;

namespace Directives.Server.Tenancy;

/// <summary>
/// Decides, before a directives.v1 service runs, whether the caller may make the call and for which
/// province, failing closed. In order:
/// <list type="number">
/// <item>the caller's roles must allow the method (PERMISSION_DENIED, ROLE_REQUIRED);</item>
/// <item>a provincial caller's own province must exist (NOT_FOUND, PROVINCE_NOT_FOUND) and not be disabled
/// (FAILED_PRECONDITION, PROVINCE_DISABLED), and <c>x-province</c> and the host prefix must name it
/// (PERMISSION_DENIED, PROVINCE_MISMATCH);</item>
/// <item>registry methods stop there; for the others every province named in the request must be the
/// caller's (PROVINCE_MISMATCH), and <c>provinces/-</c> is for the ministry alone (CROSS_PROVINCE_DENIED);</item>
/// <item>a ministry caller's province is the one the request names (or the hints, if it names none),
/// or every province with <c>provinces/-</c> in the <c>parent</c> of a method that accepts it;</item>
/// <item>a caller without a province and without the ministry role is UNAUTHENTICATED (TOKEN_MISSING);</item>
/// <item>a mutation of a READ_ONLY province is FAILED_PRECONDITION (PROVINCE_READ_ONLY).</item>
/// </list>
/// </summary>
internal sealed class TenantResolver(IProvinceRegistry registry)
{
    public async ValueTask<TenantResolution> ResolveAsync(
        CallerIdentity caller,
        MethodPolicy policy,
        IMessage request,
        ProvinceHints hints,
        CancellationToken cancellationToken)
    {
        if (!caller.HasAnyRole(policy.AllowedRoles))
        {
            throw ApiErrors.RoleRequired(policy.FullName.TrimStart('/'), RoleNames.Format(policy.AllowedRoles));
        }

        ProvinceRecord? own = null;
        if (caller.ProvinceId is { } ownId)
        {
            own = await FindServedAsync(ownId, cancellationToken);
            await CheckHintsAsync(hints, ownId, cancellationToken);
        }

        if (policy.Scope == MethodScope.Registry)
        {
            return TenantResolution.ForRegistry(caller);
        }

        var references = policy.RequestNames.Find(request);
        if (own is not null)
        {
            foreach (var reference in references)
            {
                if (reference.IsAllProvinces)
                {
                    throw ApiErrors.CrossProvinceDenied();
                }

                if (reference.Province != own.Id)
                {
                    throw ApiErrors.ProvinceMismatch(reference.Province);
                }
            }

            return Writable(policy, TenantResolution.ForProvince(caller, own));
        }

        if (!caller.HasAnyRole(CallerRoles.Ministry))
        {
            throw ApiErrors.TokenMissing();
        }

        return await ResolveMinistryAsync(caller, policy, request, references, hints, cancellationToken);
    }

    private async ValueTask<TenantResolution> ResolveMinistryAsync(
        CallerIdentity caller,
        MethodPolicy policy,
        IMessage request,
        IReadOnlyList<ProvinceReference> references,
        ProvinceHints hints,
        CancellationToken cancellationToken)
    {
        string? named = null;
        var acrossProvinces = false;
        foreach (var reference in references)
        {
            if (reference.IsAllProvinces)
            {
                if (!policy.AcceptsAllProvinces || reference.Field != "parent")
                {
                    throw ApiErrors.InvalidResourceName(reference.Field, "provinces/- is not accepted here");
                }

                acrossProvinces = true;
            }
            else if (named is null)
            {
                named = reference.Province;
            }
            else if (named != reference.Province)
            {
                throw ApiErrors.ProvinceMismatch(reference.Province);
            }
        }

        if (acrossProvinces)
        {
            // "Every province" and one province in the same call contradict each other; refuse rather than pick.
            var single = named ?? hints.Metadata.FirstOrDefault() ?? await RegisteredHostProvinceAsync(hints, cancellationToken);
            return single is null ? TenantResolution.ForAllProvinces(caller) : throw ApiErrors.ProvinceMismatch(single);
        }

        named ??= hints.Metadata.FirstOrDefault() ?? await RegisteredHostProvinceAsync(hints, cancellationToken)
            ?? throw ApiErrors.InvalidResourceName(request.Descriptor.FindFieldByName("name") is null ? "parent" : "name", "the request names no province");
        await CheckHintsAsync(hints, named, cancellationToken);
        var province = await FindServedAsync(named, cancellationToken);
        return Writable(policy, TenantResolution.ForProvince(caller, province));
    }

    /// <summary>The province, if it exists and is not disabled.</summary>
    private async ValueTask<ProvinceRecord> FindServedAsync(string provinceId, CancellationToken cancellationToken)
    {
        var province = await registry.FindAsync(provinceId, cancellationToken) ?? throw ApiErrors.ProvinceNotFound(provinceId);
        return province.State == ProvinceState.Disabled ? throw ApiErrors.ProvinceDisabled(provinceId) : province;
    }

    private async ValueTask CheckHintsAsync(ProvinceHints hints, string provinceId, CancellationToken cancellationToken)
    {
        foreach (var hinted in hints.Metadata)
        {
            if (hinted != provinceId)
            {
                throw ApiErrors.ProvinceMismatch(hinted);
            }
        }

        if (await RegisteredHostProvinceAsync(hints, cancellationToken) is { } host && host != provinceId)
        {
            throw ApiErrors.ProvinceMismatch(host);
        }
    }

    /// <summary>The host's first label when it is a registered province id: <c>hung-yen.directives.gov.vn</c>, not <c>api.directives.gov.vn</c>.</summary>
    private async ValueTask<string?> RegisteredHostProvinceAsync(ProvinceHints hints, CancellationToken cancellationToken) =>
        hints.HostLabel is { } label && ProvinceNames.IsValidId(label) && await registry.FindAsync(label, cancellationToken) is not null
            ? label
            : null;

    private static TenantResolution Writable(MethodPolicy policy, TenantResolution resolution)
    {
        var province = resolution.Province!;
        return policy.Kind == MethodKind.Mutation && province.State == ProvinceState.ReadOnly
            ? throw ApiErrors.ProvinceReadOnly(province.Id, province.Successor is { } successor ? ProvinceNames.Format(successor) : null)
            : resolution;
    }
}
