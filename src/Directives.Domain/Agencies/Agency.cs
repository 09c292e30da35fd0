using Directives.Domain.Validation;

namespace Directives.Domain.Agencies;

/// <summary>
/// An entry in a province's catalogue of agencies (cơ quan, đơn vị). Agencies are renamed and merged
/// over time; the names they bore stay on record with their dates, so a 2019 directive still shows
/// the agency as it was then called.
/// </summary>
public sealed class Agency
{
    private readonly List<AgencyName> _names = [];

    private Agency()
    {
    }

    public Guid Id { get; private set; }

    public AgencyKind Kind { get; private set; }

    /// <summary>The names it bore, oldest first; the last is current.</summary>
    public IReadOnlyList<AgencyName> Names => _names;

    public string Name => _names[^1].Name;

    /// <summary>The agency it was merged into; it has been inactive since <see cref="MergedOn"/>.</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>The first day it was part of <see cref="MergedIntoId"/>.</summary>
    public DateOnly? MergedOn { get; private set; }

    /// <summary>Whether it still exists on its own; a merged agency takes no new tasks.</summary>
    public bool IsActive => MergedIntoId is null;

    /// <param name="id">The agency's id.</param>
    /// <param name="kind">What sort of agency it is.</param>
    /// <param name="name">Its current name.</param>
    /// <param name="since">The first day under that name, when known.</param>
    public static Agency Create(Guid id, AgencyKind kind, string name, DateOnly? since = null)
    {
        var violations = new ViolationCollector();
        violations.RequiredId("id", id);
        violations.Defined(AgencyFields.Kind, kind);
        var checkedName = violations.RequiredLine(AgencyFields.DisplayName, name, TextLimits.NameMaxLength);
        violations.ThrowIfAny();

        var agency = new Agency { Id = id, Kind = kind };
        agency._names.Add(new AgencyName(checkedName!, since, null));
        return agency;
    }

    /// <summary>Records that the agency is of another kind (a department reclassified, a kind entered in error).</summary>
    public void Reclassify(AgencyKind kind)
    {
        var violations = new ViolationCollector();
        violations.Defined(AgencyFields.Kind, kind);
        violations.ThrowIfAny();
        Kind = kind;
    }

    /// <summary>The name in effect on <paramref name="day"/>; null before the agency's first known name or after its merger.</summary>
    public string? NameOn(DateOnly day)
    {
        if (MergedOn is { } mergedOn && day >= mergedOn)
        {
            return null;
        }

        return _names.LastOrDefault(n => n.IsInUseOn(day))?.Name;
    }

    /// <summary>Whether the agency existed on its own on <paramref name="day"/>.</summary>
    public bool IsActiveOn(DateOnly day) => NameOn(day) is not null;

    /// <summary>
    /// Đổi tên: the agency is called <paramref name="newName"/> from <paramref name="effectiveFrom"/>;
    /// the current name ends the day before.
    /// </summary>
    public void Rename(string newName, DateOnly effectiveFrom)
    {
        RequireActive("renamed");
        var violations = new ViolationCollector();
        var checkedName = violations.RequiredLine(AgencyFields.DisplayName, newName, TextLimits.NameMaxLength);
        var current = _names[^1];
        if (checkedName is not null && string.Equals(checkedName, current.Name, StringComparison.Ordinal))
        {
            violations.Add(AgencyFields.DisplayName, "is already the agency's name");
        }

        if (current.StartDate is { } from && effectiveFrom <= from)
        {
            violations.Add(AgencyFields.EffectiveDate, $"must be after {from:dd/MM/yyyy}, when the current name took effect");
        }

        violations.ThrowIfAny();
        _names[^1] = current with { EndDate = effectiveFrom.AddDays(-1) };
        _names.Add(new AgencyName(checkedName!, effectiveFrom, null));
    }

    /// <summary>
    /// Sáp nhập: from <paramref name="effectiveOn"/> this agency is part of <paramref name="successor"/>
    /// and inactive. Its records keep pointing at it; readers follow <see cref="MergedIntoId"/>.
    /// </summary>
    public void MergeInto(Agency successor, DateOnly effectiveOn)
    {
        ArgumentNullException.ThrowIfNull(successor);
        RequireActive("merged");
        var violations = new ViolationCollector();
        if (successor.Id == Id)
        {
            violations.Add(AgencyFields.MergedInto, "an agency cannot be merged into itself");
        }
        else if (!successor.IsActive)
        {
            violations.Add(AgencyFields.MergedInto, $"{successor.Name} has itself been merged and is inactive", ErrorReasons.AgencyMerged);
        }

        var current = _names[^1];
        if (current.StartDate is { } from && effectiveOn <= from)
        {
            violations.Add(AgencyFields.EffectiveDate, $"must be after {from:dd/MM/yyyy}, when the current name took effect");
        }

        violations.ThrowIfAny();
        _names[^1] = current with { EndDate = effectiveOn.AddDays(-1) };
        MergedIntoId = successor.Id;
        MergedOn = effectiveOn;
    }

    private void RequireActive(string action)
    {
        if (!IsActive)
        {
            throw new DomainRuleException(ErrorReasons.InvalidStateTransition, $"{Name} was merged on {MergedOn:dd/MM/yyyy} and cannot be {action}.");
        }
    }
}
