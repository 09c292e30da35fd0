namespace Directives.Server.Api;

/// <summary><c>provinces/{province}/committees/{committee}</c>; as ListVacancies' parent also <c>provinces/{province}/committees/-</c>.</summary>
internal readonly record struct CommitteeName(string Province, string Committee) : IResourceName
{
    public static readonly ResourceNamePattern Pattern = new(
        "directives.gov.vn/SteeringCommittee", "steering committee", "ban chỉ đạo", ("provinces", "province"), ("committees", "committee"));

    public ProvinceName Parent => new(Province);

    /// <summary>Whether this names every committee of the province.</summary>
    public bool HasWildcard => Committee == ResourceId.Wildcard;

    /// <summary>Parses <paramref name="value"/>, or throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static CommitteeName Parse(string? value, string field, NameWildcards wildcards = NameWildcards.None)
    {
        Span<Range> ids = stackalloc Range[2];
        Pattern.Parse(value, field, wildcards, ids);
        return new(value![ids[0]], value[ids[1]]);
    }

    public static bool TryParse(string? value, out CommitteeName name)
    {
        Span<Range> ids = stackalloc Range[2];
        var matches = value is not null && Pattern.Match(value, NameWildcards.None, ids) is null;
        name = matches ? new(value![ids[0]], value[ids[1]]) : default;
        return matches;
    }

    public override string ToString() => Pattern.Format(Province, Committee);
}
