using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Grpc.AspNetCore.Server.Reflection.Internal;

/// <summary>
/// Everything reflection answers, computed once from the mapped services: their names, every file they
/// depend on (transitively) by name, every symbol those files declare, and their extensions.
/// </summary>
internal sealed class ReflectionIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
    private readonly HashSet<string> _messageTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Extendee, int Number), FileDescriptor> _extensions = [];
    private readonly Dictionary<string, List<int>> _extensionNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ByteString[]> _filesWithDependencies = new(StringComparer.Ordinal);

    public ReflectionIndex(IReadOnlyList<ServiceDescriptor> services)
    {
        var names = new string[services.Count];
        for (var i = 0; i < services.Count; i++)
        {
            names[i] = services[i].FullName;
            AddFile(services[i].File);
        }

        ServiceNames = names;
    }

    /// <summary>The full names of the mapped services, in mapping order.</summary>
    public IReadOnlyList<string> ServiceNames { get; }

    public FileDescriptor? FindFileByName(string name) => _files.GetValueOrDefault(name);

    /// <summary>
    /// The file declaring a fully-qualified symbol: a service, method, message, enum, enum value (in its
    /// protobuf scope, beside the enum), field, oneof or extension. A leading '.' is accepted.
    /// </summary>
    public FileDescriptor? FindFileContainingSymbol(string symbol) =>
        _symbols.GetValueOrDefault(symbol.StartsWith('.') ? symbol[1..] : symbol);

    public FileDescriptor? FindFileContainingExtension(string extendee, int number) =>
        _extensions.GetValueOrDefault((extendee, number));

    /// <summary>The extension numbers of a known message type (possibly none), or null for an unknown type.</summary>
    public IReadOnlyList<int>? FindExtensionNumbers(string messageType)
    {
        if (_extensionNumbers.TryGetValue(messageType, out var numbers))
        {
            return numbers;
        }

        return _messageTypes.Contains(messageType) ? [] : null;
    }

    /// <summary>
    /// The serialized FileDescriptorProto of <paramref name="file"/> first (clients read the first as the
    /// answer), then of each of its transitive dependencies once, so a client with no .proto files can build
    /// every type the file uses.
    /// </summary>
    public ByteString[] GetFileWithDependencies(FileDescriptor file) => _filesWithDependencies[file.Name];

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }

        var closure = new List<ByteString>();
        CollectClosure(file, new HashSet<string>(StringComparer.Ordinal), closure);
        _filesWithDependencies[file.Name] = [.. closure];

        var scope = file.Package.Length == 0 ? "" : file.Package + ".";
        foreach (var service in file.Services)
        {
            AddSymbol(service.FullName, file);
            foreach (var method in service.Methods)
            {
                AddSymbol(method.FullName, file);
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            AddEnum(enumType, scope, file);
        }

        AddExtensions(file.Extensions.UnorderedExtensions, file);
    }

    private static void CollectClosure(FileDescriptor file, HashSet<string> seen, List<ByteString> closure)
    {
        if (!seen.Add(file.Name))
        {
            return;
        }

        closure.Add(file.SerializedData);
        foreach (var dependency in file.Dependencies)
        {
            CollectClosure(dependency, seen, closure);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        AddSymbol(message.FullName, file);
        _messageTypes.Add(message.FullName);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            AddSymbol(field.FullName, file);
        }

        foreach (var oneof in message.Oneofs)
        {
            AddSymbol(message.FullName + "." + oneof.Name, file);
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            AddEnum(enumType, message.FullName + ".", file);
        }

        AddExtensions(message.Extensions.UnorderedExtensions, file);
    }

    private void AddEnum(EnumDescriptor enumType, string scope, FileDescriptor file)
    {
        AddSymbol(enumType.FullName, file);
        foreach (var value in enumType.Values)
        {
            // Enum values are scoped beside their enum in protobuf (C++ scoping rules), e.g.
            // grpc.health.v1.HealthCheckResponse.SERVING.
            AddSymbol(scope + value.Name, file);
        }
    }

    private void AddExtensions(IList<FieldDescriptor> extensions, FileDescriptor file)
    {
        foreach (var extension in extensions)
        {
            AddSymbol(extension.FullName, file);
            var extendee = extension.ExtendeeType.FullName;
            if (_extensions.TryAdd((extendee, extension.FieldNumber), file))
            {
                if (!_extensionNumbers.TryGetValue(extendee, out var numbers))
                {
                    _extensionNumbers[extendee] = numbers = [];
                }

                numbers.Add(extension.FieldNumber);
            }
        }
    }

    // The first declaration wins; a well-formed descriptor pool has no duplicates anyway.
    private void AddSymbol(string fullName, FileDescriptor file) => _symbols.TryAdd(fullName, file);
}
