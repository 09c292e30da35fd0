namespace Directives.Bench.Transport.Load;

/// <summary>Concurrent streams as connections times streams per connection.</summary>
internal sealed record LoadShape(int Connections, int StreamsPerConnection)
{
    public int Streams => Connections * StreamsPerConnection;

    public string Label => Connections == 1 ? Streams + " (1×" + StreamsPerConnection + ")" : Streams + " (" + Connections + "×" + StreamsPerConnection + ")";
}
