using System.Diagnostics;
using System.Reflection;

namespace Directives.Bench.Transport.Measure;

/// <summary>How to start this program again: its apphost, or <c>dotnet</c> with its assembly.</summary>
internal static class SelfCommand
{
    public static void AddTo(ProcessStartInfo info, bool first)
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown process path.");
        var viaDotnet = Path.GetFileNameWithoutExtension(processPath) == "dotnet";
        if (first)
        {
            info.FileName = processPath;
        }
        else
        {
            info.ArgumentList.Add(processPath);
        }

        if (viaDotnet)
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }
    }
}
