namespace Directives.Domain.Validation;

/// <summary>
/// One problem with one input field. <see cref="Field"/> is a path in the resource's API field names
/// (snake_case, list items indexed), e.g. <c>number_and_symbol</c> or <c>tasks[2].cooperating_agencies</c>,
/// so the Server can copy it into a <c>google.rpc.BadRequest.FieldViolation</c> unchanged.
/// </summary>
public sealed record FieldViolation(string Field, string Description)
{
    /// <summary>The same violation under a parent field, e.g. <c>subject</c> → <c>directive.subject</c>.</summary>
    public FieldViolation WithPrefix(string prefix)
        => new(FieldPath.Join(prefix, Field), Description);
}
