namespace Directives.Server.Api;

/// <summary>
/// <c>provinces/{province}/directives/{directive}</c>; as a List parent also
/// <c>provinces/{province}/directives/-</c> and <c>provinces/-/directives/-</c>.
/// </summary>
internal readonly record struct DirectiveName(string Province, string Directive) : IResourceName
{
    public static readonly ResourceNamePattern Pattern = new(
        "directives.gov.vn/Directive", "directive", "văn bản chỉ đạo", ("provinces", "province"), ("directives", "directive"));

    public ProvinceName Parent => new(Province);

    public bool IsAcrossProvinces => Province == ResourceId.Wildcard;

    /// <summary>Whether this names every directive (of a province, or of every province).</summary>
    public bool HasWildcard => Directive == ResourceId.Wildcard;

    /// <summary>Parses <paramref name="value"/>, or throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static DirectiveName Parse(string? value, string field, NameWildcards wildcards = NameWildcards.None)
    {
        Span<Range> ids = stackalloc Range[2];
        Pattern.Parse(value, field, wildcards, ids);
        return new(value![ids[0]], value[ids[1]]);
    }

    public static bool TryParse(string? value, out DirectiveName name)
    {
        Span<Range> ids = stackalloc Range[2];
        var matches = value is not null && Pattern.Match(value, NameWildcards.None, ids) is null;
        name = matches ? new(value![ids[0]], value[ids[1]]) : default;
        return matches;
    }

    public override string ToString() => Pattern.Format(Province, Directive);
}
