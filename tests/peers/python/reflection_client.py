"""A grpcurl-style generic client, on python3-grpcio, that knows no .proto file of the server it calls.

It speaks only the reflection protocol (whose messages it describes to the protobuf runtime below, as
grpcurl has them compiled in), and with it, against the server at TARGET:
  1. lists the services, over grpc.reflection.v1 and over grpc.reflection.v1alpha;
  2. fetches the file declaring each service with all its transitive dependencies, by symbol and by
     file name, and checks that no dependency is missing; asks for unknown names and extensions;
  3. builds a descriptor pool and message classes from those descriptors alone;
  4. calls LifecycleTestService.Describe generically (the request built from JSON), and
     grpc.health.v1.Health/Check for the whole server, a mapped name and an unknown name.
Every check is an assert; the last line printed is "reflection client: all checks passed".

Usage: /usr/bin/python3 reflection_client.py TARGET   (e.g. 127.0.0.1:5000)
"""
import json
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

TEST_SERVICE = "directives.testing.lifecycle.v1.LifecycleTestService"
HEALTH_SERVICE = "grpc.health.v1.Health"
VERSIONS = ("v1", "v1alpha")
NOT_FOUND = grpc.StatusCode.NOT_FOUND.value[0]
TIMEOUT = 10

_F = descriptor_pb2.FieldDescriptorProto


def _message_class(descriptor):
    # protobuf >= 4.22 has GetMessageClass; Debian 12's 3.21 (python 4.21) only has the factory.
    if hasattr(message_factory, "GetMessageClass"):
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(descriptor.file.pool).GetPrototype(descriptor)


def _reflection_file(version):
    """grpc/reflection/<version>/reflection.proto: the protocol itself, the one schema a generic client knows."""
    package = f"grpc.reflection.{version}"
    fdp = descriptor_pb2.FileDescriptorProto(name=f"grpc/reflection/{version}/reflection.proto", package=package,
                                             syntax="proto3")

    def message(name, *fields, oneof=None):
        msg = fdp.message_type.add(name=name)
        if oneof:
            msg.oneof_decl.add(name=oneof)
        for fname, number, ftype, extra in fields:
            field = msg.field.add(name=fname, number=number, type=ftype, label=extra.get("label", _F.LABEL_OPTIONAL))
            if "type_name" in extra:
                field.type_name = f".{package}.{extra['type_name']}"
            if extra.get("in_oneof"):
                field.oneof_index = 0

    one = {"in_oneof": True}
    message("ServerReflectionRequest",
            ("host", 1, _F.TYPE_STRING, {}),
            ("file_by_filename", 3, _F.TYPE_STRING, one),
            ("file_containing_symbol", 4, _F.TYPE_STRING, one),
            ("file_containing_extension", 5, _F.TYPE_MESSAGE, {**one, "type_name": "ExtensionRequest"}),
            ("all_extension_numbers_of_type", 6, _F.TYPE_STRING, one),
            ("list_services", 7, _F.TYPE_STRING, one),
            oneof="message_request")
    message("ExtensionRequest", ("containing_type", 1, _F.TYPE_STRING, {}), ("extension_number", 2, _F.TYPE_INT32, {}))
    message("ServerReflectionResponse",
            ("valid_host", 1, _F.TYPE_STRING, {}),
            ("original_request", 2, _F.TYPE_MESSAGE, {"type_name": "ServerReflectionRequest"}),
            ("file_descriptor_response", 4, _F.TYPE_MESSAGE, {**one, "type_name": "FileDescriptorResponse"}),
            ("all_extension_numbers_response", 5, _F.TYPE_MESSAGE, {**one, "type_name": "ExtensionNumberResponse"}),
            ("list_services_response", 6, _F.TYPE_MESSAGE, {**one, "type_name": "ListServiceResponse"}),
            ("error_response", 7, _F.TYPE_MESSAGE, {**one, "type_name": "ErrorResponse"}),
            oneof="message_response")
    message("FileDescriptorResponse", ("file_descriptor_proto", 1, _F.TYPE_BYTES, {"label": _F.LABEL_REPEATED}))
    message("ExtensionNumberResponse", ("base_type_name", 1, _F.TYPE_STRING, {}),
            ("extension_number", 2, _F.TYPE_INT32, {"label": _F.LABEL_REPEATED}))
    message("ListServiceResponse", ("service", 1, _F.TYPE_MESSAGE, {"label": _F.LABEL_REPEATED, "type_name": "ServiceResponse"}))
    message("ServiceResponse", ("name", 1, _F.TYPE_STRING, {}))
    message("ErrorResponse", ("error_code", 1, _F.TYPE_INT32, {}), ("error_message", 2, _F.TYPE_STRING, {}))
    service = fdp.service.add(name="ServerReflection")
    service.method.add(name="ServerReflectionInfo", input_type=f".{package}.ServerReflectionRequest",
                       output_type=f".{package}.ServerReflectionResponse", client_streaming=True, server_streaming=True)
    return fdp


class Reflection:
    """One reflection protocol version: sends a batch of requests on one stream, returns the answers in order."""

    def __init__(self, channel, version):
        pool = descriptor_pool.DescriptorPool()
        pool.Add(_reflection_file(version))
        package = f"grpc.reflection.{version}"
        self.Request = _message_class(pool.FindMessageTypeByName(f"{package}.ServerReflectionRequest"))
        self.Response = _message_class(pool.FindMessageTypeByName(f"{package}.ServerReflectionResponse"))
        self.ExtensionRequest = _message_class(pool.FindMessageTypeByName(f"{package}.ExtensionRequest"))
        self.version = version
        self._call = channel.stream_stream(f"/{package}.ServerReflection/ServerReflectionInfo",
                                           request_serializer=self.Request.SerializeToString,
                                           response_deserializer=self.Response.FromString)

    def ask(self, *requests):
        responses = list(self._call(iter(requests), timeout=TIMEOUT))
        assert len(responses) == len(requests), f"{self.version}: {len(requests)} requests, {len(responses)} responses"
        for request, response in zip(requests, responses):
            assert response.original_request == request, f"{self.version}: original_request not echoed"
        return responses


def _files(response, what):
    kind = response.WhichOneof("message_response")
    assert kind == "file_descriptor_response", f"{what}: expected files, got {kind}: {response}"
    return [descriptor_pb2.FileDescriptorProto.FromString(b) for b in response.file_descriptor_response.file_descriptor_proto]


def _check_closure(files, first, what):
    names = [f.name for f in files]
    assert names[0] == first, f"{what}: the first file is {names[0]}, expected {first}"
    assert len(set(names)) == len(names), f"{what}: a file is sent twice: {names}"
    for f in files:
        for dependency in f.dependency:
            assert dependency in names, f"{what}: {f.name} needs {dependency}, which was not sent"
    return names


def _not_found(response, what):
    kind = response.WhichOneof("message_response")
    assert kind == "error_response", f"{what}: expected an error, got {kind}"
    assert response.error_response.error_code == NOT_FOUND, f"{what}: error {response.error_response.error_code}"


def _pool_from(files):
    """A descriptor pool built from the server's descriptors alone, dependencies added first."""
    by_name = {f.name: f for f in files}
    pool, added = descriptor_pool.DescriptorPool(), set()

    def add(name):
        if name in added:
            return
        for dependency in by_name[name].dependency:
            add(dependency)
        pool.Add(by_name[name])
        added.add(name)

    for name in by_name:
        add(name)
    return pool


def _unary(channel, pool, service, method, request_json):
    """Calls service/method with a request parsed from JSON, all types from the pool."""
    method_descriptor = pool.FindServiceByName(service).methods_by_name[method]
    request_class = _message_class(method_descriptor.input_type)
    response_class = _message_class(method_descriptor.output_type)
    request = json_format.Parse(json.dumps(request_json), request_class(), descriptor_pool=pool)
    call = channel.unary_unary(f"/{service}/{method}", request_serializer=request_class.SerializeToString,
                               response_deserializer=response_class.FromString)
    response = call(request, timeout=TIMEOUT)
    return json_format.MessageToDict(response, preserving_proto_field_name=True, descriptor_pool=pool)


def main(target):
    channel = grpc.insecure_channel(target)
    grpc.channel_ready_future(channel).result(timeout=TIMEOUT)
    collected = {}
    for version in VERSIONS:
        reflection = Reflection(channel, version)
        R = reflection.Request
        (listed,) = reflection.ask(R(list_services=""))
        services = sorted(s.name for s in listed.list_services_response.service)
        for expected in (TEST_SERVICE, HEALTH_SERVICE, "grpc.reflection.v1.ServerReflection",
                         "grpc.reflection.v1alpha.ServerReflection"):
            assert expected in services, f"{version}: {expected} not listed in {services}"
        print(f"{version} list_services: {' '.join(services)}")

        requests = [R(file_containing_symbol=name) for name in services]
        for name, response in zip(services, reflection.ask(*requests)):
            files = _files(response, f"{version} symbol {name}")
            names = _check_closure(files, files[0].name, f"{version} symbol {name}")
            assert any(s.name == name.rsplit(".", 1)[1] for s in files[0].service), f"{name} is not in {files[0].name}"
            collected.update((f.name, f) for f in files)
            print(f"{version} file_containing_symbol {name}: {' '.join(names)}")

        service_file = next(f for f in collected.values() if any(s.name == "LifecycleTestService" for s in f.service))
        symbols = [
            f"{TEST_SERVICE}.Describe",                                  # a method
            "directives.testing.lifecycle.v1.Shape.Point",               # a nested message
            "directives.testing.lifecycle.v1.Shape.Kind",                # a nested enum
            "directives.testing.lifecycle.v1.Shape.radius",              # a field
            "google.protobuf.Timestamp",                                 # a transitive dependency's message
        ]
        answers = reflection.ask(R(file_by_filename=service_file.name), *[R(file_containing_symbol=s) for s in symbols],
                                 R(file_containing_symbol="no.such.Symbol"), R(file_by_filename="no/such/file.proto"),
                                 R(file_containing_extension=reflection.ExtensionRequest(
                                     containing_type="google.protobuf.FieldOptions", extension_number=51234)),
                                 R(file_containing_extension=reflection.ExtensionRequest(
                                     containing_type="google.protobuf.FieldOptions", extension_number=1)),
                                 R(all_extension_numbers_of_type="google.protobuf.FieldOptions"),
                                 R(all_extension_numbers_of_type="no.such.Message"))
        by_file = _check_closure(_files(answers[0], "file_by_filename"), service_file.name, f"{version} file_by_filename")
        for transitive in ("google/protobuf/timestamp.proto", "google/protobuf/descriptor.proto"):
            assert transitive in by_file, f"{version}: transitive dependency {transitive} missing from {by_file}"
        print(f"{version} file_by_filename {service_file.name}: {' '.join(by_file)}")
        for symbol, response in zip(symbols, answers[1:1 + len(symbols)]):
            first = _files(response, symbol)[0].name
            print(f"{version} file_containing_symbol {symbol}: {first}")
        rest = answers[1 + len(symbols):]
        _not_found(rest[0], "unknown symbol")
        _not_found(rest[1], "unknown file")
        extension_file = _files(rest[2], "extension 51234")[0].name
        assert extension_file.endswith("units.proto"), extension_file
        _not_found(rest[3], "unknown extension")
        numbers = list(rest[4].all_extension_numbers_response.extension_number)
        assert 51234 in numbers, numbers
        _not_found(rest[5], "extension numbers of an unknown type")
        print(f"{version} extensions: FieldOptions {numbers} in {extension_file}; unknown names NOT_FOUND")

    pool = _pool_from(list(collected.values()))
    summary = _unary(channel, pool, TEST_SERVICE, "Describe", {
        "name": "triangle", "kind": "POLYGON", "points": [{"x": 0, "y": 0}, {"x": 1, "y": 0}, {"x": 0, "y": 1}],
        "drawnAt": "2025-07-01T08:30:00Z", "side": 2.5})
    assert summary == {"name": "triangle", "kind": "POLYGON", "point_count": 3,
                       "drawn_at": "2025-07-01T08:30:00.0000000+00:00", "size": 2.5}, summary
    print(f"generic call {TEST_SERVICE}/Describe: {json.dumps(summary, sort_keys=True)}")

    for name in ("", TEST_SERVICE):
        health = _unary(channel, pool, HEALTH_SERVICE, "Check", {"service": name})
        assert health == {"status": "SERVING"}, f"health of {name!r}: {health}"
        print(f"health Check {name!r}: {health['status']}")
    try:
        _unary(channel, pool, HEALTH_SERVICE, "Check", {"service": "no.such.Service"})
        raise AssertionError("health Check of an unknown name succeeded")
    except grpc.RpcError as error:
        assert error.code() == grpc.StatusCode.NOT_FOUND, error
        print("health Check 'no.such.Service': NOT_FOUND")

    channel.close()
    print("reflection client: all checks passed")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
