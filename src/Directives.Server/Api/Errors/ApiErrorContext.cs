using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Directives.Server.Api;

/// <summary>The call a failure happened in, for mappings that need to say which resource it was about.</summary>
/// <param name="Method">The full method, <c>/directives.v1.TaskService/CompleteTask</c>.</param>
/// <param name="Request">The request message; null for client-streaming and duplex calls.</param>
internal sealed record ApiErrorContext(string Method, IMessage? Request)
{
    /// <summary>
    /// The resource the request is about, best effort: its <c>name</c>, else the <c>name</c> of the
    /// resource it carries (Update), else its <c>parent</c>; empty when none.
    /// </summary>
    public string ResourceName => Request is null ? "" : NameOf(Request);

    private static string NameOf(IMessage request)
    {
        var descriptor = request.Descriptor;
        if (StringField(request, descriptor.FindFieldByName("name")) is { Length: > 0 } name)
        {
            return name;
        }

        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field is { FieldType: FieldType.Message, IsRepeated: false }
                && field.Accessor.GetValue(request) is IMessage resource
                && StringField(resource, resource.Descriptor.FindFieldByName("name")) is { Length: > 0 } resourceName)
            {
                return resourceName;
            }
        }

        return StringField(request, descriptor.FindFieldByName("parent")) ?? "";
    }

    private static string? StringField(IMessage message, FieldDescriptor? field)
        => field is { FieldType: FieldType.String, IsRepeated: false } ? (string)field.Accessor.GetValue(message) : null;
}
