using System.Linq.Expressions;
using Directives.Data.Configuration;
using Directives.Data.Resources;
using Directives.Data.Search;
using Directives.Domain.Directives;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Queries;

/// <summary>
/// Predicates for the ListDirectives filter fields and <c>query</c> that live in storage-only columns;
/// combine them with <see cref="Predicates"/> and with lambdas on domain properties (<c>d =&gt; d.State == …</c>).
/// </summary>
public static class DirectiveFilters
{
    /// <summary>The <c>query</c>: every word starts a word of the number, subject, issuing body, signer or body.</summary>
    public static Expression<Func<Directive, bool>> QueryMatches(string query)
        => TextSearch.Matches<Directive>(DirectiveProperties.SearchText, query, WordMatch.Prefix);

    public static Expression<Func<Directive, bool>> SubjectMatches(string text, WordMatch match = WordMatch.WholeWord)
        => TextSearch.Matches<Directive>(DirectiveProperties.SubjectSearch, text, match);

    public static Expression<Func<Directive, bool>> IssuingBodyMatches(string text, WordMatch match = WordMatch.WholeWord)
        => TextSearch.Matches<Directive>(DirectiveProperties.IssuingBodySearch, text, match);

    public static Expression<Func<Directive, bool>> SignerMatches(string text, WordMatch match = WordMatch.WholeWord)
        => TextSearch.Matches<Directive>(DirectiveProperties.SignerSearch, text, match);

    /// <summary><c>number_and_symbol:text</c>: the number contains the words ("15 ct" finds 15/CT-UBND).</summary>
    public static Expression<Func<Directive, bool>> NumberMatches(string text)
        => TextSearch.Matches<Directive>(DirectiveProperties.NumberSearch, text, WordMatch.Prefix);

    /// <summary><c>number_and_symbol = "…"</c>: the same document number, compared canonically ("2157 - CV/TU" is "2157-CV/TU").</summary>
    public static Expression<Func<Directive, bool>> NumberIs(NumberAndSymbol number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var canonical = number.Canonical;
        return d => EF.Property<string?>(d, DirectiveProperties.NumberCanonical) == canonical;
    }

    /// <summary><c>issue_date.year</c>.</summary>
    public static Expression<Func<Directive, bool>> IssuedInYear(int year)
        => d => EF.Property<int?>(d, DirectiveProperties.IssueYear) == year;

    /// <summary><c>issuing_body_kind</c> (the contract's enum number; stored beside the domain).</summary>
    public static Expression<Func<Directive, bool>> IssuingBodyKindIs(int? kind)
        => d => EF.Property<int?>(d, DirectiveProperties.IssuingBodyKind) == kind;

    public static Expression<Func<Directive, bool>> Created(Comparison comparison, DateTimeOffset value)
        => Ticks(ResourceProperties.CreateTime, comparison, value.UtcTicks);

    public static Expression<Func<Directive, bool>> Updated(Comparison comparison, DateTimeOffset value)
        => Ticks(ResourceProperties.UpdateTime, comparison, value.UtcTicks);

    private static Expression<Func<Directive, bool>> Ticks(string property, Comparison comparison, long value) => comparison switch
    {
        Comparison.Equal => d => EF.Property<long>(d, property) == value,
        Comparison.NotEqual => d => EF.Property<long>(d, property) != value,
        Comparison.Less => d => EF.Property<long>(d, property) < value,
        Comparison.LessOrEqual => d => EF.Property<long>(d, property) <= value,
        Comparison.Greater => d => EF.Property<long>(d, property) > value,
        Comparison.GreaterOrEqual => d => EF.Property<long>(d, property) >= value,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Unknown comparison."),
    };
}
