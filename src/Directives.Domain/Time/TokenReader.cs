namespace Directives.Domain.Time;

/// <summary>Reads folded words one at a time, for the small grammars of dates and periods.</summary>
internal struct TokenReader(IReadOnlyList<string> tokens)
{
    private int _position;

    public readonly bool AtEnd => _position >= tokens.Count;

    public string? Next() => _position < tokens.Count ? tokens[_position++] : null;

    public readonly string? Peek(int ahead = 0) => _position + ahead < tokens.Count ? tokens[_position + ahead] : null;

    /// <summary>Consumes the words if they come next, in order; otherwise consumes nothing.</summary>
    public bool Skip(params ReadOnlySpan<string> words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (Peek(i) != words[i])
            {
                return false;
            }
        }

        _position += words.Length;
        return true;
    }
}
