namespace Directives.Server.Services.Tasks;

/// <summary>A target's <c>target_id</c>: a UUID in its lower-case 36-character form.</summary>
internal static class TargetIds
{
    public static string Format(Guid id) => id.ToString("D");

    public static bool TryParse(string text, out Guid id)
    {
        id = Guid.Empty;
        return text.Length == 36 && Guid.TryParseExact(text, "D", out id) && text == id.ToString("D") && id != Guid.Empty;
    }
}
