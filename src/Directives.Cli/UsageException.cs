namespace Directives.Cli;

/// <summary>A command line that parses but cannot be run (no province to act in, a malformed date): exit code 64.</summary>
internal sealed class UsageException(string message) : Exception(message);
