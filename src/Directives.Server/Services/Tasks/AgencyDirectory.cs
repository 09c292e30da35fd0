using Directives.Data;
using Directives.Data.Resources;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Microsoft.EntityFrameworkCore;
using ErrorReason = Directives.Contracts.V1.ErrorReason;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// A province's agencies as tasks refer to them: the domain keeps agency <see cref="Guid"/>s, the API
/// shows resource names (<c>provinces/hung-yen/agencies/cong-an-tinh</c>). Loaded once per unit of work
/// (a province has about a hundred agencies), deleted and merged ones included, so that old tasks
/// still show the agencies they named.
/// </summary>
internal sealed class AgencyDirectory
{
    private readonly string _provinceId;
    private readonly Dictionary<Guid, AgencyEntry> _byId;
    private readonly Dictionary<string, AgencyEntry> _byResourceId;

    private AgencyDirectory(string provinceId, IReadOnlyList<AgencyEntry> agencies)
    {
        _provinceId = provinceId;
        _byId = agencies.ToDictionary(a => a.Id);
        _byResourceId = agencies.ToDictionary(a => a.ResourceId, StringComparer.Ordinal);
    }

    public static async Task<AgencyDirectory> LoadAsync(ProvinceDbContext db, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking()
            .Select(a => new AgencyEntry(
                a.Id,
                EF.Property<string>(a, ResourceProperties.ResourceId),
                a.MergedIntoId,
                EF.Property<long?>(a, ResourceProperties.DeleteTime) != null))
            .ToListAsync(cancellationToken);
        return new AgencyDirectory(db.ProvinceId, agencies);
    }

    /// <summary>The resource name of an agency a task refers to; empty for one that has been purged.</summary>
    public string NameOf(Guid id) => _byId.TryGetValue(id, out var agency) ? AgencyName.Pattern.Format(_provinceId, agency.ResourceId) : "";

    /// <summary>The agency <paramref name="name"/> names in this province, deleted or not; null for any other name.</summary>
    public AgencyEntry? Find(string? name)
        => AgencyName.TryParse(name, out var parsed) && parsed.Province == _provinceId && _byResourceId.TryGetValue(parsed.Agency, out var agency)
            ? agency
            : null;

    /// <summary>
    /// The agency a request field names, or null with a violation on <paramref name="field"/>: a
    /// malformed name, an agency that does not exist here or is deleted (UNKNOWN_REFERENCE), or one
    /// merged into another (AGENCY_MERGED) unless it is among <paramref name="mayBeMerged"/> (the
    /// agencies a task already had: history stays as it was).
    /// </summary>
    public Guid? Resolve(string name, string field, RequestViolations violations, IReadOnlySet<Guid>? mayBeMerged = null)
    {
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, "is required");
            return null;
        }

        Span<Range> ids = stackalloc Range[2];
        if (AgencyName.Pattern.Match(name, NameWildcards.None, ids) is { } problem)
        {
            violations.Add(field, problem);
            return null;
        }

        if (Find(name) is not { IsDeleted: false } agency)
        {
            violations.Add(field, $"{name} does not exist, is deleted, or belongs to another province", ErrorReasonNames.Of(ErrorReason.UnknownReference));
            return null;
        }

        if (agency.MergedIntoId is { } mergedInto && mayBeMerged?.Contains(agency.Id) != true)
        {
            violations.Add(field, $"agency {name} has been merged into {NameOf(mergedInto)}; name that agency instead", ErrorReasons.AgencyMerged);
            return null;
        }

        return agency.Id;
    }
}

/// <summary>One agency of the catalogue, as far as tasks need it.</summary>
internal sealed record AgencyEntry(Guid Id, string ResourceId, Guid? MergedIntoId, bool IsDeleted);
