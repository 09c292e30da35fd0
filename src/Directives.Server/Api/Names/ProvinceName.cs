namespace Directives.Server.Api;

/// <summary><c>provinces/{province}</c>; <c>provinces/-</c> (every province) where a method accepts it.</summary>
internal readonly record struct ProvinceName(string Province) : IResourceName
{
    public static readonly ResourceNamePattern Pattern = new(
        "directives.gov.vn/Province", "province", "tỉnh", ("provinces", "province"));

    /// <summary>Whether this is <c>provinces/-</c>.</summary>
    public bool IsAcrossProvinces => Province == ResourceId.Wildcard;

    /// <summary>Parses <paramref name="value"/>, or throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static ProvinceName Parse(string? value, string field, NameWildcards wildcards = NameWildcards.None)
    {
        Span<Range> ids = stackalloc Range[1];
        Pattern.Parse(value, field, wildcards, ids);
        return new(value![ids[0]]);
    }

    public static bool TryParse(string? value, out ProvinceName name)
    {
        Span<Range> ids = stackalloc Range[1];
        var matches = value is not null && Pattern.Match(value, NameWildcards.None, ids) is null;
        name = matches ? new(value![ids[0]]) : default;
        return matches;
    }

    public override string ToString() => Pattern.Format(Province);
}
