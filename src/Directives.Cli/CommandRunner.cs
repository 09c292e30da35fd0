using System.CommandLine;
using Directives.Client.Errors;
using Google.Protobuf;
using Grpc.Core;

namespace Directives.Cli;

/// <summary>Runs a command's work and turns its failure into a message on stderr and an exit code (<see cref="ExitCodes"/>).</summary>
internal static class CommandRunner
{
    public static void SetRun(this Command command, Func<CliContext, CancellationToken, Task> run)
        => command.SetAction((parse, cancellationToken) => RunAsync(parse, run, cancellationToken));

    public static async Task<int> RunAsync(ParseResult parse, Func<CliContext, CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        var context = new CliContext(parse);
        try
        {
            await run(context, cancellationToken);
            return ExitCodes.Ok;
        }
        catch (RpcException exception)
        {
            Report(context, DirectivesException.From(exception));
            return (int)exception.StatusCode;
        }
        catch (UsageException exception)
        {
            context.Terminal.Fail(exception.Message);
            return ExitCodes.Usage;
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            context.Terminal.Fail("The input is not valid: " + exception.Message);
            return ExitCodes.DataError;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            context.Terminal.Fail(exception.Message);
            return ExitCodes.NoInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Terminal.Fail("Cancelled.");
            return (int)StatusCode.Cancelled;
        }
    }

    // The Vietnamese message for people first, then the code and English detail for whoever reads logs.
    private static void Report(CliContext context, DirectivesException error)
    {
        var terminal = context.Terminal;
        if (error.LocalizedMessage is { } localized)
        {
            terminal.Fail(localized);
        }

        var reason = error.Reason is null ? "" : " " + error.Reason;
        terminal.Fail($"{error.StatusCode}{reason}: {error.Status.Detail}");
        foreach (var violation in error.FieldViolations)
        {
            terminal.Fail($"  {violation.Field}: {violation.Description}");
        }

        foreach (var violation in error.PreconditionViolations)
        {
            terminal.Fail($"  {violation.Subject}: {violation.Description}");
        }
    }
}
