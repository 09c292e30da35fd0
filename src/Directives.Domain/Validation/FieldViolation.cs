namespace Directives.Domain.Validation;

/// <summary>
/// One problem with one input field. <see cref="Field"/> is a path in the resource's API field names
/// (snake_case, list items indexed), e.g. <c>number_and_symbol</c> or <c>tasks[2].cooperating_agencies[0]</c>,
/// so the Server can copy it into a <c>google.rpc.BadRequest.FieldViolation</c> unchanged.
/// </summary>
/// <param name="Field">The field path.</param>
/// <param name="Description">What is wrong, in English.</param>
/// <param name="Reason">One of <see cref="ErrorReasons"/> when the problem has a specific API reason; null for a plain INVALID_FIELD.</param>
public sealed record FieldViolation(string Field, string Description, string? Reason = null)
{
    /// <summary>The same violation under a parent field, e.g. <c>subject</c> → <c>directive.subject</c>.</summary>
    public FieldViolation WithPrefix(string prefix)
        => this with { Field = FieldPath.Join(prefix, Field) };
}
