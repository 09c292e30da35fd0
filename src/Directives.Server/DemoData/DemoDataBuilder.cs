using Directives.Domain.Committees;
using Directives.Domain.Directives;

namespace Directives.Server.DemoData;

/// <summary>
/// Collects one province's demo data: the province files declare agencies, directives, tasks, reports
/// and committees here, and <see cref="Build"/> creates the domain objects, leaving out what had not
/// happened yet at the timeline's instant.
/// </summary>
internal sealed class DemoDataBuilder
{
    private readonly List<DirectiveBuilder> _directives = [];
    private readonly List<(DirectiveBuilder Older, DirectiveBuilder Newer)> _supersessions = [];
    private readonly List<CommitteeBuilder> _committees = [];
    private readonly Dictionary<Guid, string> _names = [];

    public DemoDataBuilder(string provinceId, string provinceName, DemoTimeline timeline)
    {
        ProvinceId = provinceId;
        ProvinceName = provinceName;
        Timeline = timeline;
        Agencies = new AgencyCatalogue(this);
    }

    public string ProvinceId { get; }

    public string ProvinceName { get; }

    public DemoTimeline Timeline { get; }

    public AgencyCatalogue Agencies { get; }

    /// <summary>"provinces/{province}/" followed by <paramref name="path"/>.</summary>
    public string ResourceName(string path) => $"provinces/{ProvinceId}/{path}";

    /// <summary>
    /// Declares a directive. With a <paramref name="seed"/>, its body is the seed's text and its
    /// tasks' contents are cut from it (each task names its anchor; the last task ends at
    /// <paramref name="endAnchor"/>); without one, <paramref name="details"/> carries the body.
    /// </summary>
    /// <param name="id">The directive's resource id: "2022-15-ct-ubnd".</param>
    /// <param name="details">Everything but the monitoring agency and, with a seed, the body.</param>
    /// <param name="monitoringAgency">The catalogue id of the agency that follows it up.</param>
    /// <param name="recordedOn">When the secretariat entered it: its issue date unless it has none.</param>
    /// <param name="seed">The real document it is built from.</param>
    /// <param name="endAnchor">The words that open the first paragraph after the last task.</param>
    public DirectiveBuilder Directive(
        string id,
        DirectiveDetails details,
        string? monitoringAgency,
        DateOnly? recordedOn = null,
        SeedDocument? seed = null,
        string? endAnchor = null)
    {
        var directive = new DirectiveBuilder(this, id, details, monitoringAgency, recordedOn, seed, endAnchor);
        _directives.Add(directive);
        return directive;
    }

    /// <summary>Records that <paramref name="newer"/> replaced <paramref name="older"/> (from the newer one's issue date).</summary>
    public void Supersede(DirectiveBuilder older, DirectiveBuilder newer) => _supersessions.Add((older, newer));

    public CommitteeBuilder Committee(string id, CommitteeLevel level, string name, string areaName, string standingAgency)
    {
        var committee = new CommitteeBuilder(this, id, level, name, areaName, standingAgency);
        _committees.Add(committee);
        return committee;
    }

    /// <summary>The domain id of a resource, remembered with its name; a name is registered once.</summary>
    internal Guid Register(string resourceName)
    {
        var id = DemoIds.For(resourceName);
        if (!_names.TryAdd(id, resourceName))
        {
            throw new InvalidOperationException($"Demo resource {resourceName} is declared twice.");
        }

        return id;
    }

    public DemoDataSet Build()
    {
        var directives = new List<DemoResource<Directive>>();
        var tasks = new List<DemoResource<Domain.Tasks.DirectiveTask>>();
        foreach (var plan in _directives)
        {
            if (plan.Build() is { } built)
            {
                directives.Add(built.Directive);
                tasks.AddRange(built.Tasks);
            }
        }

        foreach (var (older, newer) in _supersessions)
        {
            if (older.Built is { } old && newer.Built is { } successor
                && successor.IssuedOn is { } issuedOn && Timeline.HasHappened(issuedOn))
            {
                old.Supersede(successor);
            }
        }

        return new DemoDataSet
        {
            ProvinceId = ProvinceId,
            ProvinceName = ProvinceName,
            AsOf = Timeline.Now,
            Agencies = Agencies.InInsertionOrder(),
            Directives = directives,
            Tasks = tasks,
            Committees = _committees.Select(c => c.Build()).ToArray(),
            ResourceNames = new Dictionary<Guid, string>(_names),
            MissingSeedDocuments = _directives
                .Where(d => d.Seed is { IsEmbedded: false })
                .Select(d => d.Seed!.FileName)
                .Distinct(StringComparer.Ordinal)
                .ToArray(),
        };
    }
}
