using System.Collections.Concurrent;
using Directives.Domain.Validation;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Directives.Server.Api;

/// <summary>
/// Which fields of <typeparamref name="TResource"/> an Update method may change, and the rules of
/// common.proto for its <c>update_mask</c> (AIP-134):
/// <list type="bullet">
/// <item>no mask (or an empty one): every field populated in the request;</item>
/// <item><c>*</c>, alone: every updatable field, clearing those the request leaves unset;</item>
/// <item>paths: those fields, or sub-fields of updatable message fields (<c>signer.title</c>); a repeated field is replaced whole;</item>
/// <item>OUTPUT_ONLY fields, <c>name</c> and <c>etag</c> are ignored wherever they appear;</item>
/// <item>an IMMUTABLE field, or one the method does not update, is INVALID_ARGUMENT when its value changes
/// (and ignored when it does not); an unknown path is INVALID_ARGUMENT on <c>update_mask</c>.</item>
/// </list>
/// Paths are resolved against the message descriptor once each and cached.
/// </summary>
internal sealed class UpdateMaskPolicy<TResource>
    where TResource : IMessage<TResource>, new()
{
    private static readonly MessageDescriptor Descriptor = new TResource().Descriptor;

    private readonly HashSet<string> _updatable;
    private readonly ConcurrentDictionary<string, FieldDescriptor[]?> _resolved = new(StringComparer.Ordinal);

    /// <param name="resourceField">The request's field holding the resource (<c>task</c>), which prefixes violation paths.</param>
    /// <param name="updatableFields">The top-level fields the method changes.</param>
    public UpdateMaskPolicy(string resourceField, params string[] updatableFields)
    {
        foreach (var name in updatableFields)
        {
            var field = Descriptor.FindFieldByName(name)
                ?? throw new ArgumentException($"{Descriptor.Name} has no field {name}.", nameof(updatableFields));
            if (IsIgnored(field) || FieldBehaviors.IsImmutable(field))
            {
                throw new ArgumentException($"{Descriptor.Name}.{name} is OUTPUT_ONLY, IMMUTABLE or an identifier: it cannot be updatable.", nameof(updatableFields));
            }
        }

        ResourceField = resourceField;
        UpdatableFields = updatableFields;
        _updatable = new HashSet<string>(updatableFields, StringComparer.Ordinal);
    }

    public string ResourceField { get; }

    public IReadOnlyList<string> UpdatableFields { get; }

    /// <summary>
    /// The fields to copy from <paramref name="requested"/> onto <paramref name="stored"/>, or
    /// INVALID_ARGUMENT with every violation of the mask.
    /// </summary>
    public UpdateMask Resolve(FieldMask? mask, TResource requested, TResource stored)
    {
        var violations = new List<FieldViolation>();
        var paths = new List<FieldDescriptor[]>();
        if (mask is null || mask.Paths.Count == 0)
        {
            foreach (var field in Descriptor.Fields.InFieldNumberOrder())
            {
                if (!IsIgnored(field) && MessageFields.IsPopulated(requested, field))
                {
                    Select([field], requested, stored, paths, violations);
                }
            }
        }
        else if (mask.Paths.Contains("*"))
        {
            if (mask.Paths.Count > 1)
            {
                violations.Add(new FieldViolation("update_mask", "\"*\" must be the only path"));
            }

            foreach (var field in Descriptor.Fields.InFieldNumberOrder())
            {
                if (_updatable.Contains(field.Name))
                {
                    paths.Add([field]);
                }
                else if (!IsIgnored(field) && MessageFields.IsPopulated(requested, field))
                {
                    Select([field], requested, stored, paths, violations);
                }
            }
        }
        else
        {
            foreach (var text in mask.Paths)
            {
                if (_resolved.GetOrAdd(text, Resolve) is not { } path)
                {
                    violations.Add(new FieldViolation("update_mask", $"\"{text}\" is not a field path of {Descriptor.Name}"));
                }
                else if (!IsIgnored(path[0]))
                {
                    Select(path, requested, stored, paths, violations, fromMask: true);
                }
            }
        }

        return violations.Count > 0 ? throw ApiErrors.InvalidArgument(violations) : new UpdateMask(paths);
    }

    private void Select(
        FieldDescriptor[] path,
        TResource requested,
        TResource stored,
        List<FieldDescriptor[]> paths,
        List<FieldViolation> violations,
        bool fromMask = false)
    {
        var top = path[0];
        if (_updatable.Contains(top.Name))
        {
            if (!paths.Any(p => p.SequenceEqual(path)))
            {
                paths.Add(path);
            }

            return;
        }

        var text = string.Join('.', path.Select(f => f.Name));
        if (FieldBehaviors.IsImmutable(top))
        {
            if (!MessageFields.AreEqual(requested, stored, path))
            {
                violations.Add(new FieldViolation($"{ResourceField}.{text}", "is immutable: it cannot be changed once set"));
            }
        }
        else if (fromMask || !MessageFields.AreEqual(requested, stored, path))
        {
            var description = $"cannot be changed by this method; it updates {string.Join(", ", UpdatableFields)}";
            violations.Add(fromMask
                ? new FieldViolation("update_mask", $"\"{text}\" {description}")
                : new FieldViolation($"{ResourceField}.{text}", description));
        }
    }

    // `signer.title` → [signer, title]; null when a segment is not a field, or steps into a repeated or scalar field.
    private static FieldDescriptor[]? Resolve(string text)
    {
        var segments = text.Split('.');
        var path = new FieldDescriptor[segments.Length];
        var type = Descriptor;
        for (var i = 0; i < segments.Length; i++)
        {
            if (type is null || type.FindFieldByName(segments[i]) is not { } field)
            {
                return null;
            }

            path[i] = field;
            type = field.FieldType == FieldType.Message && !field.IsRepeated ? field.MessageType : null;
        }

        return path;
    }

    private static bool IsIgnored(FieldDescriptor field) => field.Name is "name" or "etag" || FieldBehaviors.IsOutputOnly(field);
}
