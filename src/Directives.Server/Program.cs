var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGrpc();

var app = builder.Build();

app.Run();

/// <summary>The host's entry point, visible to integration tests.</summary>
public partial class Program;
