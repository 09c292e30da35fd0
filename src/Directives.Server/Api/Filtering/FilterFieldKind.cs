namespace Directives.Server.Api;

/// <summary>What a filterable field holds, which decides the comparisons and values it accepts.</summary>
internal enum FilterFieldKind
{
    /// <summary>A proto enum: bare value names, <c>=</c> and <c>!=</c>.</summary>
    Enum,

    /// <summary>
    /// Text compared ignoring case and Vietnamese diacritics: <c>=</c>/<c>!=</c> on the whole folded
    /// text, <c>:</c> for "contains every word". The mapped column holds the folded text
    /// (<c>VietnameseText.NormalizeForSearch</c>).
    /// </summary>
    Text,

    /// <summary>A string compared exactly: <c>=</c>, <c>!=</c>, and <c>:</c> for "contains".</summary>
    String,

    /// <summary>A resource name of one pattern, double-quoted: <c>=</c> and <c>!=</c>.</summary>
    ResourceName,

    /// <summary>A date, <c>"YYYY-MM-DD"</c>: every comparison but <c>:</c>.</summary>
    Date,

    /// <summary>An instant, an RFC 3339 string: every comparison but <c>:</c>.</summary>
    Timestamp,

    /// <summary>A whole number, bare: every comparison but <c>:</c>.</summary>
    Integer,

    /// <summary>A decimal number, bare: every comparison but <c>:</c>.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>: <c>=</c> and <c>!=</c>.</summary>
    Bool,

    /// <summary>
    /// A shorthand for "any of these fields" (ListTasks' <c>agency</c>): <c>=</c> means one of them
    /// equals (or, for a repeated one, has) the value; <c>!=</c> means none does.
    /// </summary>
    AnyOf,
}
