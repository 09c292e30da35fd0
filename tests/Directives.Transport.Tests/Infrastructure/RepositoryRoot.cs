namespace Directives.Transport.Tests.Infrastructure;

/// <summary>Finds the repository root from the test assembly's location, wherever the tests run from.</summary>
public static class RepositoryRoot
{
    private const string Marker = "Directives.Grpc.sln";

    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find " + Marker + " above " + AppContext.BaseDirectory + ".");
    }
}
