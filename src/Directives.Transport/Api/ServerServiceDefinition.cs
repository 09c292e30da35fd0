namespace Grpc.Core;

/// <summary>A service's methods bound to handler instances, built by the generated <c>BindService(impl)</c>.</summary>
public class ServerServiceDefinition
{
    private readonly IReadOnlyList<Action<ServiceBinderBase>> _addMethodActions;

    private ServerServiceDefinition(IReadOnlyList<Action<ServiceBinderBase>> addMethodActions)
    {
        _addMethodActions = addMethodActions;
    }

    public static Builder CreateBuilder() => new();

    /// <summary>Replays every method into <paramref name="serviceBinder"/>.</summary>
    internal void BindService(ServiceBinderBase serviceBinder)
    {
        foreach (var addMethod in _addMethodActions)
        {
            addMethod(serviceBinder);
        }
    }

    public class Builder
    {
        private readonly Dictionary<string, object?> _methodNames = new(StringComparer.Ordinal);
        private readonly List<Action<ServiceBinderBase>> _addMethodActions = [];

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public ServerServiceDefinition Build() => new(_addMethodActions.ToArray());

        private Builder Add(IMethod method, Action<ServiceBinderBase> addMethod)
        {
            if (!_methodNames.TryAdd(method.FullName, null))
            {
                throw new ArgumentException("A method named " + method.FullName + " is already registered.", nameof(method));
            }

            _addMethodActions.Add(addMethod);
            return this;
        }
    }
}
