using Directives.Domain.Agencies;
using Directives.Domain.Committees;
using Directives.Domain.Directives;
using Directives.Domain.Tasks;
using Directives.Server.DemoData.Provinces;

namespace Directives.Server.DemoData;

/// <summary>
/// The demo data the embedded default seeds into a province on first run: its agency catalogue, its
/// directives (built from the real documents in ../shared/seeds where the province has one), their
/// tasks with progress reports, and its Ban Chỉ đạo 138 with its compositions. Everything is a domain
/// object built through the domain's factories, so invalid demo data cannot be built; persisting it
/// is the Data layer's job. See README.md beside this file for the choices behind the data.
/// </summary>
internal sealed class DemoDataSet
{
    private static readonly IReadOnlyList<DemoProvince> Provinces =
        [HungYen.Province, NamDinh.Province, TienGiang.Province, HaiDuong.Province];

    /// <summary>The provinces that have demo data, in seeding order: hung-yen, nam-dinh, tien-giang, hai-duong.</summary>
    public static IReadOnlyList<string> ProvinceIds { get; } = Provinces.Select(p => p.Id).ToArray();

    public required string ProvinceId { get; init; }

    /// <summary>"Hưng Yên".</summary>
    public required string ProvinceName { get; init; }

    /// <summary>The instant the data describes; facts dated later are left out (see <see cref="DemoTimeline"/>).</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The catalogue, in the order to insert; merged agencies follow those they merged into.</summary>
    public required IReadOnlyList<DemoResource<Agency>> Agencies { get; init; }

    public required IReadOnlyList<DemoResource<Directive>> Directives { get; init; }

    /// <summary>Every directive's tasks, parents before their subtasks; each owns its targets, extensions and reports.</summary>
    public required IReadOnlyList<DemoResource<DirectiveTask>> Tasks { get; init; }

    /// <summary>The steering committees; each owns its compositions and their members.</summary>
    public required IReadOnlyList<DemoResource<SteeringCommittee>> Committees { get; init; }

    /// <summary>
    /// The resource name of every entity above by its domain id, the owned ones included (reports,
    /// compositions, members): the Data layer's map from ids to the names the API shows.
    /// </summary>
    public required IReadOnlyDictionary<Guid, string> ResourceNames { get; init; }

    /// <summary>Seed files the build did not embed; directives built from them have no body or task contents.</summary>
    public required IReadOnlyList<string> MissingSeedDocuments { get; init; }

    /// <summary>Whether <paramref name="provinceId"/> has demo data; the other tenants start empty.</summary>
    public static bool Has(string provinceId) => ProvinceIds.Contains(provinceId, StringComparer.Ordinal);

    /// <summary>
    /// Builds the province's demo data as it stood at <paramref name="time"/>'s current instant. Each call
    /// builds new objects with the same ids.
    /// </summary>
    /// <exception cref="ArgumentException">The province has no demo data (see <see cref="Has"/>).</exception>
    public static DemoDataSet For(string provinceId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var province = Provinces.FirstOrDefault(p => p.Id == provinceId)
            ?? throw new ArgumentException($"No demo data for province '{provinceId}'; there is for {string.Join(", ", ProvinceIds)}.", nameof(provinceId));

        var builder = new DemoDataBuilder(province.Id, province.Name, new DemoTimeline(time.GetUtcNow()));
        province.Build(builder);
        return builder.Build();
    }
}
