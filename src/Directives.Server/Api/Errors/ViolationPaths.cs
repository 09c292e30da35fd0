using System.Collections.Concurrent;
using Directives.Domain.Validation;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Directives.Server.Api;

/// <summary>
/// Makes the domain's field paths request paths. The domain names fields relative to the resource
/// (<c>number_and_symbol</c>); a BadRequest names them as in the request
/// (<c>directive.number_and_symbol</c>). A path whose first field is a field of the request stays as
/// it is (<c>start_date</c> of AppointCommitteeMember, or a path the service already prefixed); one
/// whose first field belongs to the resource the request carries gets that field as prefix.
/// </summary>
internal static class ViolationPaths
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor?> ResourceFields = new();

    public static IReadOnlyList<FieldViolation> Qualify(IReadOnlyList<FieldViolation> violations, IMessage? request)
    {
        if (request is null || ResourceFields.GetOrAdd(request.Descriptor, FindResourceField) is not { } resourceField)
        {
            return violations;
        }

        return [.. violations.Select(v => Qualify(v, request.Descriptor, resourceField))];
    }

    private static FieldViolation Qualify(FieldViolation violation, MessageDescriptor request, FieldDescriptor resourceField)
    {
        var end = violation.Field.AsSpan().IndexOfAny('.', '[');
        var top = end < 0 ? violation.Field : violation.Field[..end];
        return request.FindFieldByName(top) is null && resourceField.MessageType.FindFieldByName(top) is not null
            ? violation.WithPrefix(resourceField.Name)
            : violation;
    }

    // The one singular field whose type is an API resource (google.api.resource): `task` of CreateTaskRequest.
    private static FieldDescriptor? FindResourceField(MessageDescriptor request)
    {
        var candidates = request.Fields.InFieldNumberOrder()
            .Where(f => f is { FieldType: FieldType.Message, IsRepeated: false }
                && f.MessageType.GetOptions()?.GetExtension(ResourceExtensions.Resource) is not null)
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
