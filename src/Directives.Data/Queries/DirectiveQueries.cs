using Directives.Data.Configuration;
using Directives.Data.Resources;
using Directives.Domain.Directives;
using Directives.Domain.Search;

namespace Directives.Data.Queries;

/// <summary>Keyset-paginated directive lists in each <see cref="DirectiveOrder"/>.</summary>
public static class DirectiveQueries
{
    private static readonly KeysetKey<Directive> IdKey = KeysetKey<Directive>.Text(ResourceProperties.ResourceId, d => d.Stamp.ResourceId);

    private static readonly Keyset<Directive> ByIssueDate = new(
        KeysetKey<Directive>.Integer(DirectiveProperties.IssueSort, d => d.Resource.IssuedOn?.DayNumber ?? -1), IdKey);

    private static readonly Keyset<Directive> ByNumber = new(
        KeysetKey<Directive>.Text(DirectiveProperties.NumberSort, d => d.Resource.NumberAndSymbol?.Canonical ?? ""), IdKey);

    private static readonly Keyset<Directive> BySubject = new(
        KeysetKey<Directive>.Text(DirectiveProperties.SubjectSearch, d => VietnameseText.NormalizeForSearch(d.Resource.Subject)), IdKey);

    private static readonly Keyset<Directive> ByCreateTime = new(
        KeysetKey<Directive>.Number(ResourceProperties.CreateTime, d => d.Stamp.CreateTime.UtcTicks), IdKey);

    private static readonly Keyset<Directive> ByUpdateTime = new(
        KeysetKey<Directive>.Number(ResourceProperties.UpdateTime, d => d.Stamp.UpdateTime.UtcTicks), IdKey);

    /// <summary>One page of <paramref name="source"/> (already filtered) in <paramref name="order"/>, after <paramref name="after"/>.</summary>
    public static Task<Page<Directive>> ListPageAsync(
        this IQueryable<Directive> source, DirectiveOrder order, bool descending, PageCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var keyset = order switch
        {
            DirectiveOrder.IssueDate => ByIssueDate,
            DirectiveOrder.NumberAndSymbol => ByNumber,
            DirectiveOrder.Subject => BySubject,
            DirectiveOrder.CreateTime => ByCreateTime,
            DirectiveOrder.UpdateTime => ByUpdateTime,
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown directive order."),
        };
        return keyset.ListAsync(source, descending, after, pageSize, cancellationToken);
    }
}
