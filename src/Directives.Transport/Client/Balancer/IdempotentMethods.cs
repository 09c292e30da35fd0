namespace Grpc.Net.Client.Balancer;

/// <summary>
/// The methods a balancing channel may send again after a connection broke under them
/// (<see cref="GrpcChannelOptions.IdempotentMethods"/>): <c>package.Service/Method</c>, or <c>package.Service/*</c>
/// for every method of a service.
/// </summary>
internal sealed class IdempotentMethods
{
    private readonly HashSet<string> _methods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);

    public IdempotentMethods(IEnumerable<string>? names)
    {
        foreach (var name in names ?? [])
        {
            if (name.EndsWith("/*", StringComparison.Ordinal))
            {
                _services.Add(name[..^2]);
            }
            else
            {
                _methods.Add(name);
            }
        }
    }

    /// <summary>Whether the request's path ends in a listed <c>/service/method</c>.</summary>
    public bool Contains(Uri? requestUri)
    {
        var path = requestUri?.AbsolutePath;
        if (path is null)
        {
            return false;
        }

        var methodSlash = path.LastIndexOf('/');
        var serviceSlash = methodSlash > 0 ? path.LastIndexOf('/', methodSlash - 1) : -1;
        if (serviceSlash < 0)
        {
            return false;
        }

        var method = path[(serviceSlash + 1)..];
        return _methods.Contains(method) || _services.Contains(path[(serviceSlash + 1)..methodSlash]);
    }
}
