using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The statuses a call ends with when its messages break the protocol or a limit.</summary>
internal static class MessageStatus
{
    public static readonly Status ReceivedMessageExceedsLimit = new(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");
    public static readonly Status SendingMessageExceedsLimit = new(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size.");
    public static readonly Status IncompleteMessage = new(StatusCode.Internal, "Incomplete message.");
    public static readonly Status MissingMessage = new(StatusCode.Internal, "Request ended without a message.");
    public static readonly Status AdditionalData = new(StatusCode.Internal, "Additional data after the message received.");
    public static readonly Status InvalidCompressedFlag = new(StatusCode.Internal, "Invalid compressed flag in the message header.");
    public static readonly Status CompressedWithoutEncoding = new(StatusCode.Internal, "Request did not include grpc-encoding value with compressed message.");
    public static readonly Status DecompressionFailed = new(StatusCode.Internal, "Failed to decompress the message.");
    public static readonly Status DeserializationFailed = new(StatusCode.Internal, "Failed to deserialize the request message.");
    public static readonly Status DeadlineExceeded = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");
    public static readonly Status CanceledByClient = new(StatusCode.Cancelled, "Call canceled by the client.");
    public static readonly Status NoResponseMessage = new(StatusCode.Cancelled, "No message returned from method.");
    public static readonly Status HandlerException = new(StatusCode.Unknown, "Exception was thrown by handler.");
}
