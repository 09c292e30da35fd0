namespace Directives.Server.Api;

/// <summary>
/// <c>provinces/{province}/directives/{directive}/tasks/{task}</c>; as ListReports' parent also with
/// <c>-</c> for the task, the directive and the province, in that order.
/// </summary>
internal readonly record struct TaskName(string Province, string Directive, string Task) : IResourceName
{
    public static readonly ResourceNamePattern Pattern = new(
        "directives.gov.vn/Task", "task", "nhiệm vụ", ("provinces", "province"), ("directives", "directive"), ("tasks", "task"));

    public DirectiveName Parent => new(Province, Directive);

    public bool IsAcrossProvinces => Province == ResourceId.Wildcard;

    /// <summary>Whether this names every task (of a directive, a province, or every province).</summary>
    public bool HasWildcard => Task == ResourceId.Wildcard;

    /// <summary>Parses <paramref name="value"/>, or throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static TaskName Parse(string? value, string field, NameWildcards wildcards = NameWildcards.None)
    {
        Span<Range> ids = stackalloc Range[3];
        Pattern.Parse(value, field, wildcards, ids);
        return new(value![ids[0]], value[ids[1]], value[ids[2]]);
    }

    public static bool TryParse(string? value, out TaskName name)
    {
        Span<Range> ids = stackalloc Range[3];
        var matches = value is not null && Pattern.Match(value, NameWildcards.None, ids) is null;
        name = matches ? new(value![ids[0]], value[ids[1]], value[ids[2]]) : default;
        return matches;
    }

    public override string ToString() => Pattern.Format(Province, Directive, Task);
}
