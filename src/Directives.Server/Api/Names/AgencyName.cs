namespace Directives.Server.Api;

/// <summary><c>provinces/{province}/agencies/{agency}</c>.</summary>
internal readonly record struct AgencyName(string Province, string Agency) : IResourceName
{
    public static readonly ResourceNamePattern Pattern = new(
        "directives.gov.vn/Agency", "agency", "cơ quan", ("provinces", "province"), ("agencies", "agency"));

    public ProvinceName Parent => new(Province);

    /// <summary>Parses <paramref name="value"/>, or throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static AgencyName Parse(string? value, string field)
    {
        Span<Range> ids = stackalloc Range[2];
        Pattern.Parse(value, field, NameWildcards.None, ids);
        return new(value![ids[0]], value[ids[1]]);
    }

    public static bool TryParse(string? value, out AgencyName name)
    {
        Span<Range> ids = stackalloc Range[2];
        var matches = value is not null && Pattern.Match(value, NameWildcards.None, ids) is null;
        name = matches ? new(value![ids[0]], value[ids[1]]) : default;
        return matches;
    }

    public override string ToString() => Pattern.Format(Province, Agency);
}
