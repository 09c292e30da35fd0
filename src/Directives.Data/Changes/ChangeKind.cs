namespace Directives.Data.Changes;

/// <summary>What a mutation did to a resource; the numbers are those of directives.v1.ChangeEvent.Kind.</summary>
public enum ChangeKind
{
    Created = 1,

    /// <summary>An update, a custom method (issue, complete, extend…) or an undelete.</summary>
    Updated = 2,

    /// <summary>A soft delete (the after snapshot has its delete time) or a purge (no after snapshot).</summary>
    Deleted = 3,
}
