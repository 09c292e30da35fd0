using System.Diagnostics.CodeAnalysis;

namespace Grpc.AspNetCore.Server;

/// <summary>An interceptor type and the constructor arguments it is created with when DI does not provide it.</summary>
public sealed class InterceptorRegistration
{
    internal InterceptorRegistration([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type, object[] arguments)
    {
        Type = type;
        Arguments = arguments;
    }

    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public Type Type { get; }

    public IReadOnlyList<object> Arguments { get; }
}
