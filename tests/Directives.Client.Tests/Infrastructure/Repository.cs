namespace Directives.Client.Tests.Infrastructure;

/// <summary>Paths of the checkout the tests were built from.</summary>
internal static class Repository
{
    /// <summary>The folder of Directives.Grpc.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of these tests (Debug, Release), from their output folder bin/{configuration}/{tfm}.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The <c>directives</c> CLI built with these tests.</summary>
    public static string CliAssembly { get; } = Path.Combine(Root, "src", "Directives.Cli", "bin", Configuration, "net10.0", "directives.dll");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Directives.Grpc.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Directives.Grpc.sln not found above " + AppContext.BaseDirectory);
    }
}
