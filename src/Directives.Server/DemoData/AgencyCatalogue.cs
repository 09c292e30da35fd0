using Directives.Domain.Agencies;

namespace Directives.Server.DemoData;

/// <summary>
/// A province's demo agencies by resource id ("cong-an-tinh", "ubnd-huyen-van-lam"). Renames and
/// mergers are applied when their date has come, so the catalogue keeps its real history.
/// </summary>
internal sealed class AgencyCatalogue
{
    private readonly DemoDataBuilder _data;
    private readonly Dictionary<string, DemoResource<Agency>> _agencies = new(StringComparer.Ordinal);
    private readonly List<DemoResource<Agency>> _declared = [];

    public AgencyCatalogue(DemoDataBuilder data)
    {
        _data = data;
    }

    /// <param name="id">The resource id, stable across renames.</param>
    /// <param name="kind">The kind of body.</param>
    /// <param name="name">Its first recorded name.</param>
    /// <param name="since">When that name took effect, when known; a later date leaves the agency out until then.</param>
    public void Add(string id, AgencyKind kind, string name, DateOnly? since = null)
    {
        if (since is { } day && !_data.Timeline.HasHappened(day))
        {
            return;
        }

        var resourceName = _data.ResourceName($"agencies/{id}");
        var agency = Agency.Create(_data.Register(resourceName), kind, name, since);
        var resource = new DemoResource<Agency>(id, resourceName, agency);
        _agencies.Add(id, resource);
        _declared.Add(resource);
    }

    /// <summary>
    /// The People's Committee of a district-level unit: <c>AddDistrict("huyện", "Văn Lâm")</c> is
    /// "Ủy ban nhân dân huyện Văn Lâm", id <c>ubnd-huyen-van-lam</c>.
    /// </summary>
    public void AddDistrict(string unitType, string unitName)
        => Add(DistrictId(unitType, unitName), AgencyKind.DistrictPeoplesCommittee, $"Ủy ban nhân dân {unitType} {unitName}");

    public static string DistrictId(string unitType, string unitName) => "ubnd-" + DemoIds.Slug($"{unitType} {unitName}");

    public bool Contains(string id) => _agencies.ContainsKey(id);

    /// <summary>The domain id of the agency with resource id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no such agency: the demo data is wrong.</exception>
    public Guid IdOf(string id)
        => _agencies.TryGetValue(id, out var agency)
            ? agency.Value.Id
            : throw new KeyNotFoundException($"The {_data.ProvinceName} demo catalogue has no agency '{id}'.");

    public Agency Get(string id)
        => _agencies.TryGetValue(id, out var agency)
            ? agency.Value
            : throw new KeyNotFoundException($"The {_data.ProvinceName} demo catalogue has no agency '{id}'.");

    public void Rename(string id, string newName, DateOnly effectiveFrom)
    {
        if (_data.Timeline.HasHappened(effectiveFrom))
        {
            Get(id).Rename(newName, effectiveFrom);
        }
    }

    public void Merge(string id, string intoId, DateOnly effectiveOn)
    {
        if (_data.Timeline.HasHappened(effectiveOn))
        {
            Get(id).MergeInto(Get(intoId), effectiveOn);
        }
    }

    /// <summary>Active agencies first, so that an agency an insert's merged_into points at is already there.</summary>
    public IReadOnlyList<DemoResource<Agency>> InInsertionOrder()
        => _declared.Where(a => a.Value.IsActive).Concat(_declared.Where(a => !a.Value.IsActive)).ToArray();
}
