using Directives.Server.Hosting;

// `Directives.Server migrate [--Key=Value …]` migrates every province's database and exits; anything else serves.
return await DirectivesApp.RunAsync(args);

/// <summary>The host's entry point; the composition is <see cref="DirectivesApp"/>.</summary>
public partial class Program;
