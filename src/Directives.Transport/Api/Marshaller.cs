namespace Grpc.Core;

/// <summary>Turns messages of one type into bytes and back.</summary>
public class Marshaller<T>
{
    private readonly Func<T, byte[]>? _serializer;
    private readonly Func<byte[], T>? _deserializer;

    public Marshaller(Func<T, byte[]> serializer, Func<byte[], T> deserializer)
    {
        _serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        _deserializer = deserializer ?? throw new ArgumentNullException(nameof(deserializer));
        ContextualSerializer = (value, context) => context.Complete(serializer(value));
        ContextualDeserializer = context => deserializer(context.PayloadAsNewBuffer());
    }

    public Marshaller(Action<T, SerializationContext> serializer, Func<DeserializationContext, T> deserializer)
    {
        ContextualSerializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        ContextualDeserializer = deserializer ?? throw new ArgumentNullException(nameof(deserializer));
    }

    /// <summary>The array-based serializer (built over the contextual one when not given).</summary>
    public Func<T, byte[]> Serializer => _serializer ?? SerializeToArray;

    /// <summary>The array-based deserializer (built over the contextual one when not given).</summary>
    public Func<byte[], T> Deserializer => _deserializer ?? DeserializeFromArray;

    public Action<T, SerializationContext> ContextualSerializer { get; }

    public Func<DeserializationContext, T> ContextualDeserializer { get; }

    private byte[] SerializeToArray(T value)
    {
        var context = new ArraySerializationContext();
        ContextualSerializer(value, context);
        return context.ToArray();
    }

    private T DeserializeFromArray(byte[] payload) =>
        ContextualDeserializer(new ArrayDeserializationContext(payload));
}
