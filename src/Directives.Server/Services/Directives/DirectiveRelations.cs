using Directives.Data;
using Directives.Data.Resources;
using Directives.Domain.Directives;
using Directives.Server.Api;
using Directives.Server.Services.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Services.Directives;

/// <summary>
/// What a directive's resource shows beyond its own row: the names of the agency and directives it
/// refers to by id, and its issuing body kind (a storage-only column). Loaded once per unit of work for
/// the directives it presents.
/// </summary>
internal sealed class DirectiveRelations
{
    private readonly string _provinceId;
    private readonly Dictionary<Guid, string> _directiveIds;
    private readonly Dictionary<Guid, int?> _kinds;

    private DirectiveRelations(string provinceId, AgencyDirectory agencies, Dictionary<Guid, string> directiveIds, Dictionary<Guid, int?> kinds)
    {
        _provinceId = provinceId;
        Agencies = agencies;
        _directiveIds = directiveIds;
        _kinds = kinds;
    }

    public AgencyDirectory Agencies { get; }

    public static async Task<DirectiveRelations> LoadAsync(ProvinceDbContext db, IReadOnlyCollection<Directive> directives, CancellationToken cancellationToken)
    {
        var agencies = await AgencyDirectory.LoadAsync(db, cancellationToken);
        var ids = directives.Select(d => d.Id).ToList();
        var linked = directives.SelectMany(d => new[] { d.SupersedesId, d.SupersededById }).OfType<Guid>().Distinct().ToList();
        var kinds = ids.Count == 0
            ? []
            : await db.Directives.AsNoTracking()
                .Where(d => ids.Contains(d.Id))
                .Select(d => new { d.Id, Kind = EF.Property<int?>(d, DirectiveColumns.IssuingBodyKind) })
                .ToDictionaryAsync(d => d.Id, d => d.Kind, cancellationToken);
        var directiveIds = linked.Count == 0
            ? []
            : await db.Directives.AsNoTracking()
                .Where(d => linked.Contains(d.Id))
                .Select(d => new { d.Id, ResourceId = EF.Property<string>(d, ResourceProperties.ResourceId) })
                .ToDictionaryAsync(d => d.Id, d => d.ResourceId, cancellationToken);
        return new DirectiveRelations(db.ProvinceId, agencies, directiveIds, kinds);
    }

    public string DirectiveNameOf(Guid? id)
        => id is { } value && _directiveIds.TryGetValue(value, out var resourceId) ? DirectiveName.Pattern.Format(_provinceId, resourceId) : "";

    public int? IssuingBodyKindOf(Guid id) => _kinds.GetValueOrDefault(id);

    /// <summary>Records what a write set, so that the resource it returns shows it.</summary>
    public void Remember(Guid id, string resourceId, int? issuingBodyKind)
    {
        _directiveIds[id] = resourceId;
        _kinds[id] = issuingBodyKind;
    }
}
