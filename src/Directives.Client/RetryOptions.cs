using Grpc.Core;

namespace Directives.Client;

/// <summary>
/// Retries of calls that failed UNAVAILABLE (the server was unreachable or shedding load): only calls
/// that are safe to send twice, that is reads (Get, List, Summarize, ListChanges) and any call whose
/// request carries a non-empty <c>request_id</c> (the server returns the first result of a repeated one).
/// Delays grow exponentially with "full jitter" as gRPC's retry design specifies: attempt n waits a random
/// time in [0, min(<see cref="InitialBackoff"/> × <see cref="BackoffMultiplier"/>^(n-1), <see cref="MaxBackoff"/>)).
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Attempts in all, the first included; 1 turns retries off.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    public double BackoffMultiplier { get; init; } = 2;

    /// <summary>Called before each retry with the method, the attempt about to be made (2 for the first retry), the delay and the failure.</summary>
    public Action<RetryAttempt>? OnRetry { get; init; }

    /// <summary>The random source of jitter; shared and thread-safe by default.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>The upper bound of the delay before <paramref name="attempt"/> (2 for the first retry).</summary>
    public TimeSpan BackoffCeiling(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 2);
        var ticks = InitialBackoff.Ticks * Math.Pow(BackoffMultiplier, attempt - 2);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The jittered delay before <paramref name="attempt"/>: uniform in [0, <see cref="BackoffCeiling"/>).</summary>
    public TimeSpan Backoff(int attempt) => TimeSpan.FromTicks((long)(BackoffCeiling(attempt).Ticks * Random.NextDouble()));
}

/// <summary>One retry about to happen.</summary>
/// <param name="Method">The full method name, <c>/directives.v1.DirectiveService/GetDirective</c>.</param>
/// <param name="Attempt">The attempt about to be made: 2 for the first retry.</param>
/// <param name="Delay">How long the client waits before it.</param>
/// <param name="Status">The status of the failed attempt.</param>
public sealed record RetryAttempt(string Method, int Attempt, TimeSpan Delay, Status Status);
