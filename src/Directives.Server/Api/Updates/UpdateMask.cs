using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Directives.Server.Api;

/// <summary>The fields an Update changes, checked by <see cref="UpdateMaskPolicy{TResource}"/>.</summary>
internal sealed class UpdateMask
{
    private readonly IReadOnlyList<FieldDescriptor[]> _paths;

    internal UpdateMask(IReadOnlyList<FieldDescriptor[]> paths)
    {
        _paths = paths;
        Paths = [.. paths.Select(p => string.Join('.', p.Select(f => f.Name)))];
    }

    /// <summary>The field paths to copy, e.g. <c>subject</c>, <c>signer.title</c>.</summary>
    public IReadOnlyList<string> Paths { get; }

    public bool IsEmpty => _paths.Count == 0;

    /// <summary>Whether the update changes <paramref name="field"/> (a top-level field), wholly or in part.</summary>
    public bool Touches(string field) => _paths.Any(p => p[0].Name == field);

    /// <summary>Copies every path from <paramref name="requested"/> onto <paramref name="stored"/>.</summary>
    public void ApplyTo<TResource>(TResource requested, TResource stored)
        where TResource : IMessage<TResource>
    {
        foreach (var path in _paths)
        {
            MessageFields.Copy(requested, stored, path);
        }
    }
}
