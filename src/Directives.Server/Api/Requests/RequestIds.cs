namespace Directives.Server.Api;

/// <summary>The <c>request_id</c> of Create and other retryable methods (AIP-155): a UUID as 36 characters, any version.</summary>
internal static class RequestIds
{
    public const int Length = 36;

    /// <summary>The id, or null when none was sent; INVALID_ARGUMENT on <paramref name="field"/> when it is not a UUID.</summary>
    public static Guid? Parse(string? requestId, string field = "request_id")
    {
        if (string.IsNullOrEmpty(requestId))
        {
            return null;
        }

        // "D" is exactly 8-4-4-4-12 hex digits: no braces, no spaces, no 32-digit form.
        return requestId.Length == Length && Guid.TryParseExact(requestId, "D", out var id)
            ? id
            : throw ApiErrors.InvalidField(field, $"must be a UUID of {Length} characters such as 123e4567-e89b-12d3-a456-426614174000 (got \"{Shorten(requestId)}\")");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
