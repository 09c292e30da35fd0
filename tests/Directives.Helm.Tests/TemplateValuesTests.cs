using Directives.Helm.Tests.Infrastructure;

namespace Directives.Helm.Tests;

/// <summary>Every <c>.Values</c> path a template reads is defined in values.yaml (a typo renders as nothing in helm).</summary>
public class TemplateValuesTests
{
    public static TheoryData<string> Templates() => [.. ChartFiles.Templates.Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryValuesPathExistsInValuesYaml(string template)
    {
        var values = YamlValues.Load(ChartFiles.ValuesFile);

        var missing = TemplatePaths.ValuesPaths(ChartFiles.ReadTemplate(template)).Where(p => !TemplatePaths.Exists(values, p)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void TheTemplatesReadValues() =>
        Assert.Contains("storage.existingSecret", ChartFiles.Templates.SelectMany(t => TemplatePaths.ValuesPaths(File.ReadAllText(t))));

    [Fact]
    public void AMissingPathIsFound()
    {
        var values = YamlValues.Parse("auth:\n  issuer: x\n");
        var paths = TemplatePaths.ValuesPaths("a: {{ .Values.auth.issuer }}\nb: {{ $.Values.auth.isuer | quote }}\nc: .Values.not.in.an.action").ToList();

        Assert.Equal(["auth.issuer", "auth.isuer"], paths);
        Assert.True(TemplatePaths.Exists(values, "auth.issuer"));
        Assert.False(TemplatePaths.Exists(values, "auth.isuer"));
        Assert.False(TemplatePaths.Exists(values, "auth.issuer.deeper"));
    }
}
