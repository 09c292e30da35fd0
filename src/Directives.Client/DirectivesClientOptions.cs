namespace Directives.Client;

/// <summary>How a <see cref="DirectivesClient"/> reaches the server and who it calls as.</summary>
public sealed class DirectivesClientOptions
{
    /// <summary>The server, for example <c>http://localhost:5000</c> (h2c) or an <c>https://</c> address.</summary>
    public required Uri Address { get; init; }

    /// <summary>The bearer token sent as <c>authorization</c> on every call; none when null.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// The province sent as <c>x-province</c> metadata (<c>hung-yen</c>). The server checks that it agrees
    /// with the token and the request, so a client configured for one province cannot write to another by mistake.
    /// </summary>
    public string? Province { get; init; }

    /// <summary>The deadline of a call that sets none, counted from its start and shared by its retries.</summary>
    public TimeSpan DefaultDeadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When and how calls that failed UNAVAILABLE are sent again.</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>The HTTP handler of the channel (proxies, certificates, tests), disposed with the client; a default <c>SocketsHttpHandler</c> when null.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The clock of deadlines and backoff delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
