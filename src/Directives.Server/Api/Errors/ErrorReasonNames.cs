using System.Collections.Frozen;
using Directives.Contracts.V1;

namespace Directives.Server.Api;

/// <summary>
/// The wire names of <see cref="ErrorReason"/> values (<c>ETAG_MISMATCH</c>), read once from the
/// contract's descriptor so that they can never drift from errors.proto.
/// </summary>
internal static class ErrorReasonNames
{
    private static readonly FrozenDictionary<ErrorReason, string> Names = ErrorsReflection.Descriptor.EnumTypes
        .Single(e => e.Name == nameof(ErrorReason))
        .Values
        .ToFrozenDictionary(v => (ErrorReason)v.Number, v => v.Name);

    private static readonly FrozenDictionary<string, ErrorReason> Reasons = Names
        .ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string Of(ErrorReason reason)
        => Names.TryGetValue(reason, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a value of directives.v1.ErrorReason.");

    public static bool TryParse(string name, out ErrorReason reason) => Reasons.TryGetValue(name, out reason);
}
