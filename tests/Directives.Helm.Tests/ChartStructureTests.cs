using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Directives.Helm.Tests.Infrastructure;

namespace Directives.Helm.Tests;

/// <summary>
/// What the chart must hold, read from its templates without rendering them (helm is not on these machines):
/// the restricted security context, native gRPC probes, the recommended labels, h2c Services, the migration
/// hook, Secret references, and a README that documents every value.
/// </summary>
public partial class ChartStructureTests
{
    private static readonly string Helpers = ChartFiles.ReadTemplate("_helpers.tpl");
    private static readonly string Deployment = ChartFiles.ReadTemplate("deployment.yaml");
    private static readonly string Job = ChartFiles.ReadTemplate("migration-job.yaml");

    public static TheoryData<string> ObjectTemplates() =>
        [.. ChartFiles.Templates.Where(t => t.EndsWith(".yaml", StringComparison.Ordinal)).Select(f => Path.GetFileName(f))];

    [Theory]
    [InlineData("runAsNonRoot: true")]
    [InlineData("readOnlyRootFilesystem: true")]
    [InlineData("allowPrivilegeEscalation: false")]
    [InlineData("capabilities:\n  drop:\n    - ALL")]
    [InlineData("seccompProfile:\n  type: RuntimeDefault")]
    public void TheContainerSecurityContextIsRestricted(string setting) =>
        Assert.Contains(setting, Define("directives-grpc.containerSecurityContext"), StringComparison.Ordinal);

    [Theory]
    [InlineData("runAsNonRoot: true")]
    [InlineData("seccompProfile:\n  type: RuntimeDefault")]
    public void ThePodSecurityContextIsRestricted(string setting) =>
        Assert.Contains(setting, Define("directives-grpc.podSecurityContext"), StringComparison.Ordinal);

    [Theory]
    [InlineData("deployment.yaml")]
    [InlineData("migration-job.yaml")]
    public void EveryPodUsesTheRestrictedContexts(string template)
    {
        var text = ChartFiles.ReadTemplate(template);

        Assert.Contains("securityContext:\n        {{- include \"directives-grpc.podSecurityContext\" . | nindent 8 }}", text, StringComparison.Ordinal);
        Assert.Contains("securityContext:\n            {{- include \"directives-grpc.containerSecurityContext\" . | nindent 12 }}", text, StringComparison.Ordinal);
        Assert.Contains("automountServiceAccountToken: false", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("startupProbe", "startup")]
    [InlineData("readinessProbe", "readiness")]
    [InlineData("livenessProbe", "liveness")]
    public void ProbesAreNativeGrpcOnTheHealthService(string probe, string values)
    {
        var block = Regex.Match(Deployment, probe + @":\n(?<body>(?: {12,}.*\n)+)").Groups["body"].Value;

        Assert.Contains("grpc:\n", block, StringComparison.Ordinal);
        Assert.Contains("port: {{ .Values.containerPort }}", block, StringComparison.Ordinal);
        Assert.Contains($"service: {{{{ .Values.probes.{values}.service | quote }}}}", block, StringComparison.Ordinal);
        Assert.DoesNotContain("httpGet", block, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadinessAsksTheWholeServerAndLivenessTheProcess()
    {
        var probes = YamlValues.Load(ChartFiles.ValuesFile)["probes"]!;

        Assert.Equal("", probes["readiness"]!["service"]!.GetValue<string>());
        // Directives.Server maps "liveness" to no health check (LivenessHealth; tested by the server's StartupTests).
        Assert.Equal("liveness", probes["liveness"]!["service"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("helm.sh/chart:")]
    [InlineData("app.kubernetes.io/name:")]
    [InlineData("app.kubernetes.io/instance:")]
    [InlineData("app.kubernetes.io/version:")]
    [InlineData("app.kubernetes.io/managed-by:")]
    public void TheRecommendedLabelsAreDefined(string label) =>
        Assert.Contains(label, Define("directives-grpc.labels") + Define("directives-grpc.selectorLabels"), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ObjectTemplates))]
    public void EveryObjectCarriesTheLabels(string template)
    {
        var text = ChartFiles.ReadTemplate(template);
        var objects = Regex.Matches(text, @"^kind: ", RegexOptions.Multiline).Count;
        var labelled = Regex.Matches(text, @"^  labels:\n    \{\{- include ""directives-grpc.labels"" \. \| nindent 4 \}\}", RegexOptions.Multiline).Count;

        Assert.True(objects > 0, template + " defines no object");
        Assert.Equal(objects, labelled);
    }

    [Theory]
    [InlineData("service.yaml")]
    [InlineData("service-headless.yaml")]
    public void ServicesSpeakH2c(string template) =>
        Assert.Contains("appProtocol: kubernetes.io/h2c", ChartFiles.ReadTemplate(template), StringComparison.Ordinal);

    [Fact]
    public void TheHeadlessServiceResolvesReadyPods()
    {
        var text = ChartFiles.ReadTemplate("service-headless.yaml");

        Assert.Contains("clusterIP: None", text, StringComparison.Ordinal);
        Assert.Contains("publishNotReadyAddresses: false", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MigrationsRunInAPreInstallAndPreUpgradeHookBeforeThePods()
    {
        var weights = Regex.Matches(Job, @"kind: (?<kind>\w+)(?:.|\n)*?helm.sh/hook: pre-install,pre-upgrade\n\s*helm.sh/hook-weight: ""(?<weight>-?\d+)""")
            .ToDictionary(m => m.Groups["kind"].Value + Regex.Match(Job[m.Index..], @"name: .*-(?<n>migrate[-\w]*)").Groups["n"].Value, m => int.Parse(m.Groups["weight"].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(-5, weights["Jobmigrate"]);
        Assert.True(weights["ConfigMapmigrate-settings"] < weights["Jobmigrate"]);
        Assert.True(weights["ConfigMapmigrate-provinces"] < weights["Jobmigrate"]);
        Assert.Contains("args: [\"migrate\"]", Job, StringComparison.Ordinal);
        Assert.Contains("restartPolicy: Never", Job, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(Job, "helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded").Count);
    }

    [Theory]
    [InlineData("storage.existingSecret")]
    [InlineData("auth.existingSecret")]
    [InlineData("pageTokens.existingSecret")]
    [InlineData("redis.existingSecret")]
    public void SecretsAreReferencedByName(string value)
    {
        var env = Define("directives-grpc.secretEnv");
        var (section, key) = (value.Split('.')[0], value.Split('.')[1]);

        Assert.Contains(section == "storage" ? "$storage." + key : ".Values." + value, env, StringComparison.Ordinal);
        Assert.True(Regex.Matches(env, @"valueFrom:\n\s+secretKeyRef:\n\s+name: ").Count >= 5);
        Assert.Equal("", YamlValues.Load(ChartFiles.ValuesFile)[section]![key]!.GetValue<string>());
    }

    [Fact]
    public void TheChartCreatesNoSecret() =>
        Assert.DoesNotContain(ChartFiles.Templates, t => Regex.IsMatch(File.ReadAllText(t), @"^kind: Secret\s*$", RegexOptions.Multiline));

    [Theory]
    [InlineData("hpa.yaml", "kind: HorizontalPodAutoscaler")]
    [InlineData("pdb.yaml", "kind: PodDisruptionBudget")]
    [InlineData("networkpolicy.yaml", "kind: NetworkPolicy")]
    [InlineData("serviceaccount.yaml", "kind: ServiceAccount")]
    [InlineData("ingress.yaml", "kind: Ingress")]
    [InlineData("configmap.yaml", "kind: ConfigMap")]
    [InlineData("NOTES.txt", "dns:///")]
    public void TheChartHasItsObjects(string template, string expected) =>
        Assert.Contains(expected, ChartFiles.ReadTemplate(template), StringComparison.Ordinal);

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("OTEL_SERVICE_NAME")]
    [InlineData("OTEL_RESOURCE_ATTRIBUTES")]
    public void OpenTelemetryIsWired(string variable) =>
        Assert.Contains(variable, Helpers, StringComparison.Ordinal);

    [Fact]
    public void TheReadmeDocumentsEveryValue()
    {
        var readme = File.ReadAllText(Path.Combine(ChartFiles.ChartDirectory, "README.md"));
        var schema = JsonNode.Parse(File.ReadAllText(ChartFiles.SchemaFile))!.AsObject();

        var undocumented = Leaves(schema, "").Where(path => !readme.Contains($"| `{path}` |", StringComparison.Ordinal)).ToList();

        Assert.Empty(undocumented);
    }

    /// <summary>The value paths the schema describes, down to values without named properties.</summary>
    private static IEnumerable<string> Leaves(JsonObject schema, string prefix) =>
        schema["properties"] is JsonObject properties
            ? properties.SelectMany(p => Leaves(p.Value!.AsObject(), prefix.Length == 0 ? p.Key : prefix + "." + p.Key))
            : [prefix];

    private static string Define(string name)
    {
        var match = Regex.Match(Helpers, @"\{\{- define """ + Regex.Escape(name) + @""" -\}\}\n(?<body>(?:.|\n)*?)\{\{- end \}\}\n\n");
        Assert.True(match.Success, name + " is not defined in _helpers.tpl");
        return match.Groups["body"].Value;
    }
}
