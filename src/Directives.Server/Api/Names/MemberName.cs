namespace Directives.Server.Api;

/// <summary><c>provinces/{province}/committees/{committee}/members/{member}</c>.</summary>
internal readonly record struct MemberName(string Province, string Committee, string Member) : IResourceName
{
    public static readonly ResourceNamePattern Pattern = new(
        "directives.gov.vn/CommitteeMember",
        "committee member",
        "thành viên ban chỉ đạo",
        ("provinces", "province"),
        ("committees", "committee"),
        ("members", "member"));

    public CommitteeName Parent => new(Province, Committee);

    /// <summary>Parses <paramref name="value"/>, or throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static MemberName Parse(string? value, string field)
    {
        Span<Range> ids = stackalloc Range[3];
        Pattern.Parse(value, field, NameWildcards.None, ids);
        return new(value![ids[0]], value[ids[1]], value[ids[2]]);
    }

    public static bool TryParse(string? value, out MemberName name)
    {
        Span<Range> ids = stackalloc Range[3];
        var matches = value is not null && Pattern.Match(value, NameWildcards.None, ids) is null;
        name = matches ? new(value![ids[0]], value[ids[1]], value[ids[2]]) : default;
        return matches;
    }

    public override string ToString() => Pattern.Format(Province, Committee, Member);
}
