using System.Buffers;
using System.IO.Pipelines;
using Directives.Testing.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Compression;

namespace Directives.Transport.Tests.Client;

/// <summary>The client's length-prefixed message writer and reader, without a network.</summary>
public sealed class MessageFramingTests
{
    private static readonly Marshaller<EchoRequest> ProtobufMarshaller = Marshallers.Create(
        (EchoRequest message, SerializationContext context) =>
        {
            context.SetPayloadLength(message.CalculateSize());
            message.WriteTo(context.GetBufferWriter());
            context.Complete();
        },
        context => EchoRequest.Parser.ParseFrom(context.PayloadAsReadOnlySequence()));

    private static readonly EchoRequest Request = new() { Message = "Tiền Giang", Payload = ByteString.CopyFrom(new byte[300]) };

    [Fact]
    public void KnownLengthIsSerializedInPlaceBehindItsHeader()
    {
        var output = new ArrayBufferWriter<byte>();

        GrpcSerializationContext.WriteMessage(ProtobufMarshaller.ContextualSerializer, Request, output, compressionProvider: null, maxSendMessageSize: null);

        Assert.Equal(ScriptedGrpcServer.Frame(Request), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void ArrayAndUnknownLengthSerializersAreFramedToo()
    {
        var arrayOutput = new ArrayBufferWriter<byte>();
        var bufferOutput = new ArrayBufferWriter<byte>();
        var unknownLength = Marshallers.Create<EchoRequest>(
            (message, context) =>
            {
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context => EchoRequest.Parser.ParseFrom(context.PayloadAsNewBuffer()));

        GrpcSerializationContext.WriteMessage(Marshallers.Create((EchoRequest m) => m.ToByteArray(), EchoRequest.Parser.ParseFrom).ContextualSerializer, Request, arrayOutput, null, null);
        GrpcSerializationContext.WriteMessage(unknownLength.ContextualSerializer, Request, bufferOutput, null, null);

        Assert.Equal(ScriptedGrpcServer.Frame(Request), arrayOutput.WrittenSpan.ToArray());
        Assert.Equal(ScriptedGrpcServer.Frame(Request), bufferOutput.WrittenSpan.ToArray());
    }

    [Fact]
    public void CompressedMessagesSetTheFlag()
    {
        var output = new ArrayBufferWriter<byte>();

        GrpcSerializationContext.WriteMessage(ProtobufMarshaller.ContextualSerializer, Request, output, new GzipCompressionProvider(), null);

        var frame = output.WrittenSpan.ToArray();
        Assert.Equal(1, frame[0]);
        Assert.Equal(frame.Length - 5, (frame[1] << 24) | (frame[2] << 16) | (frame[3] << 8) | frame[4]);
        Assert.Equal(Request.ToByteArray(), ScriptedGrpcServer.Gunzip(frame[5..]));
    }

    [Fact]
    public void MessageOverTheSendLimitWritesNothing()
    {
        var output = new ArrayBufferWriter<byte>();

        var direct = Assert.Throws<RpcException>(() => GrpcSerializationContext.WriteMessage(ProtobufMarshaller.ContextualSerializer, Request, output, null, maxSendMessageSize: 10));
        var compressed = Assert.Throws<RpcException>(() => GrpcSerializationContext.WriteMessage(ProtobufMarshaller.ContextualSerializer, Request, output, new GzipCompressionProvider(), maxSendMessageSize: 10));

        Assert.Equal(StatusCode.ResourceExhausted, direct.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, compressed.StatusCode);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void MarshallerThatMisstatesItsLengthIsCaught()
    {
        var lying = Marshallers.Create<EchoRequest>(
            (message, context) =>
            {
                context.SetPayloadLength(message.CalculateSize() + 1);
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context => new EchoRequest());

        Assert.Throws<InvalidOperationException>(() => GrpcSerializationContext.WriteMessage(lying.ContextualSerializer, Request, new ArrayBufferWriter<byte>(), null, null));
    }

    [Fact]
    public async Task ReaderReassemblesMessagesFromAnySplit()
    {
        var pipe = new Pipe();
        var reader = new GrpcMessageReader(pipe.Reader, maxReceiveMessageSize: null, new CompressionProviderMap(null), encoding: null);
        var bytes = ScriptedGrpcServer.Frame(Request).Concat(ScriptedGrpcServer.Frame(new EchoRequest())).ToArray();

        var writing = Task.Run(async () =>
        {
            foreach (var b in bytes)
            {
                await pipe.Writer.WriteAsync(new[] { b });
            }

            await pipe.Writer.CompleteAsync();
        });

        Assert.Equal(Request, await reader.ReadMessageAsync(ProtobufMarshaller.ContextualDeserializer, CancellationToken.None));
        Assert.Equal(new EchoRequest(), await reader.ReadMessageAsync(ProtobufMarshaller.ContextualDeserializer, CancellationToken.None));
        Assert.Null(await reader.ReadMessageAsync(ProtobufMarshaller.ContextualDeserializer, CancellationToken.None));
        await writing;
    }

    [Fact]
    public async Task ReaderRejectsALengthOverTheLimitFromTheHeaderAlone()
    {
        var pipe = new Pipe();
        var reader = new GrpcMessageReader(pipe.Reader, maxReceiveMessageSize: 100, new CompressionProviderMap(null), encoding: null);
        await pipe.Writer.WriteAsync(new byte[] { 0, 0, 0, 0, 101 });

        var exception = await Assert.ThrowsAsync<RpcException>(async () => await reader.ReadMessageAsync(ProtobufMarshaller.ContextualDeserializer, CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact]
    public async Task ReaderInflatesGzipMessages()
    {
        var pipe = new Pipe();
        var reader = new GrpcMessageReader(pipe.Reader, maxReceiveMessageSize: null, new CompressionProviderMap(null), encoding: "gzip");
        await pipe.Writer.WriteAsync(ScriptedGrpcServer.Frame(ScriptedGrpcServer.Gzip(Request.ToByteArray()), flag: 1));
        await pipe.Writer.CompleteAsync();

        Assert.Equal(Request, await reader.ReadMessageAsync(ProtobufMarshaller.ContextualDeserializer, CancellationToken.None));
    }

    [Fact]
    public void AcceptEncodingListsIdentityThenTheProviders()
    {
        Assert.Equal("identity,gzip", new CompressionProviderMap(null).AcceptEncoding);
        Assert.Equal("identity", new CompressionProviderMap([]).AcceptEncoding);
    }
}
