using System.Collections.Concurrent;
using Directives.Testing.V1;
using Grpc.Core;

namespace Directives.Transport.Tests.TestService;

/// <summary>What the server saw of each call that carried a call_id: for GetCallRecord and for tests.</summary>
public sealed class CallRecorder
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Starts recording a call; null when it carries no call_id.</summary>
    public Entry? Start(string callId, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(callId))
        {
            return null;
        }

        var entry = new Entry(context);
        _entries[callId] = entry;
        return entry;
    }

    /// <summary>The record of a call, waiting up to <paramref name="wait"/> for it to finish.</summary>
    public async Task<CallRecord> GetAsync(string callId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            if (_entries.TryGetValue(callId, out var entry))
            {
                var remaining = deadline - DateTime.UtcNow;
                if (!entry.Finished.IsCompleted && remaining > TimeSpan.Zero)
                {
                    await Task.WhenAny(entry.Finished, Task.Delay(remaining, cancellationToken));
                }

                return entry.ToRecord();
            }

            if (DateTime.UtcNow >= deadline)
            {
                return new CallRecord { Found = false };
            }

            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>CANCELLED when the client went away, DEADLINE_EXCEEDED when the token fired with the client still there.</summary>
    public static StatusCode CancellationStatus(ServerCallContext context) =>
        context.GetHttpContext().RequestAborted.IsCancellationRequested ? StatusCode.Cancelled : StatusCode.DeadlineExceeded;

    /// <summary>
    /// One call's record. It finishes when the handler ends the call or, first, when the server sees the
    /// call cancelled or past its deadline; the first of these wins.
    /// </summary>
    public sealed class Entry
    {
        private readonly TaskCompletionSource<(StatusCode Code, bool Cancelled)> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _registration;

        internal Entry(ServerCallContext context)
        {
            _registration = context.CancellationToken.Register(static state =>
            {
                var (entry, callContext) = ((Entry, ServerCallContext))state!;
                entry._finished.TrySetResult((CancellationStatus(callContext), true));
            }, (this, context));
        }

        public Task Finished => _finished.Task;

        /// <summary>The handler ended the call; <paramref name="cancelled"/> when it ended because its token fired.</summary>
        public void Finish(StatusCode statusCode, bool cancelled = false)
        {
            _finished.TrySetResult((statusCode, cancelled));
            _registration.Dispose();
        }

        internal CallRecord ToRecord()
        {
            if (!_finished.Task.IsCompleted)
            {
                return new CallRecord { Found = true };
            }

            var (code, cancelled) = _finished.Task.Result;
            return new CallRecord { Found = true, Finished = true, Cancelled = cancelled, StatusCode = (int)code };
        }
    }
}
