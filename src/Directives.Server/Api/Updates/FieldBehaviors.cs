using System.Collections.Concurrent;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Directives.Server.Api;

/// <summary>The <c>google.api.field_behavior</c> annotations of the contract's fields, read once per field.</summary>
internal static class FieldBehaviors
{
    private static readonly ConcurrentDictionary<FieldDescriptor, FieldBehavior[]> Cache = new();

    public static bool IsOutputOnly(FieldDescriptor field) => Of(field).Contains(FieldBehavior.OutputOnly);

    public static bool IsImmutable(FieldDescriptor field) => Of(field).Contains(FieldBehavior.Immutable);

    private static FieldBehavior[] Of(FieldDescriptor field)
        => Cache.GetOrAdd(field, static f => f.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.ToArray() ?? []);
}
