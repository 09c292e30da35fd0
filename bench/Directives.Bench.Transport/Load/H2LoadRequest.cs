using System.Globalization;

namespace Directives.Bench.Transport.Load;

/// <summary>
/// One h2load run of a fixed number of requests. Never a fixed duration: h2load then stops by resetting the
/// streams in flight, and the server sees those calls fail (with exceptions and error logs) inside the cell.
/// </summary>
internal sealed record H2LoadRequest(Uri Target, string FrameFile, LoadShape Shape, int Requests, string? LogFile = null)
{
    public IEnumerable<string> Arguments()
    {
        yield return "-t1";
        yield return "-c" + Shape.Connections.ToString(CultureInfo.InvariantCulture);
        yield return "-m" + Shape.StreamsPerConnection.ToString(CultureInfo.InvariantCulture);
        yield return "-n" + Requests.ToString(CultureInfo.InvariantCulture);

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
