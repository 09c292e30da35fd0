using Directives.Helm.Tests.Infrastructure;

namespace Directives.Helm.Tests;

/// <summary>No values file holds a secret: connection strings, signing keys and passwords come from existing Secrets.</summary>
public class SecretValuesTests
{
    public static TheoryData<string> ValuesFiles() =>
        [.. new[] { ChartFiles.ValuesFile }.Concat(ChartFiles.ExampleValuesFiles).Select(f => Path.GetRelativePath(ChartFiles.ChartDirectory, f))];

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void NoSecretValue(string file) =>
        Assert.Empty(SecretScanner.Find(YamlValues.Load(Path.Combine(ChartFiles.ChartDirectory, file))));

    [Theory]
    [InlineData("redis:\n  password: hunter2", "$.redis.password")]
    [InlineData("storage:\n  connectionString: Host=db;Database=d", "$.storage.connectionString")]
    [InlineData("extraSettings:\n  Storage__ConnectionStrings__hung-yen: Host=db;Username=u;Password=p", "$.extraSettings.Storage__ConnectionStrings__hung-yen")]
    [InlineData("extraSettings:\n  Api__PageTokens__Value: ZXbRrVhTF4OSmngtOEVwRnK8okBE3Deij2eM6PbZes0=", "$.extraSettings.Api__PageTokens__Value")]
    [InlineData("redis:\n  host: redis://user:pw@redis:6379", "$.redis.host")]
    [InlineData("auth:\n  signingKeys:\n    - \"-----BEGIN PUBLIC KEY-----\"", "$.auth.signingKeys[0]")]
    public void ASecretIsFound(string yaml, string path) =>
        Assert.Contains(SecretScanner.Find(YamlValues.Parse(yaml)), f => f.StartsWith(path + ":", StringComparison.Ordinal));

    [Fact]
    public void ReferencesToSecretsAreNotSecrets() =>
        Assert.Empty(SecretScanner.Find(YamlValues.Parse("redis:\n  existingSecret: r\n  passwordKey: redis-password\nauth:\n  signingKeyKeys: [a, b]\n")));
}
