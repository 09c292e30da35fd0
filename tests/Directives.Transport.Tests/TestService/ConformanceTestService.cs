using System.Text;
using Directives.Testing.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Directives.Transport.Tests.TestService;

/// <summary>
/// The conformance service of tests/protos/directives/testing/v1/conformance.proto, shared by the server,
/// client and interop tests; it behaves as tests/peers/README.md ("What a ConformanceService server must
/// do") spells out. Beyond that: Unary and Duplex answer with response_size zero bytes instead of the
/// echoed payload when response_size is set (for send-limit tests), and responses carry their index.
/// </summary>
public sealed class ConformanceTestService(CallRecorder recorder) : ConformanceService.ConformanceServiceBase
{
    public const string EchoPrefix = "x-echo-";
    public const string TrailerPrefix = "x-trailer-";
    public const string SecretExceptionText = "LEAK-CANARY: secret handler detail";

    public override Task<EchoResponse> Unary(EchoRequest request, ServerCallContext context) =>
        RecordAsync(request.CallId, context, async deadlineRemaining =>
        {
            await EchoMetadataAsync(request, context);
            await DelayAsync(request.DelayMs, context);
            RaiseIfAsked(request, context);
            return CreateResponse(request, context, index: 0, deadlineRemaining);
        });

    public override Task ServerStream(EchoRequest request, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context) =>
        RecordAsync(request.CallId, context, async deadlineRemaining =>
        {
            await EchoMetadataAsync(request, context);
            for (var i = 0; i < request.ResponseCount; i++)
            {
                await DelayAsync(request.DelayMs, context);
                var response = CreateResponse(request, context, i, deadlineRemaining);
                response.Payload = ByteString.CopyFrom(new byte[request.ResponseSize]);
                await responseStream.WriteAsync(response);
            }

            RaiseIfAsked(request, context);
            return true;
        });

    public override async Task<EchoResponse> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var startRemaining = DeadlineRemaining(context);
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return new EchoResponse { ReceivedCount = 0, RequestEncoding = RequestEncoding(context), DeadlineRemainingMs = startRemaining };
        }

        var first = requestStream.Current;
        return await RecordAsync(first.CallId, context, async _ =>
        {
            await EchoMetadataAsync(first, context);
            var messages = new StringBuilder(first.Message);
            var payloads = new MemoryStream();
            first.Payload.WriteTo(payloads);
            var count = 1;
            while ((first.StopAfter <= 0 || count < first.StopAfter) && await requestStream.MoveNext(context.CancellationToken))
            {
                messages.Append(requestStream.Current.Message);
                requestStream.Current.Payload.WriteTo(payloads);
                count++;
            }

            await DelayAsync(first.DelayMs, context);
            RaiseIfAsked(first, context);
            var response = CreateResponse(first, context, index: 0, startRemaining);
            response.Message = messages.ToString();
            response.ReceivedCount = count;
            response.Payload = ByteString.CopyFrom(payloads.ToArray());
            return response;
        });
    }

    public override async Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        var startRemaining = DeadlineRemaining(context);
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }

        var first = requestStream.Current;
        await RecordAsync(first.CallId, context, async _ =>
        {
            await EchoMetadataAsync(first, context);
            var index = 0;
            var request = first;
            while (true)
            {
                await DelayAsync(request.DelayMs, context);
                RaiseIfAsked(request, context);
                var response = CreateResponse(request, context, index, startRemaining);
                response.ReceivedCount = index + 1;
                await responseStream.WriteAsync(response);
                index++;
                if (!await requestStream.MoveNext(context.CancellationToken))
                {
                    return true;
                }

                request = requestStream.Current;
            }
        });
    }

    public override Task<CallRecord> GetCallRecord(CallRecordRequest request, ServerCallContext context) =>
        recorder.GetAsync(request.CallId, TimeSpan.FromMilliseconds(Math.Max(0, request.WaitMs)), context.CancellationToken);

    private async Task<T> RecordAsync<T>(string callId, ServerCallContext context, Func<long, Task<T>> body)
    {
        var deadlineRemaining = DeadlineRemaining(context);
        var entry = recorder.Start(callId, context);
        try
        {
            var result = await body(deadlineRemaining);
            entry?.Finish(context.Status.StatusCode);
            return result;
        }
        catch (RpcException exception)
        {
            entry?.Finish(exception.StatusCode);
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The token's callbacks may run this before the record's own registration sees it.
            entry?.Finish(CallRecorder.CancellationStatus(context), cancelled: true);
            throw;
        }
        catch (Exception)
        {
            entry?.Finish(StatusCode.Unknown);
            throw;
        }
    }

    private static async Task EchoMetadataAsync(EchoRequest request, ServerCallContext context)
    {
        if (!request.EchoMetadata)
        {
            return;
        }

        var headers = new Metadata();
        foreach (var entry in context.RequestHeaders)
        {
            if (!entry.Key.StartsWith(EchoPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var trailerKey = TrailerPrefix + entry.Key[EchoPrefix.Length..];
            if (entry.IsBinary)
            {
                headers.Add(entry.Key, entry.ValueBytes);
                context.ResponseTrailers.Add(trailerKey, entry.ValueBytes);
            }
            else
            {
                headers.Add(entry.Key, entry.Value);
                context.ResponseTrailers.Add(trailerKey, entry.Value);
            }
        }

        await context.WriteResponseHeadersAsync(headers);
    }

    private static Task DelayAsync(int delayMs, ServerCallContext context) =>
        delayMs > 0 ? Task.Delay(delayMs, context.CancellationToken) : Task.CompletedTask;

    private static void RaiseIfAsked(EchoRequest request, ServerCallContext context)
    {
        if (request.ThrowException)
        {
            throw new InvalidOperationException(SecretExceptionText);
        }

        var spec = request.RaiseStatus;
        if (spec is null || spec.Code == 0)
        {
            return;
        }

        var trailers = new Metadata();
        if (!spec.Details.IsEmpty)
        {
            trailers.Add("grpc-status-details-bin", spec.Details.ToByteArray());
        }

        throw new RpcException(new Status((StatusCode)spec.Code, spec.Message), trailers);
    }

    private static EchoResponse CreateResponse(EchoRequest request, ServerCallContext context, int index, long deadlineRemaining) => new()
    {
        Message = request.Message,
        Payload = request.ResponseSize > 0 ? ByteString.CopyFrom(new byte[request.ResponseSize]) : request.Payload,
        Index = index,
        DeadlineRemainingMs = deadlineRemaining,
        RequestEncoding = RequestEncoding(context),
    };

    private static long DeadlineRemaining(ServerCallContext context) => context.Deadline == DateTime.MaxValue
        ? -1
        : Math.Max(0, (long)(context.Deadline - DateTime.UtcNow).TotalMilliseconds);

    private static string RequestEncoding(ServerCallContext context)
    {
        var encoding = context.GetHttpContext().Request.Headers["grpc-encoding"].ToString();
        return encoding.Length == 0 ? "identity" : encoding;
    }
}
