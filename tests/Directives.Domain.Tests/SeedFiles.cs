namespace Directives.Domain.Tests;

/// <summary>The provinces' documents in ../shared/seeds, found from the test's working folder upwards.</summary>
internal static class SeedFiles
{
    public static string Path(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "shared", "seeds", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Seed document {name} not found in a shared/seeds folder above {AppContext.BaseDirectory}.");
    }
}
