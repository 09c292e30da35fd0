using System.Buffers;
using System.Diagnostics;
using Directives.Bench.Transport.Protos;
using Google.Protobuf;

namespace Directives.Bench.Transport.Measure;

/// <summary>
/// What the application's own part of an echo call costs, measured in this process: parsing the request from a
/// sequence (as the generated deserializer does), the reply and its Task (as the service does), and writing the
/// reply into a buffer writer (as the generated serializer does). Part of gRPC − raw, but not the transport.
/// </summary>
internal static class AppWork
{
    private const int Calls = 200_000;

    public static AppWorkResult Measure()
    {
        var payload = new ReadOnlySequence<byte>(Payloads.EchoRequest.ToByteArray());
        var output = new ArrayBufferWriter<byte>(256);
        Run(payload, output, Calls);
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        Run(payload, output, Calls);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new AppWorkResult(
            (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)Calls,
            elapsed.TotalMicroseconds / Calls,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / Calls);
    }

    private static void Run(ReadOnlySequence<byte> payload, ArrayBufferWriter<byte> output, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            var request = EchoRequest.Parser.ParseFrom(payload);
            var reply = Task.FromResult(new EchoReply { Response = request.Request }).Result;
            output.ResetWrittenCount();
            reply.WriteTo(output);
        }
    }
}

/// <summary>The app's share per call: bytes allocated, wall time and CPU time (µs) on one thread.</summary>
internal sealed record AppWorkResult(double BytesPerCall, double MicrosPerCall, double CpuMicrosPerCall);
