namespace Directives.Server.Api;

/// <summary>The <c>page_size</c> rule of every List method (AIP-158).</summary>
internal static class PageSize
{
    public const int Default = 50;
    public const int Max = 1000;

    /// <summary>0 → <see cref="Default"/>; above <see cref="Max"/> → <see cref="Max"/>; negative → INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static int Resolve(int requested, string field = "page_size") => requested switch
    {
        < 0 => throw ApiErrors.InvalidField(field, $"must not be negative (got {requested})"),
        0 => Default,
        > Max => Max,
        _ => requested,
    };
}
