using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Directives.Server.Api;

/// <summary>Reading, comparing and copying a field along a path of fields, by proto reflection.</summary>
internal static class MessageFields
{
    /// <summary>Whether the field is set in the sense of AIP-134's "populated": non-default, non-empty, present.</summary>
    public static bool IsPopulated(IMessage message, FieldDescriptor field)
    {
        if (field.IsRepeated)
        {
            return ((IList)field.Accessor.GetValue(message)).Count > 0;
        }

        if (field.HasPresence)
        {
            return field.Accessor.HasValue(message);
        }

        return field.Accessor.GetValue(message) switch
        {
            null => false,
            string text => text.Length > 0,
            ByteString bytes => !bytes.IsEmpty,
            bool flag => flag,
            double number => number != 0,
            float number => number != 0,
            Enum value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
            var number => Convert.ToInt64(number, System.Globalization.CultureInfo.InvariantCulture) != 0,
        };
    }

    /// <summary>The value at <paramref name="path"/>; an unset message on the way reads as the default of what follows.</summary>
    public static object? Get(IMessage message, IReadOnlyList<FieldDescriptor> path)
    {
        IMessage? current = message;
        for (var i = 0; i < path.Count - 1; i++)
        {
            current = (IMessage?)path[i].Accessor.GetValue(current);
            if (current is null)
            {
                return Default(path[^1]);
            }
        }

        var value = path[^1].Accessor.GetValue(current);
        return value ?? Default(path[^1]);
    }

    /// <summary>Whether both messages hold the same value at <paramref name="path"/>; unset and empty messages or lists count as equal.</summary>
    public static bool AreEqual(IMessage left, IMessage right, IReadOnlyList<FieldDescriptor> path)
    {
        var leaf = path[^1];
        var a = Get(left, path);
        var b = Get(right, path);
        if (leaf.IsRepeated)
        {
            var first = (IList?)a ?? Array.Empty<object>();
            var second = (IList?)b ?? Array.Empty<object>();
            return first.Count == second.Count && first.Cast<object>().SequenceEqual(second.Cast<object>());
        }

        if (leaf.FieldType == FieldType.Message)
        {
            a ??= NewMessage(leaf);
            b ??= NewMessage(leaf);
        }

        return Equals(a, b);
    }

    /// <summary>Copies the value at <paramref name="path"/> from <paramref name="source"/> to <paramref name="target"/>; repeated fields are replaced whole.</summary>
    public static void Copy(IMessage source, IMessage target, IReadOnlyList<FieldDescriptor> path)
    {
        IMessage from = source;
        var to = target;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var field = path[i];
            from = (IMessage?)field.Accessor.GetValue(from) ?? NewMessage(field);
            if (field.Accessor.GetValue(to) is not IMessage next)
            {
                next = NewMessage(field);
                field.Accessor.SetValue(to, next);
            }

            to = next;
        }

        var leaf = path[^1];
        if (leaf.IsRepeated)
        {
            var list = (IList)leaf.Accessor.GetValue(to);
            list.Clear();
            foreach (var item in (IList)leaf.Accessor.GetValue(from))
            {
                list.Add(Clone(item));
            }
        }
        else if (leaf.FieldType == FieldType.Message)
        {
            if (leaf.Accessor.GetValue(from) is IMessage value)
            {
                leaf.Accessor.SetValue(to, Clone(value));
            }
            else
            {
                leaf.Accessor.Clear(to);
            }
        }
        else if (leaf.HasPresence && !leaf.Accessor.HasValue(from))
        {
            leaf.Accessor.Clear(to);
        }
        else
        {
            leaf.Accessor.SetValue(to, leaf.Accessor.GetValue(from));
        }
    }

    private static object? Default(FieldDescriptor field)
        => field.IsRepeated || field.FieldType == FieldType.Message
            ? null
            : field.Accessor.GetValue(NewMessage(field.ContainingType));

    private static IMessage NewMessage(FieldDescriptor field) => NewMessage(field.MessageType);

    private static IMessage NewMessage(MessageDescriptor type) => type.Parser.ParseFrom(ByteString.Empty);

    private static object Clone(object value) => value is IMessage message ? message.Descriptor.Parser.ParseFrom(message.ToByteString()) : value;
}
