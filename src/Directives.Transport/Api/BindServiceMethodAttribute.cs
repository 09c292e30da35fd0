using System.Diagnostics.CodeAnalysis;

namespace Grpc.Core;

/// <summary>
/// Names the static method that binds a generated service base class:
/// <c>BindService(ServiceBinderBase, TServiceBase)</c> on <see cref="BindType"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BindServiceMethodAttribute : Attribute
{
    private const DynamicallyAccessedMemberTypes ServiceBinderAccessibility = DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods;

    public BindServiceMethodAttribute([DynamicallyAccessedMembers(ServiceBinderAccessibility)] Type bindType, string bindMethodName)
    {
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    [DynamicallyAccessedMembers(ServiceBinderAccessibility)]
    public Type BindType { get; }

    public string BindMethodName { get; }
}
