namespace Directives.Data.Resources;

/// <summary>A resource read without tracking, with its storage-only fields.</summary>
public sealed record Stamped<T>(T Resource, ResourceStamp Stamp)
    where T : class;
