namespace Directives.Domain.Committees;

/// <summary>A person appointed to a committee, as the decision lists them.</summary>
public sealed record MemberDetails
{
    public required Guid Id { get; init; }

    public required string PersonName { get; init; }

    /// <summary>The person's post in their agency: "Giám đốc Công an tỉnh".</summary>
    public required string Title { get; init; }

    public required Guid AgencyId { get; init; }

    public required CommitteePosition Position { get; init; }

    /// <summary>Lĩnh vực, địa bàn phụ trách.</summary>
    public IReadOnlyList<string> ResponsibilityAreas { get; init; } = [];
}
