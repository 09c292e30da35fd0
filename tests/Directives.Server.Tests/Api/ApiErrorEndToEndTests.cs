using System.Net;
using System.Net.Sockets;
using Directives.Contracts.V1;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.StatusProto;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Api;

/// <summary>
/// The interceptor registered as the host registers it, on a real Kestrel server, called by the
/// project's own gRPC client over loopback: what a client decodes from grpc-status-details-bin.
/// </summary>
public sealed class ApiErrorEndToEndTests : IAsyncLifetime
{
    private WebApplication? _app;
    private GrpcChannel? _channel;

    private AgencyService.AgencyServiceClient Client => new(_channel!);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc(options => options.Interceptors.Add<ApiErrorInterceptor>());
        builder.Services.AddApiEdge(builder.Configuration, errors => errors.Map<TimeoutException>((_, context) => ApiErrors.StorageUnavailable(ProvinceName.Parse(context.ResourceName.Split("/agencies/")[0], "name").Province)));
        _app = builder.Build();
        _app.MapGrpcService<FailingAgencyService>();
        await _app.StartAsync();

        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, address.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Domain_validation_reaches_the_client_as_a_bad_request()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateAgencyAsync(new UpdateAgencyRequest { Agency = new Agency { Name = "provinces/hung-yen/agencies/invalid" } }).ResponseAsync);
        var status = ApiAssert.Error(exception, StatusCode.InvalidArgument, "INVALID_FIELD");
        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal(("agency.kind", "is required"), (violation.Field, violation.Description));
        Assert.Equal("Tham số không hợp lệ: trường agency.kind.", ApiAssert.Vietnamese(status));
    }

    [Fact]
    public async Task Domain_rules_reach_the_client_as_failed_preconditions()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => Client.RenameAgencyAsync(new RenameAgencyRequest { Name = "provinces/hung-yen/agencies/merged" }).ResponseAsync);
        var status = ApiAssert.Error(exception, StatusCode.FailedPrecondition, "INVALID_STATE_TRANSITION");
        Assert.Equal("A merged agency cannot be renamed.", exception.Status.Detail);
        Assert.Equal("provinces/hung-yen/agencies/merged", status.GetDetail<PreconditionFailure>()!.Violations[0].Subject);
        Assert.Equal("Không thể thực hiện thao tác này với cơ quan ở trạng thái hiện tại.", ApiAssert.Vietnamese(status));
    }

    [Fact]
    public async Task Thrown_api_errors_and_translated_ones_arrive_whole()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.GetAgencyAsync(new GetAgencyRequest { Name = "provinces/hung-yen/agencies/missing" }).ResponseAsync);
        var status = ApiAssert.Error(missing, StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal("Không tìm thấy cơ quan provinces/hung-yen/agencies/missing.", ApiAssert.Vietnamese(status));
        Assert.Equal("directives.gov.vn/Agency", status.GetDetail<ResourceInfo>()!.ResourceType);

        var slow = await Assert.ThrowsAsync<RpcException>(() => Client.GetAgencyAsync(new GetAgencyRequest { Name = "provinces/nam-dinh/agencies/slow" }).ResponseAsync);
        Assert.Equal("nam-dinh", ApiAssert.Info(ApiAssert.Error(slow, StatusCode.Unavailable, "STORAGE_UNAVAILABLE")).Metadata["province"]);
    }

    [Fact]
    public async Task A_bug_reaches_the_client_as_unknown_without_its_text()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => Client.GetAgencyAsync(new GetAgencyRequest { Name = "provinces/hung-yen/agencies/bug" }).ResponseAsync);
        Assert.Equal(StatusCode.Unknown, exception.StatusCode);
        Assert.DoesNotContain("secret", exception.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Null(exception.GetRpcStatus());
    }

    [Fact]
    public async Task A_filter_error_carries_its_position_to_the_client()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => Client.ListAgenciesAsync(new ListAgenciesRequest { Parent = "provinces/hung-yen", Filter = "kind = POLICE AND colour = RED" }).ResponseAsync);
        var status = ApiAssert.Error(exception, StatusCode.InvalidArgument, "INVALID_FILTER");
        Assert.StartsWith("unknown field \"colour\" at position 19", status.GetDetail<BadRequest>()!.FieldViolations[0].Description);
        Assert.Equal("Biểu thức lọc (filter) không hợp lệ tại vị trí 19.", ApiAssert.Vietnamese(status));
    }

    private sealed class FailingAgencyService : AgencyService.AgencyServiceBase
    {
        public override Task<Agency> GetAgency(GetAgencyRequest request, ServerCallContext context) => Server.Api.AgencyName.Parse(request.Name, "name").Agency switch
        {
            "missing" => throw ApiErrors.NotFound(request.Name),
            "slow" => throw new TimeoutException(),
            _ => throw new InvalidOperationException("secret connection string"),
        };

        public override Task<Agency> UpdateAgency(UpdateAgencyRequest request, ServerCallContext context)
            => throw new DomainValidationException(AgencyFields.Kind, "is required");

        public override Task<Agency> RenameAgency(RenameAgencyRequest request, ServerCallContext context)
            => throw new DomainRuleException(ErrorReasons.InvalidStateTransition, "A merged agency cannot be renamed.");

        public override Task<ListAgenciesResponse> ListAgencies(ListAgenciesRequest request, ServerCallContext context)
        {
            FilterSchemas.ListAgencies.Bind(request.Filter);
            return Task.FromResult(new ListAgenciesResponse());
        }

        private static class AgencyFields
        {
            public const string Kind = "kind";
        }
    }
}
