using System.Collections;
using System.Collections.Concurrent;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Directives.Server.Tenancy;

/// <summary>
/// Finds the provinces a request names, generically, from the message's descriptor (worked out once per
/// message type and cached). The rule, chosen to over-match rather than miss:
/// <list type="bullet">
/// <item>a string field, single or repeated, is a resource name if it carries a
/// <c>google.api.resource_reference</c>, or is called <c>name</c> or <c>parent</c>, or ends in
/// <c>agency</c> or <c>agencies</c> (a safety net for a missing annotation);</item>
/// <item>nested messages of the directives.v1 package are searched the same way, at any depth
/// (<c>task.lead_agency</c>, <c>composition.members[2].agency</c>); well-known types are not;</item>
/// <item>a value counts when, trimmed, it starts with <c>provinces/</c> in any case; its next segment is
/// the province, or <c>-</c>. A segment that is neither a valid id nor <c>-</c> is INVALID_ARGUMENT, so a
/// name that would slip past this check cannot reach a service either.</item>
/// </list>
/// Values that do not start with <c>provinces/</c> are left to the service's own validation.
/// </summary>
internal sealed class ResourceNameFields
{
    private const string ApiPackage = "directives.v1";
    private static readonly ConcurrentDictionary<MessageDescriptor, ResourceNameFields> Cache = new();

    private readonly FieldDescriptor[] _nameFields;
    private readonly FieldDescriptor[] _messageFields;

    private ResourceNameFields(FieldDescriptor[] nameFields, FieldDescriptor[] messageFields)
    {
        _nameFields = nameFields;
        _messageFields = messageFields;
    }

    public static ResourceNameFields For(MessageDescriptor descriptor) => Cache.GetOrAdd(descriptor, Create);

    /// <summary>As <see cref="For"/>, working out every nested message type too, so a problem shows at startup, not on a call.</summary>
    public static ResourceNameFields ForRequest(MessageDescriptor descriptor)
    {
        var seen = new HashSet<MessageDescriptor>();
        var pending = new Stack<MessageDescriptor>([descriptor]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var field in For(next)._messageFields)
                {
                    pending.Push(field.MessageType);
                }
            }
        }

        return For(descriptor);
    }

    /// <summary>Every province <paramref name="message"/> names, with the field that names it.</summary>
    public IReadOnlyList<ProvinceReference> Find(IMessage message)
    {
        List<ProvinceReference>? found = null;
        Collect(message, "", ref found);
        return (IReadOnlyList<ProvinceReference>?)found ?? [];
    }

    private void Collect(IMessage message, string prefix, ref List<ProvinceReference>? found)
    {
        foreach (var field in _nameFields)
        {
            var value = field.Accessor.GetValue(message);
            if (value is string single)
            {
                Add(single, prefix + field.Name, ref found);
            }
            else if (value is IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Add((string)list[i]!, $"{prefix}{field.Name}[{i}]", ref found);
                }
            }
        }

        foreach (var field in _messageFields)
        {
            var value = field.Accessor.GetValue(message);
            if (value is IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var item = (IMessage)list[i]!;
                    For(item.Descriptor).Collect(item, $"{prefix}{field.Name}[{i}].", ref found);
                }
            }
            else if (value is IMessage nested)
            {
                For(nested.Descriptor).Collect(nested, prefix + field.Name + ".", ref found);
            }
        }
    }

    private static void Add(string value, string field, ref List<ProvinceReference>? found)
    {
        var text = value.AsSpan().Trim();
        if (!text.StartsWith(ProvinceNames.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var rest = text[ProvinceNames.Prefix.Length..];
        var end = rest.IndexOf('/');
        var province = (end < 0 ? rest : rest[..end]).ToString();
        if (province != ProvinceNames.AllProvinces && !ProvinceNames.IsValidId(province))
        {
            throw Api.ApiErrors.InvalidResourceName(field, "the province segment is not a province id");
        }

        (found ??= []).Add(new ProvinceReference(field, province));
    }

    private static ResourceNameFields Create(MessageDescriptor descriptor)
    {
        var names = new List<FieldDescriptor>();
        var messages = new List<FieldDescriptor>();
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap)
            {
                // No directives.v1 request has a map; refusing one here keeps a future map from going unchecked.
                throw new NotSupportedException($"{descriptor.FullName}.{field.Name} is a map, which tenant resolution does not search.");
            }

            if (field.FieldType == FieldType.String && IsResourceNameField(field))
            {
                names.Add(field);
            }
            else if (field.FieldType == FieldType.Message && field.MessageType.File.Package == ApiPackage)
            {
                messages.Add(field);
            }
        }

        return new ResourceNameFields([.. names], [.. messages]);
    }

    private static bool IsResourceNameField(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(ResourceExtensions.ResourceReference) is not null
        || field.Name is "name" or "parent"
        || field.Name.EndsWith("agency", StringComparison.Ordinal)
        || field.Name.EndsWith("agencies", StringComparison.Ordinal);
}
