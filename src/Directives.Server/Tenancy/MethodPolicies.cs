using System.Collections.Frozen;
using Directives.Contracts.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Directives.Server.Tenancy;

/// <summary>
/// The <see cref="MethodPolicy"/> of every method of the directives.v1 contract, by full method name,
/// expanded from <see cref="AccessPolicyTable"/> once at startup.
/// </summary>
internal sealed class MethodPolicies
{
    /// <summary>The prefix of every directives.v1 method path; other services (health, reflection) are not tenant-resolved.</summary>
    public const string ApiMethodPrefix = "/directives.v1.";

    private readonly FrozenDictionary<string, MethodPolicy> _policies;

    private MethodPolicies(FrozenDictionary<string, MethodPolicy> policies) => _policies = policies;

    /// <summary>The services of the contract, from the descriptors generated into Directives.Contracts.</summary>
    public static IReadOnlyList<ServiceDescriptor> ContractServices { get; } =
    [
        .. new[]
        {
            AgencyReflection.Descriptor, ChangesReflection.Descriptor, CommitteeReflection.Descriptor, DirectiveReflection.Descriptor,
            MinistryReflection.Descriptor, ProvinceReflection.Descriptor, ProvinceAdminReflection.Descriptor, ReportReflection.Descriptor,
            TargetReflection.Descriptor, TaskReflection.Descriptor,
        }.SelectMany(file => file.Services),
    ];

    public IEnumerable<MethodPolicy> All => _policies.Values;

    /// <summary>The policy of the contract's methods under <see cref="AccessPolicyTable"/>.</summary>
    public static MethodPolicies CreateDefault() => Create(ContractServices, AccessPolicyTable.Services);

    /// <summary>
    /// Expands <paramref name="table"/> over <paramref name="services"/>. Throws if a service has no row, a
    /// row names a method the service lacks, or a method streams its requests (tenant resolution reads
    /// the request before the service runs, which a request stream does not allow).
    /// </summary>
    public static MethodPolicies Create(IEnumerable<ServiceDescriptor> services, IReadOnlyList<ServiceAccess> table)
    {
        var rows = table.ToDictionary(row => row.Service, StringComparer.Ordinal);
        var policies = new Dictionary<string, MethodPolicy>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            if (!rows.Remove(service.FullName, out var row))
            {
                throw new InvalidOperationException($"AccessPolicyTable has no row for {service.FullName}: every service of the contract needs one.");
            }

            var methodNames = service.Methods.Select(method => method.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var listed in row.Methods.Keys.Concat(row.AcrossProvinces))
            {
                if (!methodNames.Contains(listed))
                {
                    throw new InvalidOperationException($"AccessPolicyTable names {service.FullName}/{listed}, which the contract does not have.");
                }
            }

            foreach (var method in service.Methods)
            {
                if (method.IsClientStreaming)
                {
                    throw new InvalidOperationException($"{service.FullName}/{method.Name} streams requests, which tenant resolution cannot inspect before the call.");
                }

                var kind = MethodKinds.Of(method.Name);
                var roles = row.Methods.TryGetValue(method.Name, out var specific) ? specific : kind == MethodKind.Read ? row.Readers : row.Writers;
                var fullName = "/" + service.FullName + "/" + method.Name;
                policies.Add(fullName, new MethodPolicy(
                    fullName,
                    method.Name,
                    kind,
                    row.Scope,
                    roles,
                    row.AcrossProvinces.Contains(method.Name),
                    ResourceNameFields.ForRequest(method.InputType)));
            }
        }

        if (rows.Count > 0)
        {
            throw new InvalidOperationException($"AccessPolicyTable has rows for services the contract does not have: {string.Join(", ", rows.Keys)}.");
        }

        return new MethodPolicies(policies.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The policy of a method, or null for a method the contract does not have (which is then refused).</summary>
    public MethodPolicy? Find(string fullMethodName) => _policies.GetValueOrDefault(fullMethodName);
}
