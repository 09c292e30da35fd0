#!/usr/bin/python3
"""ConformanceService on python3-grpcio: a third-party server that our C# client is tested against.

Behaviour follows the comments of conformance.proto; ../README.md states the contract precisely.
Unlike the grpc-js server, this one can compress its responses (--compress-responses).
Usage: /usr/bin/python3 server.py [--port N] [--max-receive-bytes N] [--compress-responses]
Prints "LISTENING <port>" once ready.
"""
import argparse
import gzip
import os
import signal
import stat
import sys
import threading
import time
from concurrent import futures

import grpc

from conformance import Schema

SCHEMA = Schema()
EchoRequest = SCHEMA.messages["EchoRequest"]
EchoResponse = SCHEMA.messages["EchoResponse"]
CallRecordRequest = SCHEMA.messages["CallRecordRequest"]
CallRecord = SCHEMA.messages["CallRecord"]
CODES = {code.value[0]: code for code in grpc.StatusCode}
# grpcio reports "no deadline" as a deadline in the far future.
NO_DEADLINE_SECONDS = 10 * 365 * 24 * 3600

# call_id -> CallRecord: what this server saw of each call, for GetCallRecord.
records = {}
records_lock = threading.Lock()


def decoder(message_class):
    """Request deserializer that also tells how the message was encoded.

    grpcio takes grpc-encoding out of the metadata a handler sees, so the server runs with
    per-message decompression off and decompresses here. gzip data starts with 1f 8b, which no protobuf
    message can (0x1f would be field 3 with the invalid wire type 7), so the check is unambiguous.
    """
    def decode(raw):
        if raw[:2] == b"\x1f\x8b":
            return message_class.FromString(gzip.decompress(raw)), "gzip"
        return message_class.FromString(raw), "identity"
    return decode


def raises_status(request):
    return request.raise_status.code != 0  # OK


class Session:
    """State of one server call: its record, cancellation, echoed metadata and how it ended."""

    def __init__(self, context):
        self.context = context
        remaining = context.time_remaining()
        self.deadline_remaining_ms = -1 if remaining > NO_DEADLINE_SECONDS else round(remaining * 1000)
        self.request_encoding = "identity"
        self.record = None
        self.begun = False
        self.outcome = None  # (code, cancelled) once the call has ended
        self.trailers = ()
        self.lock = threading.Lock()
        self.terminated = threading.Event()
        if not context.add_callback(self._on_terminated):
            self._on_terminated()  # the call was already over when the handler started

    def _on_terminated(self):
        # grpcio calls this when the call is over for any reason; if the handler had not ended it by
        # then, the client cancelled it or its deadline passed.
        deadline_passed = self.context.time_remaining() <= 0
        self.end(grpc.StatusCode.DEADLINE_EXCEEDED if deadline_passed else grpc.StatusCode.CANCELLED,
                 cancelled=True)
        self.terminated.set()

    def begin(self, request, encoding):
        """Applies what the first request asks for the whole call; later calls are no-ops."""
        if self.begun:
            return
        self.begun = True
        self.request_encoding = encoding
        if request.call_id:
            with self.lock, records_lock:
                self.record = CallRecord(found=True)
                records[request.call_id] = self.record
                self._record_outcome()
        if request.echo_metadata:
            echoed = [(k, v) for k, v in self.context.invocation_metadata() if k.startswith("x-echo-")]
            self.context.send_initial_metadata(echoed)
            self.trailers = tuple(("x-trailer-" + k[len("x-echo-"):], v) for k, v in echoed)

    def end(self, code, cancelled=False):
        """Records how the call ended; the first end wins (a cancel after the status changes nothing)."""
        with self.lock, records_lock:
            if self.outcome is None:
                self.outcome = (code, cancelled)
                self._record_outcome()

    def _record_outcome(self):
        if self.record is not None and self.outcome is not None:
            code, cancelled = self.outcome
            self.record.finished = True
            self.record.cancelled = cancelled
            self.record.status_code = code.value[0]

    def throw_if_asked(self, request):
        if request.throw_exception:
            # grpcio would turn a real exception into UNKNOWN "Exception calling application: <text>",
            # leaking the text that conformance.proto says must not leak; answer as a careful server does.
            self.end(grpc.StatusCode.UNKNOWN)
            self.context.abort(grpc.StatusCode.UNKNOWN, "Unknown error")

    def delay(self, ms):
        """Waits ms; False as soon as the call is over (cancelled or deadline passed)."""
        return not self.terminated.wait(ms / 1000) if ms > 0 else not self.terminated.is_set()

    def reply(self, **fields):
        return EchoResponse(deadline_remaining_ms=self.deadline_remaining_ms,
                            request_encoding=self.request_encoding, **fields)

    def finish(self, request, response=None):
        """Ends the call: with the request's raise_status (raises), else OK and the echoed trailers."""
        if raises_status(request):
            spec = request.raise_status
            details = (("grpc-status-details-bin", spec.details),) if spec.details else ()
            self.context.set_trailing_metadata(self.trailers + details)
            self.end(CODES[spec.code])
            self.context.abort(CODES[spec.code], spec.message)
        self.context.set_trailing_metadata(self.trailers)
        self.end(grpc.StatusCode.OK)
        return response


def unary(request_and_encoding, context):
    request, encoding = request_and_encoding
    session = Session(context)
    session.begin(request, encoding)
    session.throw_if_asked(request)
    if session.delay(request.delay_ms):
        return session.finish(request, session.reply(message=request.message, payload=request.payload))
    return None


def server_stream(request_and_encoding, context):
    request, encoding = request_and_encoding
    session = Session(context)
    session.begin(request, encoding)
    session.throw_if_asked(request)
    for index in range(request.response_count):
        if not session.delay(request.delay_ms):
            return
        yield session.reply(message=request.message, payload=bytes(request.response_size), index=index)
    session.finish(request)


def client_stream(requests, context):
    session = Session(context)
    received = []
    for request, encoding in requests:
        session.begin(request, encoding)
        received.append(request)
        if 0 < received[0].stop_after <= len(received):
            break
    first = received[0] if received else EchoRequest()
    if not session.delay(first.delay_ms):
        return None
    return session.finish(first, session.reply(
        message="".join(r.message for r in received),
        payload=b"".join(r.payload for r in received),
        received_count=len(received)))


def duplex(requests, context):
    session = Session(context)
    for request, encoding in requests:
        session.begin(request, encoding)
        if not session.delay(request.delay_ms):
            return
        if raises_status(request):
            session.finish(request)
        yield session.reply(message=request.message, payload=request.payload)
    session.finish(EchoRequest())


def get_call_record(request_and_encoding, context):
    request, _ = request_and_encoding
    until = time.monotonic() + request.wait_ms / 1000
    while True:
        with records_lock:
            record = records.get(request.call_id)
            if (record is not None and record.finished) or time.monotonic() >= until:
                answer = CallRecord()
                if record is not None:
                    answer.CopyFrom(record)
                return answer
        time.sleep(0.01)


def handlers():
    def handler(kind, behaviour, request_class=EchoRequest, response_class=EchoResponse):
        return getattr(grpc, f"{kind}_rpc_method_handler")(
            behaviour, request_deserializer=decoder(request_class),
            response_serializer=response_class.SerializeToString)
    return grpc.method_handlers_generic_handler(SCHEMA.service_name, {
        "Unary": handler("unary_unary", unary),
        "ServerStream": handler("unary_stream", server_stream),
        "ClientStream": handler("stream_unary", client_stream),
        "Duplex": handler("stream_stream", duplex),
        "GetCallRecord": handler("unary_unary", get_call_record, CallRecordRequest, CallRecord),
    })


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--max-receive-bytes", type=int, default=4 * 1024 * 1024)
    parser.add_argument("--compress-responses", action="store_true", help="gzip every response message")
    args = parser.parse_args()

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64), handlers=[handlers()],
        options=[("grpc.max_receive_message_length", args.max_receive_bytes),
                 ("grpc.per_message_decompression", 0)],
        compression=grpc.Compression.Gzip if args.compress_responses else None)
    port = server.add_insecure_port(f"127.0.0.1:{args.port}")
    if port == 0:
        sys.exit(f"could not bind port {args.port}")
    server.start()
    print(f"LISTENING {port}", flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    # A parent that holds our stdin pipe can stop us by closing it (or by dying). Stdin that is
    # /dev/null, a file or a terminal is not watched, otherwise the server would stop at once.
    mode = os.fstat(0).st_mode
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        threading.Thread(target=lambda: (sys.stdin.buffer.read(), stop.set()), daemon=True).start()
    while not stop.wait(0.5):
        pass
    server.stop(0)


if __name__ == "__main__":
    main()
