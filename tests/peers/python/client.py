#!/usr/bin/python3
"""Conformance cases run with python3-grpcio against any ConformanceService server (ours or a peer).

Usage: /usr/bin/python3 client.py --target HOST:PORT (--case NAME [--case NAME...] | --all) | --list
Prints one JSON line per case: {"case": NAME, "ok": BOOL, "detail": TEXT}; exit 0 iff every case is ok.
"""
import argparse
import gzip
import json
import os
import queue
import sys
import threading
import time
import uuid

import grpc
from google.protobuf import text_format

from conformance import Schema

SCHEMA = Schema()
EchoRequest = SCHEMA.messages["EchoRequest"]
EchoResponse = SCHEMA.messages["EchoResponse"]
StatusSpec = SCHEMA.messages["StatusSpec"]
CallRecordRequest = SCHEMA.messages["CallRecordRequest"]
CallRecord = SCHEMA.messages["CallRecord"]

Code = grpc.StatusCode
MiB = 1024 * 1024
CASE_TIMEOUT_SECONDS = 10
VIETNAMESE = "Không tìm thấy chỉ thị (100%)"
# Not valid UTF-8 and not a multiple of 3 bytes, so base64 padding is exercised too.
BINARY = bytes([0x00, 0xFF, 0xFE, 0x80, 0x0A, 0x0D, 0xC3, 0x28])
LEAK_CANARY = "LEAK-CANARY"


class Mismatch(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Mismatch(message)


def check_status(call, code):
    check(call.code() == code, f"expected status {code.name}, got {call.code().name} \"{call.details()}\"")


def show(value):
    """A short readable form of a value for a mismatch message (bytes as hex, long ones cut)."""
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    text = value.hex() if isinstance(value, bytes) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else f"{text[:80]}... ({len(value)} long)"


def check_equal(actual, expected, what):
    if actual != expected:
        raise Mismatch(f"{what}: expected {show(expected)}, got {show(actual)}")


def metadata_values(metadata, key):
    return [value for k, value in metadata or () if k == key]


def status_details(code, message):
    """google.rpc.Status {code, message, details: [Any]} in protobuf wire format: what a real server puts
    in grpc-status-details-bin. Written by hand because the test proto does not import google/rpc."""
    def varint(n):
        out = bytearray()
        while n > 0x7F:
            out.append((n & 0x7F) | 0x80)
            n >>= 7
        return bytes(out + bytes([n]))

    def field(number, data):
        return varint(number << 3 | 2) + varint(len(data)) + data
    any_message = field(1, b"type.googleapis.com/directives.testing.v1.StatusSpec") + field(2, BINARY)
    return varint(1 << 3) + varint(code) + field(2, message.encode()) + field(3, any_message)


def compressible(size):
    return (b"directive " * (size // 10 + 1))[:size]


def new_call_id(name):
    return f"{name}-{uuid.uuid4()}"


class Peer:
    """Channels to the target for one case; every channel has its own connection, so no case inherits
    another's connection state."""

    def __init__(self, target):
        self.target = target
        self.channels = []

    def channel(self, *options):
        channel = grpc.insecure_channel(self.target, options=[("grpc.use_local_subchannel_pool", 1), *options])
        self.channels.append(channel)
        return channel

    def close(self):
        for channel in self.channels:
            channel.close()


def method(channel, name, response_deserializer=None):
    """A callable for one method of the service, of the kind the .proto declares."""
    descriptor = SCHEMA.methods[name]
    kind = ("stream" if descriptor.client_streaming else "unary") + "_" + \
           ("stream" if descriptor.server_streaming else "unary")
    response_class = SCHEMA.messages[descriptor.output_type.name]
    return getattr(channel, kind)(SCHEMA.path(name), request_serializer=lambda m: m.SerializeToString(),
                                  response_deserializer=response_deserializer or response_class.FromString)


def unary(callable_, request, **kwargs):
    """Runs a unary-response call; returns (call, response). On an error status the call is the
    RpcError, which has the same code()/details()/initial_metadata()/trailing_metadata(), and response
    is None."""
    try:
        response, call = callable_.with_call(request, **kwargs)
        return call, response
    except grpc.RpcError as error:
        return error, None


def drain(call):
    """Reads a response stream to its end; returns the responses (the status is on the call)."""
    responses = []
    try:
        for response in call:
            responses.append(response)
    except grpc.RpcError:
        pass
    return responses


def call_record(channel, call_id, wait_ms):
    call, record = unary(method(channel, "GetCallRecord"), CallRecordRequest(call_id=call_id, wait_ms=wait_ms))
    check_status(call, Code.OK)
    return record


def one_line(message):
    return "{" + text_format.MessageToString(message, as_one_line=True) + "}"


def check_cancelled_on_server(record):
    check(record.found, "GetCallRecord: the server has no record of the call")
    check(record.finished and record.cancelled,
          f"GetCallRecord: expected finished and cancelled, got {one_line(record)}")


def unary_echo(peer):
    payload = bytes(range(256))
    call, response = unary(method(peer.channel(), "Unary"), EchoRequest(message="hello", payload=payload))
    check_status(call, Code.OK)
    check_equal(response.message, "hello", "message")
    check_equal(response.payload, payload, "payload")
    check_equal(response.request_encoding, "identity", "request_encoding")
    check_equal(response.deadline_remaining_ms, -1, "deadline_remaining_ms without a deadline")
    return "echoed message and 256-byte payload"


def server_stream(peer):
    call = method(peer.channel(), "ServerStream")(EchoRequest(message="s", response_count=5, response_size=1000))
    responses = drain(call)
    check_status(call, Code.OK)
    check_equal(len(responses), 5, "response count")
    for i, response in enumerate(responses):
        check_equal(response.index, i, f"index of response {i}")
        check_equal(len(response.payload), 1000, f"payload size of response {i}")
    return "5 responses, indexes 0..4, 1000 bytes each"


def client_stream(peer):
    requests = [EchoRequest(message=m, payload=bytes([i])) for i, m in enumerate("abcd")]
    call, response = unary(method(peer.channel(), "ClientStream"), iter(requests))
    check_status(call, Code.OK)
    check_equal(response.received_count, 4, "received_count")
    check_equal(response.message, "abcd", "concatenated message")
    check_equal(response.payload, bytes([0, 1, 2, 3]), "concatenated payload")
    return "4 messages counted and concatenated"


def duplex_pingpong(peer):
    outgoing = queue.Queue()
    call = method(peer.channel(), "Duplex")(iter(outgoing.get, None))
    try:
        for i in range(5):
            outgoing.put(EchoRequest(message=f"ping-{i}", payload=bytes([i])))
            response = next(call, None)
            check(response is not None, f"stream ended before the answer to ping-{i}")
            check_equal(response.message, f"ping-{i}", f"answer {i}")
            check_equal(response.payload, bytes([i]), f"payload of answer {i}")
        outgoing.put(None)  # half-close
        check(not drain(call), "message after half-close")
    except grpc.RpcError:
        pass  # the status check below says what went wrong
    check_status(call, Code.OK)
    return "5 ping-pong rounds, then OK"


def deadline_exceeded(peer):
    channel = peer.channel()
    call_id = new_call_id("deadline_exceeded")
    started = time.monotonic()
    # A 1 s deadline (not less) so that a loaded machine still delivers the call to the handler before it
    # expires: the server can only record a call its handler started.
    call, _ = unary(method(channel, "Unary"), EchoRequest(delay_ms=4000, call_id=call_id), timeout=1.0)
    elapsed = round((time.monotonic() - started) * 1000)
    check_status(call, Code.DEADLINE_EXCEEDED)
    check(elapsed < 3000, f"DEADLINE_EXCEEDED came after {elapsed} ms for a 1000 ms deadline")
    check_cancelled_on_server(call_record(channel, call_id, 3000))
    return f"DEADLINE_EXCEEDED after {elapsed} ms; the server saw the call cancelled"


def deadline_propagated(peer):
    channel = peer.channel()
    call, response = unary(method(channel, "Unary"), EchoRequest(message="d"), timeout=5)
    check_status(call, Code.OK)
    remaining = response.deadline_remaining_ms
    # 100 ms of slack above: grpc-timeout may be rounded up, and server clocks differ slightly.
    check(3000 < remaining <= 5100, f"deadline_remaining_ms {remaining} is not within (3000, 5100]")
    call, response = unary(method(channel, "Unary"), EchoRequest(message="d"))
    check_status(call, Code.OK)
    check_equal(response.deadline_remaining_ms, -1, "deadline_remaining_ms without a deadline")
    return f"5000 ms deadline seen as {remaining} ms; none seen as -1"


def cancellation(peer):
    channel = peer.channel()
    call_id = new_call_id("cancellation")
    future = method(channel, "Unary").future(EchoRequest(delay_ms=5000, call_id=call_id))
    # Cancel only once the handler runs, so the server surely saw the call.
    tries = 0
    while not call_record(channel, call_id, 0).found:
        check(tries < 150, "the server never recorded the call")
        tries += 1
        time.sleep(0.02)
    future.cancel()
    check_status(future, Code.CANCELLED)
    check_cancelled_on_server(call_record(channel, call_id, 2000))
    return "cancelled while the handler waited; the server saw the call cancelled"


def metadata_ascii(peer):
    metadata = (("x-echo-alpha", "one"), ("x-echo-beta", "two words"), ("x-other", "not echoed"))
    call, _ = unary(method(peer.channel(), "Unary"), EchoRequest(echo_metadata=True), metadata=metadata)
    check_status(call, Code.OK)
    headers, trailers = call.initial_metadata(), call.trailing_metadata()
    check_equal(metadata_values(headers, "x-echo-alpha"), ["one"], "header x-echo-alpha")
    check_equal(metadata_values(headers, "x-echo-beta"), ["two words"], "header x-echo-beta")
    check_equal(metadata_values(headers, "x-other"), [], "header x-other")
    check_equal(metadata_values(trailers, "x-trailer-alpha"), ["one"], "trailer x-trailer-alpha")
    check_equal(metadata_values(trailers, "x-trailer-beta"), ["two words"], "trailer x-trailer-beta")
    return "x-echo-* echoed in headers and as x-trailer-* in trailers"


def metadata_binary(peer):
    call, _ = unary(method(peer.channel(), "Unary"), EchoRequest(echo_metadata=True),
                    metadata=(("x-echo-bin-bin", BINARY),))
    check_status(call, Code.OK)
    check_equal(metadata_values(call.initial_metadata(), "x-echo-bin-bin"), [BINARY], "header x-echo-bin-bin")
    check_equal(metadata_values(call.trailing_metadata(), "x-trailer-bin-bin"), [BINARY],
                "trailer x-trailer-bin-bin")
    return "non-UTF-8 bytes round-tripped in a -bin header and trailer"


def status_with_message(peer):
    request = EchoRequest(raise_status=StatusSpec(code=Code.NOT_FOUND.value[0], message=VIETNAMESE))
    call, _ = unary(method(peer.channel(), "Unary"), request)
    check_status(call, Code.NOT_FOUND)
    check_equal(call.details(), VIETNAMESE, "status message")
    return "NOT_FOUND with a Vietnamese message, exactly"


def status_with_details(peer):
    code = Code.INVALID_ARGUMENT.value[0]
    details = status_details(code, "bad directive")
    request = EchoRequest(raise_status=StatusSpec(code=code, message="bad directive", details=details))
    call, _ = unary(method(peer.channel(), "Unary"), request)
    check_status(call, Code.INVALID_ARGUMENT)
    check_equal(call.details(), "bad directive", "status message")
    check_equal(metadata_values(call.trailing_metadata(), "grpc-status-details-bin"), [details],
                "grpc-status-details-bin")
    return f"INVALID_ARGUMENT with {len(details)} bytes of grpc-status-details-bin"


def gzip_request(peer):
    payload = compressible(64 * 1024)
    call, response = unary(method(peer.channel(), "Unary"), EchoRequest(payload=payload),
                           compression=grpc.Compression.Gzip)
    check_status(call, Code.OK)
    check_equal(response.request_encoding, "gzip", "request_encoding seen by the server")
    check_equal(response.payload, payload, "payload")
    return "the server read a gzip request"


def gzip_response(peer):
    # grpcio hides the response's grpc-encoding; with per-message decompression off it hands over the
    # message bytes exactly as they arrived, so the case can see the compression and undo it itself.
    payload = compressible(64 * 1024)
    channel = peer.channel(("grpc.per_message_decompression", 0))
    call, raw = unary(method(channel, "Unary", response_deserializer=bytes), EchoRequest(payload=payload))
    check_status(call, Code.OK)
    check(raw[:2] == b"\x1f\x8b", f"the response was not gzip-compressed (it starts {raw[:4].hex()}; "
                                  "the server must be set to compress responses)")
    check_equal(EchoResponse.FromString(gzip.decompress(raw)).payload, payload, "payload")
    return "read a gzip response"


def oversized_request(peer):
    call, _ = unary(method(peer.channel(), "Unary"), EchoRequest(payload=bytes(5 * MiB)))
    check_status(call, Code.RESOURCE_EXHAUSTED)
    return "5 MiB request refused with RESOURCE_EXHAUSTED"


def oversized_response(peer):
    channel = peer.channel(("grpc.max_receive_message_length", 4 * MiB))
    call = method(channel, "ServerStream")(EchoRequest(response_count=1, response_size=5 * MiB))
    drain(call)
    check_status(call, Code.RESOURCE_EXHAUSTED)
    return "5 MiB response refused with RESOURCE_EXHAUSTED by a 4 MiB client"


def unimplemented_method(peer):
    channel = peer.channel()
    for path in (f"/{SCHEMA.service_name}/Nope", "/directives.testing.v1.NoSuchService/Unary"):
        stub = channel.unary_unary(path, request_serializer=EchoRequest.SerializeToString,
                                   response_deserializer=EchoResponse.FromString)
        call, _ = unary(stub, EchoRequest())
        check(call.code() == Code.UNIMPLEMENTED,
              f"{path}: expected UNIMPLEMENTED, got {call.code().name} \"{call.details()}\"")
        # grpcio also maps a bare HTTP 404 to UNIMPLEMENTED, saying so only in the details; a gRPC server
        # answers with HTTP 200 and grpc-status 12.
        check("http2 header with status" not in (call.details() or ""), f"{path}: {call.details()}")
    return "unknown method and unknown service both UNIMPLEMENTED (not an HTTP error)"


def handler_exception(peer):
    call, _ = unary(method(peer.channel(), "Unary"), EchoRequest(throw_exception=True))
    check_status(call, Code.UNKNOWN)
    check(LEAK_CANARY not in (call.details() or ""), f"the exception text leaked: \"{call.details()}\"")
    return f"UNKNOWN \"{call.details()}\""


def client_stream_early_end(peer):
    ended = threading.Event()
    progress = {"sent": 0, "exhausted": False}

    def requests():
        # Never half-close while the call runs: the server must end it by itself after two messages.
        # Five go at once, so some are likely to arrive after the server has ended the call; then one
        # every 5 ms until it has.
        while not ended.is_set() and progress["sent"] < 400:
            n = progress["sent"]
            progress["sent"] += 1
            yield EchoRequest(message=f"m{n}", stop_after=2 if n == 0 else 0)
            if n >= 4:
                time.sleep(0.005)
        progress["exhausted"] = not ended.is_set()

    call, response = unary(method(peer.channel(), "ClientStream"), requests())
    ended.set()
    check(not progress["exhausted"],
          f"the call had not ended after {progress['sent']} messages without half-close")
    check_status(call, Code.OK)
    check_equal(response.received_count, 2, "received_count")
    check_equal(response.message, "m0m1", "concatenated message")
    return f"OK with received_count 2 while the client was still sending ({progress['sent']} sent)"


def empty_message(peer):
    channel = peer.channel()
    call, response = unary(method(channel, "Unary"), EchoRequest())
    check_status(call, Code.OK)
    check_equal(response.message, "", "message")
    check_equal(len(response.payload), 0, "payload length")
    # A record nobody made is all defaults: an empty (zero-byte) response message.
    record = call_record(channel, new_call_id("never-made"), 0)
    check(record == CallRecord(), f"expected an all-default CallRecord, got {one_line(record)}")
    return "empty request and empty response round-tripped"


CASES = {f.__name__: f for f in (
    unary_echo, server_stream, client_stream, duplex_pingpong, deadline_exceeded, deadline_propagated,
    cancellation, metadata_ascii, metadata_binary, status_with_message, status_with_details, gzip_request,
    gzip_response, oversized_request, oversized_response, unimplemented_method, handler_exception,
    client_stream_early_end, empty_message)}


def run_case(name, target):
    """Runs one case in a thread so that a hung call cannot stall the run past CASE_TIMEOUT_SECONDS."""
    peer = Peer(target)
    result = {"case": name, "ok": False, "detail": f"timed out after {CASE_TIMEOUT_SECONDS} s"}

    def run():
        try:
            result.update(ok=True, detail=CASES[name](peer))
        except Mismatch as mismatch:
            result.update(detail=str(mismatch))
        except Exception as error:  # a bug or an unexpected library error: report it as the case's failure
            result.update(detail=f"{type(error).__name__}: {error}")

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(CASE_TIMEOUT_SECONDS)
    peer.close()  # also cancels whatever a timed-out case still waits for
    return dict(result)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", help="HOST:PORT of the server under test")
    parser.add_argument("--case", action="append", choices=CASES, dest="cases", metavar="NAME")
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--list", action="store_true", help="print the case names and exit")
    args = parser.parse_args()
    if args.list:
        print("\n".join(CASES))
        return 0
    if not args.target or not (args.cases or args.all):
        parser.error("--target and one of --case/--all are required")
    all_ok = True
    for name in CASES if args.all else args.cases:
        result = run_case(name, args.target)
        print(json.dumps(result, separators=(",", ":")), flush=True)
        all_ok = all_ok and result["ok"]
    return 0 if all_ok else 1


if __name__ == "__main__":
    exit_code = main()
    # os._exit: a case that timed out may leave a grpcio thread behind that would keep the process alive.
    sys.stdout.flush()
    os._exit(exit_code)
