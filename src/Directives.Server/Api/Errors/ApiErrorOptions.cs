using Grpc.Core;

namespace Directives.Server.Api;

/// <summary>
/// Translations of exceptions from other layers (the Data layer's storage exceptions) into API errors,
/// tried by <see cref="ApiExceptionMapper"/> in the order they were added, after the domain's own.
/// </summary>
internal sealed class ApiErrorOptions
{
    private readonly List<(Type Type, Func<Exception, ApiErrorContext, RpcException?> Translate)> _translations = [];

    /// <summary>
    /// Maps <typeparamref name="TException"/> (and subclasses) with <paramref name="translate"/>, which
    /// builds the error with <see cref="ApiErrors"/>, or returns null to leave the exception unmapped.
    /// </summary>
    public ApiErrorOptions Map<TException>(Func<TException, ApiErrorContext, RpcException?> translate)
        where TException : Exception
    {
        _translations.Add((typeof(TException), (exception, context) => translate((TException)exception, context)));
        return this;
    }

    internal RpcException? Translate(Exception exception, ApiErrorContext context)
    {
        foreach (var (type, translate) in _translations)
        {
            if (type.IsInstanceOfType(exception) && translate(exception, context) is { } error)
            {
                return error;
            }
        }

        return null;
    }
}
