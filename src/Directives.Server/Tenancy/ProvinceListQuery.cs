using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Directives.Contracts.V1;
using Directives.Domain.Search;
using Directives.Server.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace Directives.Server.Tenancy;

/// <summary>
/// ListProvinces over the registry's few entries, in memory: the filter fields <c>state</c>,
/// <c>display_name</c>, <c>successor</c> and <c>predecessors</c> as terms joined by <c>AND</c>; ordering by
/// <c>name</c>, <c>display_name</c> (Vietnamese alphabetical order) or <c>create_time</c>, each optionally
/// <c>desc</c>; keyset page tokens (the last name served), which neither skip nor repeat entries
/// when provinces are added between pages, since none of the ordering fields ever changes.
/// </summary>
internal sealed class ProvinceListQuery
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;
    private const int MaxFilterLength = 2000;
    private static readonly string[] OrderFields = ["name", "display_name", "create_time"];
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    private readonly int _pageSize;
    private readonly List<Func<ProvinceRecord, bool>> _terms;
    private readonly Comparison<ProvinceRecord> _order;
    private readonly string _fingerprint;
    private readonly string? _afterId;

    private ProvinceListQuery(int pageSize, List<Func<ProvinceRecord, bool>> terms, Comparison<ProvinceRecord> order, string fingerprint, string? afterId)
    {
        _pageSize = pageSize;
        _terms = terms;
        _order = order;
        _fingerprint = fingerprint;
        _afterId = afterId;
    }

    /// <summary>Parses the request, or throws INVALID_ARGUMENT naming the field at fault.</summary>
    public static ProvinceListQuery Parse(ListProvincesRequest request)
    {
        if (request.PageSize < 0)
        {
            throw ApiErrors.InvalidField("page_size", "must not be negative");
        }

        var pageSize = request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var terms = ParseFilter(request.Filter);
        var order = ParseOrder(request.OrderBy);
        var fingerprint = Fingerprint(request.Filter + "\n" + request.OrderBy);
        string? afterId = null;
        if (!string.IsNullOrEmpty(request.PageToken))
        {
            var token = Decode(request.PageToken);
            var separator = token?.IndexOf('\n', StringComparison.Ordinal) ?? -1;
            if (token is null || separator < 0 || token[..separator] != fingerprint || !ProvinceNames.IsValidId(token[(separator + 1)..]))
            {
                throw ApiErrors.InvalidPageToken("the token is malformed or was issued for other filter or order_by values");
            }

            afterId = token[(separator + 1)..];
        }

        return new ProvinceListQuery(pageSize, terms, order, fingerprint, afterId);
    }

    /// <summary>The page of <paramref name="provinces"/>, shaped by <paramref name="map"/>.</summary>
    public ListProvincesResponse Run(IReadOnlyList<ProvinceRecord> provinces, Func<ProvinceRecord, Province> map)
    {
        var matching = provinces.Where(province => _terms.All(term => term(province))).ToList();
        matching.Sort(_order);
        var start = 0;
        if (_afterId is not null)
        {
            // Entries are never removed and ordering fields never change, so the last one served is still there.
            var last = provinces.FirstOrDefault(province => province.Id == _afterId);
            start = last is null ? matching.Count : matching.FindIndex(province => _order(province, last) > 0) is var index and >= 0 ? index : matching.Count;
        }

        var page = matching.Skip(start).Take(_pageSize).ToList();
        var response = new ListProvincesResponse { TotalSize = matching.Count };
        response.Provinces.AddRange(page.Select(map));
        if (start + page.Count < matching.Count)
        {
            response.NextPageToken = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(_fingerprint + "\n" + page[^1].Id));
        }

        return response;
    }

    private static List<Func<ProvinceRecord, bool>> ParseFilter(string filter)
    {
        var terms = new List<Func<ProvinceRecord, bool>>();
        if (string.IsNullOrWhiteSpace(filter))
        {
            return terms;
        }

        if (filter.Length > MaxFilterLength)
        {
            throw ApiErrors.InvalidFilter($"is longer than {MaxFilterLength} characters", 0);
        }

        foreach (var text in filter.Split(" AND ", StringSplitOptions.TrimEntries))
        {
            terms.Add(ParseTerm(text, filter.IndexOf(text, StringComparison.Ordinal) + 1));
        }

        return terms;
    }

    private static Func<ProvinceRecord, bool> ParseTerm(string term, int position)
    {
        var (field, op, value) = SplitTerm(term) ?? throw ApiErrors.InvalidFilter(
            "this filter supports terms `field = value`, `field != value` and `field:value` joined by AND", position);
        switch (field, op)
        {
            case ("state", "=" or "!="):
                ProvinceState parsed = value switch
                {
                    "ACTIVE" => ProvinceState.Active,
                    "READ_ONLY" => ProvinceState.ReadOnly,
                    "DISABLED" => ProvinceState.Disabled,
                    _ => throw ApiErrors.InvalidFilter($"`{value}` is not ACTIVE, READ_ONLY or DISABLED", position),
                };
                return op == "=" ? province => province.State == parsed : province => province.State != parsed;
            case ("display_name", ":"):
                var words = Unquote(value, position);
                return province => VietnameseText.Matches(province.DisplayName, words);
            case ("display_name", "=" or "!="):
                var name = VietnameseText.Fold(Unquote(value, position));
                return op == "=" ? province => VietnameseText.Fold(province.DisplayName) == name : province => VietnameseText.Fold(province.DisplayName) != name;
            case ("successor", "=" or "!="):
                var successor = Unquote(value, position);
                return op == "=" ? province => Name(province.Successor) == successor : province => Name(province.Successor) != successor;
            case ("predecessors", ":"):
                var predecessor = Unquote(value, position);
                return province => province.Predecessors.Any(id => ProvinceNames.Format(id) == predecessor);
            default:
                throw ApiErrors.InvalidFilter($"`{field} {op}` is not supported; fields: state, display_name, successor, predecessors", position);
        }
    }

    private static (string Field, string Op, string Value)? SplitTerm(string term)
    {
        foreach (var op in new[] { "!=", "=", ":" })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return (term[..at].Trim(), op, term[(at + op.Length)..].Trim());
            }
        }

        return null;
    }

    private static string Unquote(string value, int position) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"'
            ? value[1..^1]
            : throw ApiErrors.InvalidFilter("strings and resource names must be double-quoted", position);

    private static string Name(string? id) => id is null ? "" : ProvinceNames.Format(id);

    private static Comparison<ProvinceRecord> ParseOrder(string orderBy)
    {
        Comparison<ProvinceRecord> byName = (a, b) => string.CompareOrdinal(a.Id, b.Id);
        if (string.IsNullOrWhiteSpace(orderBy))
        {
            return byName;
        }

        var keys = new List<Comparison<ProvinceRecord>>();
        foreach (var part in orderBy.Split(',', StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = words.Length == 2 && words[1] == "desc";
            if (words.Length is < 1 or > 2 || (words.Length == 2 && !descending))
            {
                throw ApiErrors.InvalidOrderBy($"`{part}` is not `field` or `field desc`", OrderFields);
            }

            Comparison<ProvinceRecord> key = words[0] switch
            {
                "name" => byName,
                "display_name" => (a, b) => VietnameseOrder.Compare(a.DisplayName, b.DisplayName),
                "create_time" => (a, b) => a.CreateTime.CompareTo(b.CreateTime),
                _ => throw ApiErrors.InvalidOrderBy($"`{words[0]}` cannot be ordered by", OrderFields),
            };
            keys.Add(descending ? (a, b) => key(b, a) : key);
        }

        keys.Add(byName);
        return (a, b) =>
        {
            foreach (var key in keys)
            {
                var result = key(a, b);
                if (result != 0)
                {
                    return result;
                }
            }

            return 0;
        };
    }

    private static string Fingerprint(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8);

    private static string? Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
