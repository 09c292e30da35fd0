using System.Text.Json.Nodes;
using Directives.Helm.Tests.Infrastructure;

namespace Directives.Helm.Tests;

/// <summary>values.yaml and every example values file validate against values.schema.json, as helm checks them.</summary>
public class ValuesSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(ChartFiles.SchemaFile))!.AsObject();

    public static TheoryData<string> ExampleFiles() => [.. ChartFiles.ExampleValuesFiles.Select(f => Path.GetFileName(f))];

    [Fact]
    public void DefaultValuesValidate() =>
        Assert.Empty(SchemaValidator.Validate(YamlValues.Load(ChartFiles.ValuesFile), Schema));

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void ExampleValuesValidateMergedOverTheDefaults(string file)
    {
        var merged = YamlValues.Merge(YamlValues.Load(ChartFiles.ValuesFile), YamlValues.Load(Path.Combine(ChartFiles.ChartDirectory, "ci", file)));

        Assert.Empty(SchemaValidator.Validate(merged, Schema));
    }

    [Fact]
    public void ThereAreExamplesForBothStorageProviders()
    {
        var providers = ChartFiles.ExampleValuesFiles.Select(f => YamlValues.Load(f)["storage"]?["provider"]?.GetValue<string>());

        Assert.Equal(["PostgreSql", "Sqlite"], providers.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("replicaCount: two", "$.replicaCount: expected")]
    [InlineData("storage:\n  provider: MySql", "$.storage.provider:")]
    [InlineData("containerPort: 80", "$.containerPort: 80 is below 1024")]
    [InlineData("redis:\n  pasword: x", "$.redis: unknown key 'pasword'")]
    [InlineData("auth:\n  signingKeyKeys: []", "$.auth.signingKeyKeys: fewer than 1 items")]
    [InlineData("storage:\n  provinceKeys:\n    Hung Yen: k", "$.storage.provinceKeys.Hung Yen (name)")]
    [InlineData("probes:\n  liveness:\n    service: 3", "$.probes.liveness.service: expected")]
    public void TheSchemaRejectsWrongValues(string overrides, string expected)
    {
        var merged = YamlValues.Merge(YamlValues.Load(ChartFiles.ValuesFile), YamlValues.Parse(overrides));

        var errors = SchemaValidator.Validate(merged, Schema);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }
}
