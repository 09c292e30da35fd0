using Directives.Transport.TestHost;
using Microsoft.Extensions.Hosting;

// Usage: Directives.Transport.TestHost --urls http://127.0.0.1:0 [--shutdownTimeoutSeconds N]
// Prints "listening <address>" once the server accepts calls, then runs until SIGTERM or Ctrl+C.
var app = TestHostApplication.Build(TestHostApplication.CreateBuilder(args));
await app.StartAsync();
foreach (var address in app.Urls)
{
    Console.WriteLine("listening " + address);
}

await app.WaitForShutdownAsync();
Console.WriteLine("stopped");
