namespace Directives.Server.Api;

/// <summary>
/// A node of a filter's tree. The parser builds <see cref="FilterComparison"/> leaves, still untyped;
/// binding against a <see cref="FilterSchema"/> replaces them with typed <see cref="FilterCondition"/>s.
/// </summary>
/// <param name="Position">The 1-based character position where the node starts.</param>
internal abstract record FilterExpression(int Position);

/// <summary>Every operand holds.</summary>
internal sealed record FilterAnd(IReadOnlyList<FilterExpression> Operands, int Position) : FilterExpression(Position);

/// <summary>At least one operand holds.</summary>
internal sealed record FilterOr(IReadOnlyList<FilterExpression> Operands, int Position) : FilterExpression(Position);

/// <summary><c>NOT x</c> or <c>-x</c>.</summary>
internal sealed record FilterNot(FilterExpression Operand, int Position) : FilterExpression(Position);

/// <summary>A comparison as written: <c>field op value</c>.</summary>
internal sealed record FilterComparison(string Field, FilterOperator Operator, FilterLiteral Value, int Position) : FilterExpression(Position);

/// <summary>A value as written: quoted (a string, with escapes resolved) or bare (enum value, number, boolean).</summary>
internal sealed record FilterLiteral(string Text, bool IsQuoted, int Position);

/// <summary>
/// A comparison checked against its schema: <see cref="Value"/> is typed by the field's kind — the
/// enum value's number (int), folded text (string), the words of a text search (string[]), a string,
/// a resource name (string, "" for none), <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>,
/// long, decimal or bool.
/// </summary>
internal sealed record FilterCondition(FilterField Field, FilterOperator Operator, object Value, int Position) : FilterExpression(Position);
