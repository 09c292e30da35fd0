using System.Diagnostics.CodeAnalysis;
using Grpc.AspNetCore.Server.Internal.CallHandlers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Maps a service's methods, and the UNIMPLEMENTED fallbacks, onto endpoint routing. Runs once per service at startup.</summary>
internal static class GrpcServiceEndpointMapper
{
    private static readonly HttpMethodMetadata PostOnly = new(["POST"]);

    public static GrpcServiceEndpointConventionBuilder Map<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicMethods)] TService>(IEndpointRouteBuilder endpoints)
        where TService : class
    {
        var services = endpoints.ServiceProvider;
        var registry = services.GetService<GrpcEndpointRegistry>()
            ?? throw new InvalidOperationException("Unable to find the required services. Add them by calling 'services.AddGrpc()' in the application's service configuration.");
        var options = ResolveOptions<TService>(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(GrpcServerLog.CallHandlerCategory);
        var settings = new ServerCallSettings(options, logger, services.GetService<GrpcServerMetrics>());
        var interceptors = new InterceptorActivator[settings.Interceptors.Length];
        for (var i = 0; i < interceptors.Length; i++)
        {
            interceptors[i] = new InterceptorActivator(settings.Interceptors[i]);
        }

        var binder = new ServiceMethodBinder<TService>(settings, new ServiceActivator<TService>(services), interceptors);
        binder.BindAll();

        var conventionBuilders = new List<IEndpointConventionBuilder>(binder.Handlers.Count);
        var serviceNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handler in binder.Handlers)
        {
            var method = handler.Method;
            serviceNames.Add(method.ServiceName);
            var builder = endpoints.Map(RoutePatternFactory.Parse(method.FullName), handler.HandleCallAsync);
            builder.WithMetadata(PostOnly, new GrpcMethodMetadata(typeof(TService), method));
            builder.WithDisplayName("gRPC - " + method.FullName);
            conventionBuilders.Add(builder);
        }

        var unimplemented = new UnimplementedCallHandler(logger);
        foreach (var serviceName in serviceNames)
        {
            MapFallback(endpoints, "/" + serviceName + "/{" + UnimplementedCallHandler.MethodRouteValue + "}", unimplemented.HandleMethodAsync, "gRPC - Unimplemented method for " + serviceName);
        }

        if (!options.IgnoreUnknownServices && registry.TryClaimUnimplementedService(endpoints))
        {
            MapFallback(endpoints, "/{" + UnimplementedCallHandler.ServiceRouteValue + "}/{" + UnimplementedCallHandler.MethodRouteValue + "}", unimplemented.HandleServiceAsync, "gRPC - Unimplemented service");
        }

        return new GrpcServiceEndpointConventionBuilder(conventionBuilders);
    }

    /// <summary>The global options, then this service's own configuration on top of a copy of them.</summary>
    private static GrpcServiceOptions ResolveOptions<TService>(IServiceProvider services)
        where TService : class
    {
        var global = services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var options = new GrpcServiceOptions<TService>
        {
            MaxReceiveMessageSize = global.MaxReceiveMessageSize,
            MaxSendMessageSize = global.MaxSendMessageSize,
            EnableDetailedErrors = global.EnableDetailedErrors,
            ResponseCompressionAlgorithm = global.ResponseCompressionAlgorithm,
            ResponseCompressionLevel = global.ResponseCompressionLevel,
            CompressionProviders = [.. global.CompressionProviders],
            IgnoreUnknownServices = global.IgnoreUnknownServices,
        };
        foreach (var interceptor in global.Interceptors)
        {
            options.Interceptors.Add(interceptor);
        }

        foreach (var configure in services.GetServices<IConfigureOptions<GrpcServiceOptions<TService>>>())
        {
            if (configure is IConfigureNamedOptions<GrpcServiceOptions<TService>> named)
            {
                named.Configure(Options.DefaultName, options);
            }
            else
            {
                configure.Configure(options);
            }
        }

        foreach (var postConfigure in services.GetServices<IPostConfigureOptions<GrpcServiceOptions<TService>>>())
        {
            postConfigure.PostConfigure(Options.DefaultName, options);
        }

        return options;
    }

    private static void MapFallback(IEndpointRouteBuilder endpoints, string pattern, Microsoft.AspNetCore.Http.RequestDelegate handler, string displayName)
    {
        var routePattern = RoutePatternFactory.Parse(pattern, defaults: null, parameterPolicies: new RouteValueDictionary
        {
            [UnimplementedCallHandler.MethodRouteValue] = new GrpcUnimplementedConstraint(),
        });
        var builder = endpoints.Map(routePattern, handler);
        builder.WithMetadata(PostOnly, UnimplementedEndpointMetadata.Instance);
        builder.WithDisplayName(displayName);
        builder.Add(static endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
    }
}
