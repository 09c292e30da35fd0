using System.Globalization;

namespace Directives.Bench.Transport.Load;

/// <summary>What one h2load run does: a fixed duration or a fixed number of requests.</summary>
internal sealed record H2LoadRequest(Uri Target, string FrameFile, LoadShape Shape, TimeSpan? Duration, int? Requests, string? LogFile)
{
    public IEnumerable<string> Arguments()
    {
        yield return "-t1";
        yield return "-c" + Shape.Connections.ToString(CultureInfo.InvariantCulture);
        yield return "-m" + Shape.StreamsPerConnection.ToString(CultureInfo.InvariantCulture);
        if (Duration is { } duration)
        {
            yield return "-D" + ((int)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }
        else
        {
            yield return "-n" + (Requests ?? 1).ToString(CultureInfo.InvariantCulture);
        }

        yield return "-d" + FrameFile;
        yield return "-Hcontent-type: application/grpc";
        yield return "-Hte: trailers";
        if (LogFile is not null)
        {
            yield return "--log-file=" + LogFile;
        }

        yield return Target.ToString();
    }
}

/// <summary>h2load's summary, its CPU time, and the percentiles of its per-request log.</summary>
internal sealed record H2LoadResult(double Seconds, long Done, long Failed, long Errored, long DataBytes, TimeSpan LoadCpu, Latencies? Latencies)
{
    public double RequestsPerSecond => Done / Seconds;
}
