namespace Grpc.AspNetCore.Server.Reflection;

/// <summary>
/// Options of the server reflection service, bound to the configuration section <c>Grpc:Reflection</c>
/// (e.g. <c>Grpc__Reflection__Enabled=false</c> in the environment).
/// </summary>
public sealed class GrpcReflectionOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string ConfigurationSection = "Grpc:Reflection";

    /// <summary>
    /// Whether reflection answers. When false every reflection call ends UNIMPLEMENTED, as on a server
    /// without reflection. Read per call, so a configuration reload switches it. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
