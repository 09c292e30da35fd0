using System.Linq.Expressions;
using System.Reflection;
using Directives.Domain.Committees;
using Directives.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Resources;

/// <summary>Queries on the storage-only fields of resources, for any of the four aggregates.</summary>
public static class ResourceQueries
{
    private static readonly MethodInfo StampFromColumns =
        typeof(ResourceStamp).GetMethod(nameof(ResourceStamp.FromColumns), BindingFlags.Static | BindingFlags.NonPublic)!;

    /// <summary>The directive, agency or committee with this resource id.</summary>
    public static IQueryable<T> WithResourceId<T>(this IQueryable<T> source, string resourceId)
        where T : class
        => source.Where(r => EF.Property<string>(r, ResourceProperties.ResourceId) == resourceId);

    /// <summary>The task <c>directives/{directiveResourceId}/tasks/{taskResourceId}</c>.</summary>
    public static IQueryable<DirectiveTask> WithTaskName(this IQueryable<DirectiveTask> source, string directiveResourceId, string taskResourceId)
        => source.Where(t => EF.Property<string>(t, ResourceProperties.DirectiveResourceId) == directiveResourceId
            && EF.Property<string>(t, ResourceProperties.ResourceId) == taskResourceId);

    /// <summary>Hides soft-deleted resources (List without show_deleted).</summary>
    public static IQueryable<T> NotDeleted<T>(this IQueryable<T> source)
        where T : class
        => source.Where(r => EF.Property<long?>(r, ResourceProperties.DeleteTime) == null);

    /// <summary>Soft-deleted resources whose purge time has come.</summary>
    public static IQueryable<T> PurgeDue<T>(this IQueryable<T> source, DateTimeOffset now)
        where T : class
        => source.Where(r => EF.Property<long?>(r, ResourceProperties.PurgeTime) <= now.UtcTicks);

    /// <summary>Each resource with its storage-only fields, read without tracking (for Get and List).</summary>
    public static IQueryable<Stamped<T>> Stamped<T>(this IQueryable<T> source)
        where T : class
        => source.AsNoTracking().Select(StampedProjection<T>());

    internal static Expression<Func<T, Stamped<T>>> StampedProjection<T>()
        where T : class
    {
        var resource = Expression.Parameter(typeof(T), "r");
        var softDeletable = typeof(T) != typeof(SteeringCommittee);
        var stamp = Expression.Call(
            StampFromColumns,
            Column<string>(resource, ResourceProperties.ResourceId),
            typeof(T) == typeof(DirectiveTask)
                ? Column<string>(resource, ResourceProperties.DirectiveResourceId)
                : Expression.Constant(null, typeof(string)),
            Column<string>(resource, ResourceProperties.Etag),
            Column<long>(resource, ResourceProperties.CreateTime),
            Column<long>(resource, ResourceProperties.UpdateTime),
            softDeletable ? Column<long?>(resource, ResourceProperties.DeleteTime) : Expression.Constant(null, typeof(long?)),
            softDeletable ? Column<long?>(resource, ResourceProperties.PurgeTime) : Expression.Constant(null, typeof(long?)));
        var constructor = typeof(Stamped<T>).GetConstructor([typeof(T), typeof(ResourceStamp)])!;
        return Expression.Lambda<Func<T, Stamped<T>>>(Expression.New(constructor, resource, stamp), resource);
    }

    internal static Expression Column<TValue>(Expression resource, string property)
        => Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TValue)], resource, Expression.Constant(property));
}
