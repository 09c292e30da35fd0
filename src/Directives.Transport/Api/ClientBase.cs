namespace Grpc.Core;

/// <summary>Base of every generated client.</summary>
public abstract class ClientBase
{
    protected ClientBase()
    {
        Configuration = null!;
        CallInvoker = new UnimplementedCallInvoker();
    }

    protected ClientBase(ClientBaseConfiguration configuration)
    {
        Configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        CallInvoker = configuration.CreateDecoratedCallInvoker();
    }

    protected ClientBase(ChannelBase channel)
        : this(channel?.CreateCallInvoker() ?? throw new ArgumentNullException(nameof(channel)))
    {
    }

    protected ClientBase(CallInvoker callInvoker)
        : this(new ClientBaseConfiguration(callInvoker ?? throw new ArgumentNullException(nameof(callInvoker)), null))
    {
    }

    protected CallInvoker CallInvoker { get; }

    internal ClientBaseConfiguration Configuration { get; }

    /// <summary>How a client instance was made: its invoker and an optional host override.</summary>
    protected internal class ClientBaseConfiguration
    {
        private readonly CallInvoker _undecoratedCallInvoker;
        private readonly string? _host;

        internal ClientBaseConfiguration(CallInvoker undecoratedCallInvoker, string? host)
        {
            _undecoratedCallInvoker = undecoratedCallInvoker;
            _host = host;
        }

        internal CallInvoker CreateDecoratedCallInvoker() =>
            _host is null ? _undecoratedCallInvoker : new HostOverridingCallInvoker(_undecoratedCallInvoker, _host);

        internal ClientBaseConfiguration WithHost(string host) =>
            new(_undecoratedCallInvoker, host ?? throw new ArgumentNullException(nameof(host)));
    }
}

/// <summary>Base of every generated client, able to make copies of itself.</summary>
public abstract class ClientBase<T> : ClientBase
    where T : ClientBase<T>
{
    protected ClientBase()
    {
    }

    protected ClientBase(ClientBaseConfiguration configuration)
        : base(configuration)
    {
    }

    protected ClientBase(ChannelBase channel)
        : base(channel)
    {
    }

    protected ClientBase(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    /// <summary>A copy of this client whose calls name <paramref name="host"/> as their authority.</summary>
    public T WithHost(string host) => NewInstance(Configuration.WithHost(host));

    protected abstract T NewInstance(ClientBaseConfiguration configuration);
}
