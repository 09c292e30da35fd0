// Each class starts its own servers (the quickstart a whole `dotnet run`): one class at a time keeps a
// two-core machine, shared with the other test assemblies, responsive enough for their deadlines.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
