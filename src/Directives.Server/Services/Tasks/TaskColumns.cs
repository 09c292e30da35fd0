namespace Directives.Server.Services.Tasks;

/// <summary>
/// Storage-only columns of a task that the Data layer keeps beside the domain's fields, by their EF
/// property names (internal there, in SearchProperties). EF throws on a name it does not know, so a
/// drift fails the filter tests at once.
/// </summary>
internal static class TaskColumns
{
    /// <summary>The folded (lower case, no diacritics) title, for the <c>title</c> filter.</summary>
    public const string TitleSearch = nameof(TitleSearch);

    /// <summary>The number's sort key as plain text ("0003.0001" for 3.1), which SQL compares and prefix-matches.</summary>
    public const string NumberSortKey = nameof(NumberSortKey);
}
