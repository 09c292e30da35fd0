using Directives.Data.Errors;
using Directives.Data.Idempotency;
using Directives.Data.Resources;
using Directives.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Tests;

/// <summary>request_ids remembered with the Create they belong to, for at least the retention.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class IdempotencyTests(DatabaseFixture fixture)
{
    private const string Method = "/directives.v1.DirectiveService/CreateDirective";
    private const string RequestId = "5d0f8c2e-3b1a-4e7f-9a6b-2c4d8e1f0a3b";

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task A_retry_finds_the_first_result_and_a_reuse_is_told_apart(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var fingerprint = RequestFingerprint.Compute("create 38-CT/TU"u8);
        await CreateAsync(province, "d1", fingerprint, response: [42, 7]);

        await using var db = await province.OpenAsync();
        var record = await db.Idempotency.FindAsync(RequestId, Samples.Now.AddHours(23), CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(ProvinceWrites.DirectiveName(province, "d1"), record.ResourceName);
        Assert.Equal(new byte[] { 42, 7 }, record.Response);
        Assert.Equal(Samples.Now, record.CreateTime);
        Assert.True(record.ExpireTime >= Samples.Now.AddHours(24));
        Assert.True(record.Matches(Method, fingerprint));
        Assert.False(record.Matches(Method, RequestFingerprint.Compute("create 39-CT/TU"u8)));
        Assert.False(record.Matches("/directives.v1.TaskService/CreateTask", fingerprint));

        // Expired records are not found, and are purged.
        Assert.Null(await db.Idempotency.FindAsync(RequestId, Samples.Now.AddHours(24), CancellationToken.None));
        Assert.Equal(1, await db.Idempotency.PurgeExpiredAsync(Samples.Now.AddHours(25), CancellationToken.None));
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Two_first_calls_with_one_request_id_create_one_resource(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var fingerprint = RequestFingerprint.Compute("create"u8);
        await CreateAsync(province, "d1", fingerprint, response: null);

        // The racing second call missed the record when it looked, and fails at commit.
        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => CreateAsync(province, "d2", fingerprint, response: null));
        Assert.Equal(UniqueKey.RequestId, error.Key);

        await using var db = await province.OpenAsync();
        Assert.Equal(["d1"], await db.Directives.Stamped().Select(d => d.Stamp.ResourceId).ToListAsync());
        Assert.Equal(1, await db.ChangeLog.HeadAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task An_expired_request_id_can_be_used_again(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await CreateAsync(province, "d1", [1], response: null);

        await using (var db = await province.OpenAsync())
        {
            var later = Samples.Now.AddDays(2);
            Assert.Null(await db.Idempotency.FindAsync(RequestId, later, CancellationToken.None));
            var stamp = db.AddResource(Samples.Directive("2-CT/TU"), "d2", later);
            db.Idempotency.Remember(RequestId, Method, [2], ProvinceWrites.DirectiveName(province, "d2"), null, later);
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "d2"), etag: stamp.Etag, requestId: RequestId));
            await db.SaveChangesAsync();
        }

        await using (var db = await province.OpenAsync())
        {
            var record = await db.Idempotency.FindAsync(RequestId, Samples.Now.AddDays(2), CancellationToken.None);
            Assert.Equal(ProvinceWrites.DirectiveName(province, "d2"), record!.ResourceName);
            Assert.Equal(new byte[] { 2 }, record.Fingerprint);
        }
    }

    private static async Task CreateAsync(TestProvince province, string resourceId, byte[] fingerprint, byte[]? response)
    {
        await using var db = await province.OpenAsync();
        var name = ProvinceWrites.DirectiveName(province, resourceId);
        var stamp = db.AddResource(Samples.Directive(number: null), resourceId, Samples.Now);
        db.Idempotency.Remember(RequestId, Method, fingerprint, name, response, Samples.Now);
        db.ChangeLog.Record(Samples.Change(name, etag: stamp.Etag, requestId: RequestId));
        await db.SaveChangesAsync();
    }
}
