using Directives.Contracts.V1;
using Directives.Server.Api;

namespace Directives.Server.Tests.Api;

public sealed class RequestTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_request_id_is_none(string? requestId) => Assert.Null(RequestIds.Parse(requestId));

    [Theory]
    [InlineData("123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("123E4567-E89B-12D3-A456-426614174000")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("f47ac10b-58cc-4372-a567-0e02b2c3d479")]
    public void Uuids_of_any_version(string requestId) => Assert.Equal(Guid.Parse(requestId), RequestIds.Parse(requestId));

    [Theory]
    [InlineData("123e4567e89b12d3a456426614174000")]
    [InlineData("{123e4567-e89b-12d3-a456-426614174000}")]
    [InlineData("123e4567-e89b-12d3-a456-42661417400")]
    [InlineData("123e4567-e89b-12d3-a456-4266141740000")]
    [InlineData("123e4567-e89b-12d3-a456-42661417400g")]
    [InlineData(" 123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("retry-1")]
    public void Anything_else_is_invalid_argument_on_request_id(string requestId)
    {
        var violation = ApiAssert.InvalidArgument(() => RequestIds.Parse(requestId), "INVALID_FIELD", "request_id");
        Assert.StartsWith("must be a UUID of 36 characters", violation.Description);
    }

    [Fact]
    public void The_field_path_can_be_given()
        => ApiAssert.InvalidArgument(() => RequestIds.Parse("x", "requests[2].request_id"), "INVALID_FIELD", "requests[2].request_id");

    [Fact]
    public void A_retry_has_the_fingerprint_of_the_first_call()
    {
        var first = CreateRequest();
        var retry = CreateRequest();
        retry.RequestId = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
        retry.ValidateOnly = true;
        Assert.Equal(RequestFingerprint.Compute(first), RequestFingerprint.Compute(retry));
        Assert.Equal(32, RequestFingerprint.Compute(first).Length);
    }

    [Fact]
    public void Another_request_has_another_fingerprint()
    {
        var first = RequestFingerprint.Compute(CreateRequest());
        var otherSubject = CreateRequest();
        otherSubject.Directive.Subject += ".";
        var otherParent = CreateRequest();
        otherParent.Parent = "provinces/nam-dinh";
        var otherId = CreateRequest();
        otherId.DirectiveId = "other";
        Assert.NotEqual(first, RequestFingerprint.Compute(otherSubject));
        Assert.NotEqual(first, RequestFingerprint.Compute(otherParent));
        Assert.NotEqual(first, RequestFingerprint.Compute(otherId));
    }

    [Fact]
    public void The_request_itself_is_not_changed()
    {
        var request = CreateRequest();
        RequestFingerprint.Compute(request);
        Assert.Equal("123e4567-e89b-12d3-a456-426614174000", request.RequestId);
        Assert.True(request.ValidateOnly);
    }

    [Fact]
    public void Requests_without_the_ignored_fields_are_hashed_whole()
    {
        var get = new GetDirectiveRequest { Name = "provinces/p/directives/d" };
        Assert.Equal(RequestFingerprint.Compute(get), RequestFingerprint.Compute(get.Clone()));
        Assert.NotEqual(RequestFingerprint.Compute(get), RequestFingerprint.Compute(new GetDirectiveRequest { Name = "provinces/p/directives/e" }));
    }

    private static CreateDirectiveRequest CreateRequest() => new()
    {
        Parent = "provinces/tien-giang",
        DirectiveId = "2022-15-ct-ubnd",
        RequestId = "123e4567-e89b-12d3-a456-426614174000",
        ValidateOnly = true,
        Directive = new Directive
        {
            DocumentType = DocumentType.Directive,
            NumberAndSymbol = "15/CT-UBND",
            IssuingBody = "Ủy ban nhân dân tỉnh Tiền Giang",
            Subject = "Về công tác bảo đảm an ninh, trật tự năm 2023 trên địa bàn tỉnh Tiền Giang",
            Recipients = { "Bộ Công an", "Các sở, ban, ngành tỉnh" },
        },
    };
}
