using System.Buffers.Text;
using Directives.Domain.Tasks;
using Directives.Server.Api;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Directives.Server.Tests.Api;

public sealed class PageTokenTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
    private static readonly string OtherKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray());
    private static readonly ListParameters Parameters = new("ListTasks", "provinces/hung-yen/directives/-", "state = OVERDUE", "deadline_time desc", ShowDeleted: false);

    [Fact]
    public void Every_kind_of_key_value_round_trips()
    {
        var tokens = Tokens(Key);
        object?[] values =
        [
            "provinces/hung-yen/directives/d/tasks/3-1",
            "Chỉ thị 15/CT-UBND",
            "",
            null,
            42L,
            -7,
            TaskState.Completed,
            12.5m,
            0.1,
            new DateTime(2024, 9, 30, 16, 59, 59, DateTimeKind.Utc).AddTicks(1234),
            new DateTime(2024, 9, 30, 23, 59, 59, DateTimeKind.Unspecified),
            new DateTimeOffset(2024, 9, 30, 23, 59, 59, TimeSpan.FromHours(7)),
            new DateOnly(2022, 12, 19),
            true,
            Guid.Parse("123e4567-e89b-12d3-a456-426614174000"),
        ];
        var token = tokens.Create(Parameters, new PagePosition(values));
        var read = tokens.Read(token, Parameters)!;

        object?[] expected = [.. values];
        expected[5] = -7L; // integers and enums travel as 64 bits; SortMember converts them back
        expected[6] = (long)TaskState.Completed;
        Assert.Equal(expected, read.Values);
        var instant = Assert.IsType<DateTimeOffset>(read.Values[11]);
        Assert.Equal(TimeSpan.FromHours(7), instant.Offset);
        Assert.Equal(DateTimeKind.Utc, Assert.IsType<DateTime>(read.Values[9]).Kind);
        Assert.Equal(DateTimeKind.Unspecified, Assert.IsType<DateTime>(read.Values[10]).Kind);
    }

    [Fact]
    public void Tokens_are_url_safe_and_opaque()
    {
        var token = Tokens(Key).Create(Parameters, new PagePosition(["provinces/hung-yen/directives/d/tasks/secret-task"]));
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.DoesNotContain("secret", token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_token_is_the_first_page(string? token) => Assert.Null(Tokens(Key).Read(token, Parameters));

    [Fact]
    public void Every_altered_byte_is_detected()
    {
        var tokens = Tokens(Key);
        var bytes = Base64Url.DecodeFromChars(tokens.Create(Parameters, new PagePosition([new DateTime(2024, 1, 1), 5L, "provinces/p/directives/d/tasks/t"])));
        for (var i = 0; i < bytes.Length; i++)
        {
            var altered = (byte[])bytes.Clone();
            altered[i] ^= 0x01;
            var violation = ApiAssert.InvalidArgument(() => tokens.Read(Base64Url.EncodeToString(altered), Parameters), "INVALID_PAGE_TOKEN", "page_token");
            Assert.Equal("is not a page token this server issued for this method", violation.Description);
        }

        ApiAssert.InvalidArgument(() => tokens.Read(Base64Url.EncodeToString(bytes[..^1]), Parameters), "INVALID_PAGE_TOKEN", "page_token");
        ApiAssert.InvalidArgument(() => tokens.Read(Base64Url.EncodeToString([.. bytes, 0]), Parameters), "INVALID_PAGE_TOKEN", "page_token");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("not a token!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("====")]
    public void Garbage_is_invalid_argument(string token)
    {
        var status = ApiAssert.Throws(() => Tokens(Key).Read(token, Parameters), StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN");
        Assert.Equal(
            "Mã trang (page_token) không hợp lệ hoặc không dùng được với các tham số này của yêu cầu; hãy tải lại từ trang đầu.",
            ApiAssert.Vietnamese(status));
    }

    [Fact]
    public void A_token_works_only_with_the_parameters_it_was_issued_for()
    {
        var tokens = Tokens(Key);
        var token = tokens.Create(Parameters, new PagePosition(["provinces/p/directives/d/tasks/t"]));
        Assert.NotNull(tokens.Read(token, Parameters with { }));
        ListParameters[] others =
        [
            Parameters with { Method = "ListReports" },
            Parameters with { Parent = "provinces/nam-dinh/directives/-" },
            Parameters with { Filter = "state = OVERDUE " },
            Parameters with { OrderBy = "deadline_time" },
            Parameters with { ShowDeleted = true },
            Parameters with { Query = "an ninh" },
        ];
        foreach (var other in others)
        {
            var violation = ApiAssert.InvalidArgument(() => tokens.Read(token, other), "INVALID_PAGE_TOKEN", "page_token");
            Assert.StartsWith("was issued for different request parameters", violation.Description);
        }
    }

    [Fact]
    public void Parameters_hash_without_ambiguity()
    {
        Assert.NotEqual(new ListParameters("M", "ab", "c", "").Hash(), new ListParameters("M", "a", "bc", "").Hash());
        Assert.NotEqual(new ListParameters("M", "", "", "x").Hash(), new ListParameters("M", "", "x", "").Hash());
        Assert.Equal(new ListParameters("M", "p", "f", "o").Hash(), new ListParameters("M", "p", "f", "o").Hash());
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused_until_that_key_is_a_previous_one()
    {
        var token = Tokens(OtherKey).Create(Parameters, new PagePosition(["x"]));
        ApiAssert.InvalidArgument(() => Tokens(Key).Read(token, Parameters), "INVALID_PAGE_TOKEN", "page_token");

        var rotated = Tokens(Key, previous: OtherKey);
        Assert.Equal(["x"], rotated.Read(token, Parameters)!.Values);
        var fresh = rotated.Create(Parameters, new PagePosition(["y"]));
        Assert.Equal(["y"], Tokens(Key).Read(fresh, Parameters)!.Values);
        ApiAssert.InvalidArgument(() => Tokens(OtherKey).Read(fresh, Parameters), "INVALID_PAGE_TOKEN", "page_token");
    }

    [Fact]
    public void Without_a_configured_key_each_instance_has_its_own()
    {
        var first = Tokens(null);
        var token = first.Create(Parameters, new PagePosition(["x"]));
        Assert.Equal(["x"], first.Read(token, Parameters)!.Values);
        ApiAssert.InvalidArgument(() => Tokens(null).Read(token, Parameters), "INVALID_PAGE_TOKEN", "page_token");
    }

    [Fact]
    public void Weak_or_malformed_keys_stop_startup()
    {
        var shortKey = Assert.Throws<InvalidOperationException>(() => Tokens(Convert.ToBase64String(new byte[16])));
        Assert.Equal("Api:PageTokens:SigningKey must be at least 32 bytes.", shortKey.Message);
        Assert.Throws<InvalidOperationException>(() => Tokens("not base64!"));
        Assert.Throws<InvalidOperationException>(() => Tokens(Key, previous: "AAAA"));
    }

    [Fact]
    public void A_position_holds_only_sortable_values()
        => Assert.Throws<ArgumentException>(() => Tokens(Key).Create(Parameters, new PagePosition([new object()])));

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(50, 50)]
    [InlineData(999, 999)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void Page_size_rules(int requested, int resolved) => Assert.Equal(resolved, PageSize.Resolve(requested));

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_negative_page_size_is_invalid_argument(int requested)
    {
        var violation = ApiAssert.InvalidArgument(() => PageSize.Resolve(requested), "INVALID_FIELD", "page_size");
        Assert.Equal($"must not be negative (got {requested})", violation.Description);
    }

    private static PageTokens Tokens(string? key, string? previous = null)
    {
        var options = new PageTokenOptions { SigningKey = key };
        if (previous is not null)
        {
            options.PreviousSigningKeys.Add(previous);
        }

        return new PageTokens(Options.Create(options), NullLogger<PageTokens>.Instance);
    }
}
