using System.Text;
using System.Text.RegularExpressions;
using Directives.Contracts.V1;
using Directives.Server.Api;
using Grpc.Core;

namespace Directives.Server.Tenancy;

/// <summary>
/// directives.v1.ProvinceAdminService: the platform administrator's changes to the registry, effective
/// at once without a restart. The tenant interceptor has already limited callers to <c>platform-admin</c>.
/// Registry changes are in no province's history, so each one is written to the log with who made it and why.
/// </summary>
internal sealed partial class ProvinceAdminGrpcService(
    IProvinceRegistry registry,
    ProvinceAdministration administration,
    ITenantContext tenant,
    ILogger<ProvinceAdminGrpcService> logger)
    : ProvinceAdminService.ProvinceAdminServiceBase
{
    private const int MaxReasonLength = 2000;

    public override async Task<Province> CreateProvince(CreateProvinceRequest request, ServerCallContext context)
    {
        var draft = ValidateCreation(request);
        var created = await administration.CreateAsync(draft, NullIfEmpty(request.RequestId), request.ValidateOnly, context.CancellationToken);
        if (!request.ValidateOnly)
        {
            LogChange(logger, nameof(CreateProvince), created.Id, created.Etag, tenant.Caller.Subject, "");
        }

        return ProvinceMapping.ToProto(created, includeStorage: true);
    }

    public override async Task<ListProvincesResponse> ListProvinces(ListProvincesRequest request, ServerCallContext context)
    {
        var query = ProvinceListQuery.Parse(request);
        var provinces = await registry.ListAsync(context.CancellationToken);
        return query.Run(provinces, record => ProvinceMapping.ToProto(record, includeStorage: true));
    }

    public override async Task<Province> UpdateProvinceState(UpdateProvinceStateRequest request, ServerCallContext context)
    {
        var id = ProvinceName.Parse(request.Name, "name").Province;
        var state = ProvinceMapping.FromProto(request.State) ?? throw ApiErrors.InvalidField("state", "must be ACTIVE, READ_ONLY or DISABLED");
        if (request.Reason.Length > MaxReasonLength)
        {
            throw ApiErrors.InvalidField("reason", $"must be at most {MaxReasonLength} characters");
        }

        var updated = await administration.UpdateStateAsync(id, state, NullIfEmpty(request.Etag), request.ValidateOnly, context.CancellationToken);
        if (!request.ValidateOnly)
        {
            LogChange(logger, nameof(UpdateProvinceState) + " " + request.State, id, updated.Etag, tenant.Caller.Subject, request.Reason);
        }

        return ProvinceMapping.ToProto(updated, includeStorage: true);
    }

    public override async Task<Province> LinkPredecessor(LinkPredecessorRequest request, ServerCallContext context)
    {
        var successor = ProvinceName.Parse(request.Name, "name").Province;
        var predecessor = ProvinceName.Parse(request.Predecessor, "predecessor").Province;
        var date = request.SuccessionDate is { } given && DateOnly.TryParseExact($"{given.Year:D4}-{given.Month:D2}-{given.Day:D2}", "yyyy-MM-dd", out var parsed)
            ? parsed
            : throw ApiErrors.InvalidField("succession_date", "must be a full, valid date");
        var linked = await administration.LinkPredecessorAsync(successor, predecessor, date, NullIfEmpty(request.Etag), request.ValidateOnly, context.CancellationToken);
        if (!request.ValidateOnly)
        {
            LogChange(logger, nameof(LinkPredecessor) + " " + predecessor, successor, linked.Etag, tenant.Caller.Subject, "");
        }

        return ProvinceMapping.ToProto(linked, includeStorage: true);
    }

    private static ProvinceRecord ValidateCreation(CreateProvinceRequest request)
    {
        var violations = new List<Domain.Validation.FieldViolation>();
        if (!ProvinceNames.IsValidId(request.ProvinceId))
        {
            violations.Add(new("province_id", "must be 1 to 63 characters of a-z, 0-9 and -, starting with a letter or digit and not ending with -"));
        }

        var province = request.Province ?? new Province();
        var displayName = province.DisplayName.Normalize(NormalizationForm.FormC).Trim();
        var length = displayName.EnumerateRunes().Count();
        if (length is 0 or > ProvinceRegistryRules.MaxDisplayNameLength)
        {
            violations.Add(new("province.display_name", $"must be 1 to {ProvinceRegistryRules.MaxDisplayNameLength} characters"));
        }

        var timeZone = string.IsNullOrWhiteSpace(province.TimeZone) ? ProvinceRecord.DefaultTimeZone : province.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            violations.Add(new("province.time_zone", "is not a known IANA time zone"));
        }

        var storage = NullIfEmpty(province.StorageLocation.Trim());
        if (storage is not null && !StorageLocationPattern().IsMatch(storage))
        {
            violations.Add(new("province.storage_location", "must be at most 100 characters of A-Z, a-z, 0-9, _, . and -"));
        }

        if (!string.IsNullOrEmpty(request.RequestId) && (request.RequestId.Length != 36 || !Guid.TryParseExact(request.RequestId, "D", out _)))
        {
            violations.Add(new("request_id", "must be a UUID of 36 characters"));
        }

        if (violations.Count > 0)
        {
            throw ApiErrors.InvalidArgument(violations);
        }

        return new ProvinceRecord { Id = request.ProvinceId, DisplayName = displayName, TimeZone = timeZone, StorageLocation = storage };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Province registry change {Method} of {ProvinceId} (etag {Etag}) by {Subject}. Reason: {Reason}")]
    private static partial void LogChange(ILogger logger, string method, string provinceId, string etag, string subject, string reason);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex StorageLocationPattern();
}
