using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Changes;
using Directives.Data.Resources;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Services.Tasks;
using Directives.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using AgencyName = Directives.Server.Api.AgencyName;
using DomainAgency = Directives.Domain.Agencies.Agency;

namespace Directives.Server.Services.Agencies;

/// <summary>
/// Loads an agency for a mutation and saves it with its change log entry: the shared steps of
/// AgencyService's writes (not found, deleted, etag, before and after snapshots, validate_only).
/// </summary>
internal sealed class AgencyWriter(ITenantContext tenant, TimeProvider time)
{
    public async Task<LoadedAgency> LoadAsync(ProvinceDbContext db, string nameText, string etag, CancellationToken cancellationToken, bool allowDeleted = false, string field = "name")
    {
        var name = AgencyName.Parse(nameText, field);
        var agency = await db.Agencies.WithResourceId(name.Agency).FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiErrors.NotFound(nameText);
        var entry = db.Resource(agency);
        if (entry.IsDeleted && !allowDeleted)
        {
            throw ApiErrors.ResourceDeleted(nameText);
        }

        ETags.EnsureCurrent(etag, entry.Etag, nameText);
        var agencies = await AgencyDirectory.LoadAsync(db, cancellationToken);
        return new LoadedAgency(agency, entry, agencies, Present(agency, entry.Stamp, agencies));
    }

    public Agency Present(DomainAgency agency, ResourceStamp stamp, AgencyDirectory agencies)
        => AgencyMapping.ToResource(agency, stamp, tenant.ProvinceId, agency.MergedIntoId is { } target ? agencies.NameOf(target) : "");

    /// <summary>Touches the agency (unless a soft delete or undelete already did), records the change and, unless validating, saves.</summary>
    public async Task<Agency> SaveAsync(
        ProvinceDbContext db, LoadedAgency loaded, string method, ChangeKind kind, bool validateOnly, CancellationToken cancellationToken, bool touched = false, Action<Agency>? beforeSave = null, string? requestId = null)
    {
        if (validateOnly)
        {
            return Present(loaded.Agency, loaded.Entry.Stamp, loaded.Agencies);
        }

        var stamp = touched ? loaded.Entry.Stamp : loaded.Entry.Touch(time.GetUtcNow());
        var after = Present(loaded.Agency, stamp, loaded.Agencies);
        db.RecordChange(tenant, method, kind, after.Name, AgencyMapping.ResourceType, loaded.Before, after, stamp.Etag, requestId);
        beforeSave?.Invoke(after);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }
}

/// <summary>An agency loaded for a write: tracked, its storage entry, the catalogue's names, and how it read before.</summary>
internal sealed record LoadedAgency(DomainAgency Agency, ResourceEntry Entry, AgencyDirectory Agencies, Agency Before);
