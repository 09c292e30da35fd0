namespace Directives.Data.Changes;

/// <summary>
/// When a resource was first and last changed, and by whom it was created, read from its change log
/// entries: the timestamps of resources that have no columns of their own (a committee's compositions
/// and members live inside the committee's row).
/// </summary>
/// <param name="ResourceName">The resource.</param>
/// <param name="CreateTime">The commit time of its first entry.</param>
/// <param name="Creator">Who made its first entry.</param>
/// <param name="UpdateTime">The commit time of its latest entry.</param>
public sealed record ChangeSpan(string ResourceName, DateTimeOffset CreateTime, ChangeActor Creator, DateTimeOffset UpdateTime);
