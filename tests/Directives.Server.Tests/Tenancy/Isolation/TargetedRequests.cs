using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Directives.Server.Tests.Tenancy.Isolation;

/// <summary>
/// Builds the request of any directives.v1 method so that every field holding a resource name names a
/// resource of one province: the real resources of <see cref="ProvinceResources"/> where the service
/// has one, else a well-formed name under <c>provinces/{id}</c>. Messages inside the request (the
/// resource of a Create or Update, a filter message) are filled the same way, a few levels deep.
/// </summary>
internal static class TargetedRequests
{
    private const int MaxDepth = 3;

    public static IMessage For(MethodDescriptor method, ProvinceResources target, string? parentOverride = null)
    {
        var request = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        Fill(request, method, target, depth: 0);
        if (parentOverride is not null && request.Descriptor.FindFieldByName("parent") is { FieldType: FieldType.String } parent)
        {
            parent.Accessor.SetValue(request, parentOverride);
        }

        return request;
    }

    /// <summary>Whether the request type has a top-level <c>parent</c>: where <c>provinces/-</c> can be asked for.</summary>
    public static bool HasParent(MethodDescriptor method) => method.InputType.FindFieldByName("parent") is { FieldType: FieldType.String };

    private static void Fill(IMessage message, MethodDescriptor method, ProvinceResources target, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType == FieldType.String && IsResourceName(field))
            {
                var value = depth == 0 ? target.For(method, field.Name) : target.Nested(field.Name);
                if (field.IsRepeated)
                {
                    ((System.Collections.IList)field.Accessor.GetValue(message)).Add(value);
                }
                else
                {
                    field.Accessor.SetValue(message, value);
                }
            }
            else if (field.FieldType == FieldType.Message && !field.IsRepeated && !field.IsMap && depth < MaxDepth
                && field.MessageType.File.Package == "directives.v1")
            {
                var nested = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                Fill(nested, method, target, depth + 1);
                field.Accessor.SetValue(message, nested);
            }
        }
    }

    // The fields the server's tenant resolution reads as names, by the same rules (Tenancy/README.md).
    private static bool IsResourceName(FieldDescriptor field)
        => field.Name is "name" or "parent"
            || field.Name.EndsWith("agency", StringComparison.Ordinal)
            || field.Name.EndsWith("agencies", StringComparison.Ordinal)
            || field.GetOptions()?.GetExtension(ResourceExtensions.ResourceReference) is not null;
}
