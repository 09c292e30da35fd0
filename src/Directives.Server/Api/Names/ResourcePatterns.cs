namespace Directives.Server.Api;

/// <summary>Every resource name pattern of the API, and which one a given name follows.</summary>
internal static class ResourcePatterns
{
    public static IReadOnlyList<ResourceNamePattern> All { get; } =
    [
        ProvinceName.Pattern,
        AgencyName.Pattern,
        DirectiveName.Pattern,
        TaskName.Pattern,
        ReportName.Pattern,
        CommitteeName.Pattern,
        MemberName.Pattern,
        CompositionName.Pattern,
    ];

    /// <summary>The pattern <paramref name="name"/> follows (wildcards allowed), or null for none.</summary>
    public static ResourceNamePattern? Of(string name)
    {
        Span<Range> ids = stackalloc Range[4];
        foreach (var pattern in All)
        {
            if (pattern.Match(name, NameWildcards.AcrossProvinces, ids) is null)
            {
                return pattern;
            }
        }

        return null;
    }
}
