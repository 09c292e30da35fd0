using System.Linq.Expressions;
using Directives.Data;
using Directives.Data.Queries;
using Directives.Data.Resources;
using Directives.Domain.Directives;
using Directives.Server.Api;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Services.Directives;

/// <summary>
/// The ListDirectives filter fields over a province's stored directives: the API toolkit parses and
/// type-checks the filter, these mappings turn each condition into what EF translates, using the Data
/// layer's predicates for the storage-only columns (canonical number, year, kind, times). Built per unit
/// of work because the reference fields compare resource ids through that database's tables.
/// </summary>
internal static class DirectiveFilterMapping
{
    public static FilterMapping<Directive> For(ProvinceDbContext db)
    {
        var provinceId = db.ProvinceId;
        return new FilterMapping<Directive>(FilterSchemas.ListDirectives)
            .Map("document_type", d => d.DocumentType, number => (int)number == 0 ? null : (object)(DocumentType)(int)number)
            .Map("state", d => d.State)
            .Map("confidentiality", d => d.Confidentiality, number => (int)number == 0 ? Confidentiality.Normal : (object)(Confidentiality)(int)number)
            .MapCondition("number_and_symbol", NumberCondition)
            .Map("issue_date", d => d.IssuedOn)
            .MapCondition("issue_date.year", YearCondition)
            .Map("issuing_body", d => EF.Property<string>(d, DirectiveColumns.IssuingBodySearch))
            .MapCondition("issuing_body_kind", KindCondition)
            .Map("subject", d => EF.Property<string>(d, DirectiveColumns.SubjectSearch))
            .Map("signer.full_name", d => EF.Property<string>(d, DirectiveColumns.SignerSearch))
            .MapCondition("monitoring_agency", c => Negate(c, AgencyIs(db, provinceId, (string)c.Value)))
            .MapCondition("supersedes", c => Negate(c, LinkIs(db, provinceId, (string)c.Value, supersedes: true)))
            .MapCondition("superseded_by", c => Negate(c, LinkIs(db, provinceId, (string)c.Value, supersedes: false)))
            .MapCondition("create_time", c => DirectiveFilters.Created(ComparisonOf(c), (DateTimeOffset)c.Value))
            .MapCondition("update_time", c => DirectiveFilters.Updated(ComparisonOf(c), (DateTimeOffset)c.Value))
            .EnsureComplete();
    }

    // `=` is the same document number compared canonically; `:` finds the words in it ("15 ct").
    private static Expression<Func<Directive, bool>> NumberCondition(FilterCondition condition)
    {
        var text = (string)condition.Value;
        if (condition.Operator == FilterOperator.Has)
        {
            return DirectiveFilters.NumberMatches(text);
        }

        Expression<Func<Directive, bool>> equal = NumberAndSymbol.TryParse(text, out var number)
            ? DirectiveFilters.NumberIs(number)
            : d => false;
        return Negate(condition, equal);
    }

    private static Expression<Func<Directive, bool>> YearCondition(FilterCondition condition)
    {
        var year = (long)condition.Value;
        if (year is < 1 or > 9998)
        {
            throw ApiErrors.InvalidFilter($"issue_date.year {year} at position {condition.Position} is not a year between 1 and 9998", condition.Position);
        }

        var start = new DateOnly((int)year, 1, 1);
        var next = start.AddYears(1);
        return condition.Operator switch
        {
            FilterOperator.Equal => DirectiveFilters.IssuedInYear((int)year),
            FilterOperator.NotEqual => d => d.IssuedOn != null && (d.IssuedOn < start || d.IssuedOn >= next),
            FilterOperator.Less => d => d.IssuedOn < start,
            FilterOperator.LessOrEqual => d => d.IssuedOn < next,
            FilterOperator.Greater => d => d.IssuedOn >= next,
            FilterOperator.GreaterOrEqual => d => d.IssuedOn >= start,
            _ => throw ApiErrors.InvalidFilter($"issue_date.year does not take \":\" (position {condition.Position})", condition.Position),
        };
    }

    private static Expression<Func<Directive, bool>> KindCondition(FilterCondition condition)
    {
        var number = (int)condition.Value;
        return Negate(condition, DirectiveFilters.IssuingBodyKindIs(number == 0 ? null : number));
    }

    private static Expression<Func<Directive, bool>> AgencyIs(ProvinceDbContext db, string provinceId, string name)
    {
        if (name.Length == 0)
        {
            return d => d.MonitoringAgencyId == null;
        }

        if (!AgencyName.TryParse(name, out var agency) || agency.Province != provinceId)
        {
            return d => false;
        }

        var resourceId = agency.Agency;
        return d => db.Agencies.Any(a => a.Id == d.MonitoringAgencyId && EF.Property<string>(a, ResourceProperties.ResourceId) == resourceId);
    }

    private static Expression<Func<Directive, bool>> LinkIs(ProvinceDbContext db, string provinceId, string name, bool supersedes)
    {
        if (name.Length == 0)
        {
            return supersedes ? d => d.SupersedesId == null : d => d.SupersededById == null;
        }

        if (!DirectiveName.TryParse(name, out var directive) || directive.Province != provinceId)
        {
            return d => false;
        }

        var resourceId = directive.Directive;
        return supersedes
            ? d => db.Directives.Any(o => o.Id == d.SupersedesId && EF.Property<string>(o, ResourceProperties.ResourceId) == resourceId)
            : d => db.Directives.Any(o => o.Id == d.SupersededById && EF.Property<string>(o, ResourceProperties.ResourceId) == resourceId);
    }

    private static Expression<Func<Directive, bool>> Negate(FilterCondition condition, Expression<Func<Directive, bool>> equal)
        => condition.Operator == FilterOperator.NotEqual ? equal.Not() : equal;

    private static Comparison ComparisonOf(FilterCondition condition) => condition.Operator switch
    {
        FilterOperator.Equal => Comparison.Equal,
        FilterOperator.NotEqual => Comparison.NotEqual,
        FilterOperator.Less => Comparison.Less,
        FilterOperator.LessOrEqual => Comparison.LessOrEqual,
        FilterOperator.Greater => Comparison.Greater,
        FilterOperator.GreaterOrEqual => Comparison.GreaterOrEqual,
        _ => throw ApiErrors.InvalidFilter($"{condition.Field.Name} does not take \":\" (position {condition.Position})", condition.Position),
    };
}
