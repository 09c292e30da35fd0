using Directives.Server.Hosting;

await DirectivesApp.Build(args).RunAsync();

/// <summary>The host's entry point; the composition is <see cref="DirectivesApp"/>.</summary>
public partial class Program;
