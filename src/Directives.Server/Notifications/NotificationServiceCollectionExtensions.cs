using Directives.Data.Changes;
using Directives.Server.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

internal static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the change signals and the bus that raises them on commit: in process unless a bus
    /// spanning replicas was registered before.
    /// </summary>
    public static IServiceCollection AddChangeNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton<ChangeSignals>();
        services.TryAddSingleton<IChangeBus, LocalChangeBus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChangeCommitListener, ChangeBusCommitListener>());
        return services;
    }
}
