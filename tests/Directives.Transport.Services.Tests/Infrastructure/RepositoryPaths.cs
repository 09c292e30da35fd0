namespace Directives.Transport.Services.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the first folder above the test binaries holding the solution.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directives.Grpc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Directives.Grpc.sln was not found above " + AppContext.BaseDirectory + ".");
    }
}
