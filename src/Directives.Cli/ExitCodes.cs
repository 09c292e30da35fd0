namespace Directives.Cli;

/// <summary>
/// The process exit code: the gRPC status code of a failed call (0 OK, 3 INVALID_ARGUMENT, 5 NOT_FOUND,
/// 7 PERMISSION_DENIED, 14 UNAVAILABLE, 16 UNAUTHENTICATED…), or one of the BSD sysexits codes below
/// for failures that are not a call's, so that scripts can tell them apart.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>EX_USAGE: unknown command or option, missing or invalid argument.</summary>
    public const int Usage = 64;

    /// <summary>EX_DATAERR: an input file that is not what the command expects.</summary>
    public const int DataError = 65;

    /// <summary>EX_NOINPUT: an input file that cannot be read.</summary>
    public const int NoInput = 66;

    /// <summary>EX_SOFTWARE: anything else, a bug.</summary>
    public const int Software = 70;

    public const string Help = """
        Exit codes: 0 success; 1-16 the gRPC status code of the call that failed (3 INVALID_ARGUMENT,
        5 NOT_FOUND, 7 PERMISSION_DENIED, 14 UNAVAILABLE, 16 UNAUTHENTICATED, ...); 64 usage error;
        65 malformed input file; 66 unreadable input file; 70 internal error.
        """;
}
