namespace Directives.Domain.Validation;

/// <summary>
/// Gathers every problem with an input before failing. A nested collector shares the list and
/// prefixes its field paths, so rules for a list item read the same as rules for a resource.
/// </summary>
internal sealed class ViolationCollector
{
    private readonly List<FieldViolation> _violations;
    private readonly string _prefix;

    public ViolationCollector()
        : this([], "")
    {
    }

    private ViolationCollector(List<FieldViolation> violations, string prefix)
    {
        _violations = violations;
        _prefix = prefix;
    }

    public bool HasViolations => _violations.Count > 0;

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public ViolationCollector Nested(string field) => new(_violations, FieldPath.Join(_prefix, field));

    public ViolationCollector Item(string field, int index) => Nested(FieldPath.Item(field, index));

    public void Add(string field, string description, string? reason = null)
        => _violations.Add(new FieldViolation(FieldPath.Join(_prefix, field), description, reason));

    public void AtMost<T>(string field, IReadOnlyList<T>? items, int limit)
    {
        if (items?.Count > limit)
        {
            Add(field, $"has {items.Count} items; at most {limit} are allowed");
        }
    }

    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw new DomainValidationException(_violations.ToArray());
        }
    }

    /// <summary>A required one-line text, trimmed; null when missing or too long.</summary>
    public string? RequiredLine(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(field, "is required");
            return null;
        }

        return WithinLimit(field, trimmed, maxLength) ? trimmed : null;
    }

    /// <summary>An optional one-line text, trimmed; null when blank.</summary>
    public string? OptionalLine(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return WithinLimit(field, trimmed, maxLength) ? trimmed : null;
    }

    /// <summary>
    /// Text kept exactly as given (bodies, contents, report texts are verbatim records); it only has
    /// to contain something other than white space.
    /// </summary>
    public string? RequiredVerbatim(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return null;
        }

        return WithinLimit(field, value, maxLength) ? value : null;
    }

    public void Defined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(field, $"is not a known {typeof(TEnum).Name} ({value})");
        }
    }

    public void RequiredId(string field, Guid id)
    {
        if (id == Guid.Empty)
        {
            Add(field, "is required");
        }
    }

    private bool WithinLimit(string field, string value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return true;
        }

        Add(field, $"is longer than {maxLength} characters ({value.Length})");
        return false;
    }
}
