namespace Directives.Server.Api;

/// <summary><c>provinces/{province}/committees/{committee}/compositions/{composition}</c>.</summary>
internal readonly record struct CompositionName(string Province, string Committee, string Composition) : IResourceName
{
    public static readonly ResourceNamePattern Pattern = new(
        "directives.gov.vn/CommitteeComposition",
        "committee composition",
        "thành phần ban chỉ đạo",
        ("provinces", "province"),
        ("committees", "committee"),
        ("compositions", "composition"));

    public CommitteeName Parent => new(Province, Committee);

    /// <summary>Parses <paramref name="value"/>, or throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static CompositionName Parse(string? value, string field)
    {
        Span<Range> ids = stackalloc Range[3];
        Pattern.Parse(value, field, NameWildcards.None, ids);
        return new(value![ids[0]], value[ids[1]], value[ids[2]]);
    }

    public static bool TryParse(string? value, out CompositionName name)
    {
        Span<Range> ids = stackalloc Range[3];
        var matches = value is not null && Pattern.Match(value, NameWildcards.None, ids) is null;
        name = matches ? new(value![ids[0]], value[ids[1]], value[ids[2]]) : default;
        return matches;
    }

    public override string ToString() => Pattern.Format(Province, Committee, Composition);
}
