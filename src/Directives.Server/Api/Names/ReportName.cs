namespace Directives.Server.Api;

/// <summary><c>provinces/{province}/directives/{directive}/tasks/{task}/reports/{report}</c>.</summary>
internal readonly record struct ReportName(string Province, string Directive, string Task, string Report) : IResourceName
{
    public static readonly ResourceNamePattern Pattern = new(
        "directives.gov.vn/ProgressReport",
        "progress report",
        "báo cáo tiến độ",
        ("provinces", "province"),
        ("directives", "directive"),
        ("tasks", "task"),
        ("reports", "report"));

    public TaskName Parent => new(Province, Directive, Task);

    /// <summary>Parses <paramref name="value"/>, or throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static ReportName Parse(string? value, string field)
    {
        Span<Range> ids = stackalloc Range[4];
        Pattern.Parse(value, field, NameWildcards.None, ids);
        return new(value![ids[0]], value[ids[1]], value[ids[2]], value[ids[3]]);
    }

    public static bool TryParse(string? value, out ReportName name)
    {
        Span<Range> ids = stackalloc Range[4];
        var matches = value is not null && Pattern.Match(value, NameWildcards.None, ids) is null;
        name = matches ? new(value![ids[0]], value[ids[1]], value[ids[2]], value[ids[3]]) : default;
        return matches;
    }

    public override string ToString() => Pattern.Format(Province, Directive, Task, Report);
}
