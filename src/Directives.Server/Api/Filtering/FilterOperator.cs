namespace Directives.Server.Api;

/// <summary>The comparisons of the AIP-160 subset.</summary>
internal enum FilterOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>:</c> ("has"): a repeated field contains the value, a text field contains the words.</summary>
    Has,
}
