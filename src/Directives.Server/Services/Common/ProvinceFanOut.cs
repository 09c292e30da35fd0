using Directives.Server.Api;
using Directives.Server.Tenancy;
using Grpc.Core;

namespace Directives.Server.Services.Common;

/// <summary>
/// The ministry's reads of <c>provinces/-</c> (AIP-159, AIP-217): the same read on every ACTIVE and
/// READ_ONLY province, in parallel; a DISABLED province, or one whose read fails, is listed as
/// unreachable instead of failing the call.
/// </summary>
internal sealed partial class ProvinceFanOut(IProvinceRegistry registry, ILogger<ProvinceFanOut> logger)
{
    // Enough to overlap the provinces' round trips without opening a connection to every database at once.
    private const int Parallelism = 8;

    /// <summary>
    /// Runs <paramref name="read"/> for each readable province, and returns the results in province id
    /// order with the unreachable provinces' names.
    /// </summary>
    public async Task<FanOutResult<T>> ReadAsync<T>(Func<ProvinceRecord, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var provinces = (await registry.ListAsync(cancellationToken))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var results = new (bool Reached, T? Value)[provinces.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, provinces.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var province = provinces[index];
                if (province.State == ProvinceState.Disabled)
                {
                    return;
                }

                try
                {
                    results[index] = (true, await read(province, token));
                }
                // A request error (an RpcException: a bad filter value) is the caller's, not the province's: it fails the call.
                catch (Exception exception) when (exception is not RpcException && !token.IsCancellationRequested)
                {
                    LogUnreachable(logger, province.Id, exception);
                }
            });

        var reached = new List<(ProvinceRecord Province, T Value)>();
        var unreachable = new List<string>();
        for (var i = 0; i < provinces.Count; i++)
        {
            if (results[i].Reached)
            {
                reached.Add((provinces[i], results[i].Value!));
            }
            else
            {
                unreachable.Add(ProvinceName.Pattern.Format(provinces[i].Id));
            }
        }

        return new FanOutResult<T>(reached, unreachable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Province {ProvinceId} could not be read for a cross-province call; it is listed as unreachable.")]
    private static partial void LogUnreachable(ILogger logger, string provinceId, Exception exception);
}

/// <summary>The provinces read, in id order, and the names of those that could not be.</summary>
internal sealed record FanOutResult<T>(IReadOnlyList<(ProvinceRecord Province, T Value)> Reached, IReadOnlyList<string> Unreachable);
