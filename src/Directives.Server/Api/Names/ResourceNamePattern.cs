using System.Runtime.CompilerServices;

namespace Directives.Server.Api;

/// <summary>
/// One resource name pattern, such as <c>provinces/{province}/directives/{directive}</c>: parses names
/// without regular expressions or intermediate strings, formats them, and describes what is wrong
/// with a malformed one precisely enough for a BadRequest field violation.
/// </summary>
internal sealed class ResourceNamePattern
{
    private const int MaxQuotedLength = 200;

    private readonly string[] _collections;
    private readonly string[] _idNames;

    public ResourceNamePattern(string type, string englishNoun, string vietnameseNoun, params (string Collection, string IdName)[] segments)
    {
        Type = type;
        EnglishNoun = englishNoun;
        VietnameseNoun = vietnameseNoun;
        _collections = [.. segments.Select(s => s.Collection)];
        _idNames = [.. segments.Select(s => s.IdName)];
        Template = string.Join('/', segments.Select(s => $"{s.Collection}/{{{s.IdName}}}"));
    }

    /// <summary>The resource type, e.g. <c>directives.gov.vn/Task</c>, as ResourceInfo names it.</summary>
    public string Type { get; }

    /// <summary>E.g. <c>provinces/{province}/directives/{directive}</c>.</summary>
    public string Template { get; }

    /// <summary>E.g. "directive", for English messages.</summary>
    public string EnglishNoun { get; }

    /// <summary>E.g. "văn bản chỉ đạo", for the vi-VN LocalizedMessage.</summary>
    public string VietnameseNoun { get; }

    public int IdCount => _collections.Length;

    /// <summary>Parses <paramref name="value"/> into the ranges of its IDs; throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public void Parse(string? value, string field, NameWildcards wildcards, Span<Range> ids)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw ApiErrors.InvalidField(field, "is required");
        }

        var problem = Match(value, wildcards, ids);
        if (problem is not null)
        {
            throw ApiErrors.InvalidResourceName(field, problem);
        }
    }

    /// <summary>Null when <paramref name="value"/> matches; otherwise what is wrong with it, in English.</summary>
    public string? Match(ReadOnlySpan<char> value, NameWildcards wildcards, Span<Range> ids)
    {
        var position = 0;
        var wildcardAt = -1;
        for (var i = 0; i < _collections.Length; i++)
        {
            var collection = _collections[i];
            var rest = value[position..];
            if (!rest.StartsWith(collection, StringComparison.Ordinal)
                || rest.Length == collection.Length
                || rest[collection.Length] != '/')
            {
                return NotThisPattern(value);
            }

            position += collection.Length + 1;
            rest = value[position..];
            var slash = rest.IndexOf('/');
            var isLast = i == _collections.Length - 1;
            if (isLast != (slash < 0))
            {
                return NotThisPattern(value);
            }

            var id = isLast ? rest : rest[..slash];
            ids[i] = new Range(position, position + id.Length);
            position += id.Length + 1;

            if (id is ResourceId.Wildcard)
            {
                if (wildcards == NameWildcards.None || (i == 0 && wildcards == NameWildcards.WithinProvince))
                {
                    return $"\"-\" (every {_idNames[i]}) is not accepted here; name one {_idNames[i]}";
                }

                wildcardAt = wildcardAt < 0 ? i : wildcardAt;
            }
            else if (wildcardAt >= 0)
            {
                return $"with \"-\" as the {_idNames[wildcardAt]}, the {_idNames[i]} must be \"-\" too";
            }
            else if (!ResourceId.IsValid(id))
            {
                return id.IsEmpty
                    ? $"the {_idNames[i]} ID is empty in \"{Quote(value)}\""
                    : $"\"{Quote(id)}\" is not a valid {_idNames[i]} ID: use {ResourceId.Rule}";
            }
        }

        return null;
    }

    public string Format(params ReadOnlySpan<string> ids)
    {
        var length = 0;
        for (var i = 0; i < _collections.Length; i++)
        {
            length += _collections[i].Length + ids[i].Length + 2;
        }

        var builder = new DefaultInterpolatedStringHandler(length - 1, 0);
        for (var i = 0; i < _collections.Length; i++)
        {
            if (i > 0)
            {
                builder.AppendLiteral("/");
            }

            builder.AppendLiteral(_collections[i]);
            builder.AppendLiteral("/");
            builder.AppendLiteral(ids[i]);
        }

        return builder.ToStringAndClear();
    }

    private string NotThisPattern(ReadOnlySpan<char> value)
        => $"must be {Article(EnglishNoun)} {EnglishNoun} name, {Template}; got \"{Quote(value)}\"";

    private static string Article(string noun) => noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";

    // A name can be a whole request's worth of text; the description only needs to show where it went wrong.
    private static string Quote(ReadOnlySpan<char> text)
        => text.Length <= MaxQuotedLength ? text.ToString() : string.Concat(text[..MaxQuotedLength], "…");
}
