using Directives.Contracts.V1;
using Directives.Server.Api;
using Grpc.Core;

namespace Directives.Server.Tenancy;

/// <summary>
/// directives.v1.ProvinceService: the registry as any authenticated caller may read it (a province's
/// public view is not tenant data), without <c>storage_location</c>.
/// </summary>
internal sealed class ProvinceGrpcService(IProvinceRegistry registry) : ProvinceService.ProvinceServiceBase
{
    public override async Task<Province> GetProvince(GetProvinceRequest request, ServerCallContext context)
    {
        var id = ProvinceName.Parse(request.Name, "name").Province;
        var record = await registry.FindAsync(id, context.CancellationToken) ?? throw ApiErrors.ProvinceNotFound(id);
        return ProvinceMapping.ToProto(record, includeStorage: false);
    }

    public override async Task<ListProvincesResponse> ListProvinces(ListProvincesRequest request, ServerCallContext context)
    {
        var query = ProvinceListQuery.Parse(request);
        var provinces = await registry.ListAsync(context.CancellationToken);
        return query.Run(provinces, record => ProvinceMapping.ToProto(record, includeStorage: false));
    }
}
