namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Who may touch a call's response. The handler may, one operation (a write, a flush, the headers, the
/// status) at a time, until the call ends: by the handler returning, or from outside it (the deadline
/// passing). An outside end that arrives during a handler's operation is carried out when that
/// operation exits, so the response is never written from two threads at once. Lock-free: two
/// interlocked operations per write.
/// </summary>
internal struct ResponseOwnership
{
    private const int Idle = 0;
    private const int Busy = 1;
    private const int EndRequested = 2;
    private const int Ended = 3;

    private int _state;

    public enum EnterResult
    {
        Entered,
        Busy,
        Ended,
    }

    public enum OutsideEndResult
    {
        /// <summary>The caller must end the call now.</summary>
        EndNow,

        /// <summary>The handler's current operation will end it when it exits.</summary>
        Deferred,

        /// <summary>The call had already ended.</summary>
        AlreadyEnded,
    }

    public EnterResult TryEnter() => Interlocked.CompareExchange(ref _state, Busy, Idle) switch
    {
        Idle => EnterResult.Entered,
        Busy => EnterResult.Busy,
        _ => EnterResult.Ended,
    };

    /// <summary>Ends an operation; true when an outside end arrived meanwhile and the caller must carry it out.</summary>
    public bool Exit()
    {
        while (true)
        {
            switch (Volatile.Read(ref _state))
            {
                case Busy when Interlocked.CompareExchange(ref _state, Idle, Busy) == Busy:
                    return false;
                case EndRequested when Interlocked.CompareExchange(ref _state, Ended, EndRequested) == EndRequested:
                    return true;
                case Idle or Ended:
                    return false;
            }
        }
    }

    /// <summary>The handler returned: true when it ends the call now (and writes its status), false when it had ended already.</summary>
    public bool TryEndFromHandler()
    {
        var previous = Interlocked.CompareExchange(ref _state, Ended, Idle);
        if (previous == Idle)
        {
            return true;
        }

        // A write the handler left running (not awaited) when it returned: end anyway, it cannot finish cleanly.
        return previous == Busy && Interlocked.CompareExchange(ref _state, Ended, Busy) == Busy;
    }

    public OutsideEndResult RequestEndFromOutside()
    {
        while (true)
        {
            switch (Volatile.Read(ref _state))
            {
                case Idle when Interlocked.CompareExchange(ref _state, Ended, Idle) == Idle:
                    return OutsideEndResult.EndNow;
                case Busy when Interlocked.CompareExchange(ref _state, EndRequested, Busy) == Busy:
                    return OutsideEndResult.Deferred;
                case EndRequested or Ended:
                    return OutsideEndResult.AlreadyEnded;
            }
        }
    }
}
