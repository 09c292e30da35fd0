namespace Directives.Server.Tests.DemoData;

/// <summary>The provinces' documents in ../shared/seeds, read from disk, found from the test's folder upwards.</summary>
internal static class SeedFiles
{
    public static string Read(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "seeds", name);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException($"Seed document {name} not found in a shared/seeds folder above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// The text with runs of white space as single spaces and the transcription's Markdown emphasis
    /// dropped, to find a task's cleaned content in its document.
    /// </summary>
    public static string Flatten(string text)
        => string.Join(' ', text.Replace("**", "", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
