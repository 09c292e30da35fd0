using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Changes;
using Directives.Data.Errors;
using Directives.Data.Resources;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Services.Tasks;
using Directives.Server.Tenancy;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using DomainDirective = Directives.Domain.Directives.Directive;

namespace Directives.Server.Services.Directives;

/// <summary>
/// DirectiveService over the province's database. The province is the resolved tenant's, never a
/// request field (tenant resolution has already refused names of other provinces). Every mutation
/// validates everything first, checks the etag, then writes the directive, its change log entry and,
/// for Create, its request_id record in one transaction; with validate_only it writes nothing.
/// Errors are thrown as API, domain or storage exceptions and mapped once by the error interceptor.
/// </summary>
internal sealed class DirectiveGrpcService(
    ITenantContext tenant,
    IProvinceDbContextFactory databases,
    TimeProvider time,
    DirectiveListing listing,
    DirectiveWriter writer,
    HistoryPages history) : DirectiveService.DirectiveServiceBase
{
    public override async Task<Directive> GetDirective(GetDirectiveRequest request, ServerCallContext context)
    {
        var name = DirectiveName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var stamped = await db.Directives.WithResourceId(name.Directive).Stamped().FirstOrDefaultAsync(context.CancellationToken)
            ?? throw ApiErrors.NotFound(request.Name);
        var relations = await DirectiveRelations.LoadAsync(db, [stamped.Resource], context.CancellationToken);
        return DirectiveMapping.ToResource(stamped.Resource, stamped.Stamp, tenant.ProvinceId, relations);
    }

    public override Task<ListDirectivesResponse> ListDirectives(ListDirectivesRequest request, ServerCallContext context)
        => listing.ListAsync(request, tenant, context.CancellationToken);

    public override async Task<Directive> CreateDirective(CreateDirectiveRequest request, ServerCallContext context)
    {
        var idempotency = IdempotentCreate<Directive>.For(request, request.RequestId, DirectiveMethods.CreateDirective);
        try
        {
            return await CreateOnceAsync(request, idempotency, context.CancellationToken);
        }
        catch (Exception exception) when (!request.ValidateOnly && idempotency.MayHaveLostTheRaceWith(exception))
        {
            // A concurrent first call with the same request_id committed first (its directive holds
            // the number, or its record the request_id): answer as its retry.
            await using var again = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
            if (await idempotency.FindFirstResultAsync(again, time.GetUtcNow(), context.CancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    private async Task<Directive> CreateOnceAsync(CreateDirectiveRequest request, IdempotentCreate<Directive> idempotency, CancellationToken cancellationToken)
    {
        var provinceId = tenant.ProvinceId;
        var edge = new RequestViolations();
        var directiveId = request.DirectiveId.Length == 0 ? ResourceIds.New() : request.DirectiveId;
        if (!ResourceId.IsValid(directiveId))
        {
            edge.Add("directive_id", $"must be {ResourceId.Rule}");
        }

        if (request.Directive is null)
        {
            edge.Add("directive", "is required");
            InputViolations.ThrowIfAny(edge);
        }

        await using var db = await databases.CreateAsync(provinceId, cancellationToken);
        var now = time.GetUtcNow();
        if (!request.ValidateOnly && await idempotency.FindFirstResultAsync(db, now, cancellationToken) is { } first)
        {
            return first;
        }

        var relations = await DirectiveRelations.LoadAsync(db, [], cancellationToken);
        var details = DirectiveMapping.ToDetails(request.Directive!, relations.Agencies, edge.Nested("directive"));
        var kind = DirectiveMapping.ToIssuingBodyKind(request.Directive!.IssuingBodyKind, edge.Nested("directive"));
        var directive = InputViolations.Check(edge, () => DomainDirective.CreateDraft(Guid.NewGuid(), details));

        var name = DirectiveMapping.NameOf(provinceId, directiveId);
        if (await db.Directives.WithResourceId(directiveId).AnyAsync(cancellationToken))
        {
            throw ApiErrors.AlreadyExists(name);
        }

        await writer.EnsureNumberIsFreeAsync(db, directive, cancellationToken);
        relations.Remember(directive.Id, directiveId, kind);
        if (request.ValidateOnly)
        {
            return DirectiveMapping.ToResource(directive, new ResourceStamp(directiveId, null, "", now, now, null, null), provinceId, relations);
        }

        var stamp = db.AddResource(directive, directiveId, now);
        DirectiveWriter.SetIssuingBodyKind(db, directive, kind);
        var created = DirectiveMapping.ToResource(directive, stamp, provinceId, relations);
        db.RecordChange(tenant, DirectiveMethods.CreateDirective, ChangeKind.Created, name, DirectiveMapping.ResourceType, null, created, stamp.Etag, idempotency.RequestId);
        idempotency.Remember(db, name, created, now);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    public override Task<Directive> UpdateDirective(UpdateDirectiveRequest request, ServerCallContext context)
        => writer.UpdateAsync(request, context.CancellationToken);

    public override Task<Directive> DeleteDirective(DeleteDirectiveRequest request, ServerCallContext context)
        => writer.DeleteAsync(request, context.CancellationToken);

    public override Task<Directive> UndeleteDirective(UndeleteDirectiveRequest request, ServerCallContext context)
        => writer.UndeleteAsync(request, context.CancellationToken);

    public override Task<Directive> IssueDirective(IssueDirectiveRequest request, ServerCallContext context)
        => writer.IssueAsync(request, context.CancellationToken);

    public override Task<Directive> SupersedeDirective(SupersedeDirectiveRequest request, ServerCallContext context)
        => writer.SupersedeAsync(request, context.CancellationToken);

    public override Task<Directive> ExpireDirective(ExpireDirectiveRequest request, ServerCallContext context)
        => writer.ChangeStateAsync(request.Name, request.Etag, request.ValidateOnly, DirectiveMethods.ExpireDirective, d => d.Expire(), context.CancellationToken);

    public override Task<Directive> RevokeDirective(RevokeDirectiveRequest request, ServerCallContext context)
        => writer.ChangeStateAsync(request.Name, request.Etag, request.ValidateOnly, DirectiveMethods.RevokeDirective, d => d.Revoke(), context.CancellationToken);

    public override async Task<ListDirectiveHistoryResponse> ListDirectiveHistory(ListDirectiveHistoryRequest request, ServerCallContext context)
    {
        var name = DirectiveName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        if (!await db.Directives.WithResourceId(name.Directive).AnyAsync(context.CancellationToken))
        {
            throw ApiErrors.NotFound(request.Name);
        }

        var page = await history.ListAsync(
            db,
            new HistoryQuery(nameof(ListDirectiveHistory), request.Name, request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            context.CancellationToken);
        var response = new ListDirectiveHistoryResponse { NextPageToken = page.NextPageToken };
        response.Entries.AddRange(page.Records.Select(record => new DirectiveHistoryEntry
        {
            RevisionId = record.Etag ?? "",
            CommitTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(record.CommitTime),
            Actor = ActorMapping.ToContract(record.Actor),
            Method = record.Method,
            RequestId = record.RequestId ?? "",
            Before = record.Before is { } before ? Directive.Parser.ParseFrom(before) : null,
            After = record.After is { } after ? Directive.Parser.ParseFrom(after) : null,
        }));
        return response;
    }
}
