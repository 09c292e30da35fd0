namespace Directives.Data.Resources;

/// <summary>The storage-only (shadow) properties of a task, for <c>EF.Property</c> in the Server's own queries; every save keeps them current.</summary>
public static class TaskProperties
{
    /// <summary>The number's sort key ("0003.0010" for 3.10): ordered as text, numbers order level by level.</summary>
    public const string NumberSortKey = nameof(NumberSortKey);

    /// <summary>The deadline instant in UTC ticks, or <see cref="StandingDueSort"/> for standing tasks.</summary>
    public const string DueSort = nameof(DueSort);

    /// <summary>The completion instant in UTC ticks, or <see cref="long.MaxValue"/> while not completed.</summary>
    public const string CompleteSort = nameof(CompleteSort);

    /// <summary>The title folded for search.</summary>
    public const string TitleSearch = nameof(TitleSearch);

    /// <summary>The content folded for search.</summary>
    public const string ContentSearch = nameof(ContentSearch);

    /// <summary>
    /// The <see cref="DueSort"/> of standing tasks, 9999-12-31T23:59:59Z in ticks: after any real deadline
    /// (the latest possible ends 31/12/9999 at 16:59:59.9999999Z), so they sort last on both providers.
    /// </summary>
    public const long StandingDueSort = 3_155_378_975_990_000_000;
}
