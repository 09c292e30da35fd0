using Microsoft.Extensions.Options;

namespace Directives.Bench;

/// <summary>Options that never change, for the Data layer the benchmarks seed through.</summary>
public sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
