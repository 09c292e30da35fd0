"""Message classes and method paths for conformance.proto, built at run time from the .proto itself.

Debian's python3-protobuf (3.21) cannot load _pb2 modules made by a newer protoc, and grpcio-tools is not
a dependency we can rely on, so this module parses the small proto3 subset that conformance.proto uses
(messages of scalar and message fields, one service) into a FileDescriptorProto and lets the protobuf
runtime build the classes. Anything outside that subset is rejected loudly rather than misread.
"""
import os
import re

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

PROTO_NAME = "directives/testing/v1/conformance.proto"
PROTO_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "protos", PROTO_NAME)

_F = descriptor_pb2.FieldDescriptorProto
_SCALARS = {
    "double": _F.TYPE_DOUBLE, "float": _F.TYPE_FLOAT, "int64": _F.TYPE_INT64, "uint64": _F.TYPE_UINT64,
    "int32": _F.TYPE_INT32, "fixed64": _F.TYPE_FIXED64, "fixed32": _F.TYPE_FIXED32, "bool": _F.TYPE_BOOL,
    "string": _F.TYPE_STRING, "bytes": _F.TYPE_BYTES, "uint32": _F.TYPE_UINT32,
    "sfixed32": _F.TYPE_SFIXED32, "sfixed64": _F.TYPE_SFIXED64, "sint32": _F.TYPE_SINT32,
    "sint64": _F.TYPE_SINT64,
}
_TOP = re.compile(r"\s*(?:(syntax|package|option)\s+([^;{}]*);|(message|service)\s+(\w+)\s*\{([^{}]*)\})")
_FIELD = re.compile(r"\s*(repeated\s+)?([\w.]+)\s+(\w+)\s*=\s*(\d+)\s*;")
_RPC = re.compile(r"\s*rpc\s+(\w+)\s*\(\s*(stream\s+)?([\w.]+)\s*\)"
                  r"\s*returns\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*;")


def _statements(body, pattern, what):
    """Matches pattern repeatedly over the whole body; fails on anything it cannot read."""
    pos, found = 0, []
    while body[pos:].strip():
        m = pattern.match(body, pos)
        if not m:
            raise ValueError(f"{PROTO_PATH}: unsupported {what} near: {body[pos:pos + 60].strip()!r}")
        found.append(m)
        pos = m.end()
    return found


def _parse(text):
    text = re.sub(r"//[^\n]*", "", text)
    fdp = descriptor_pb2.FileDescriptorProto(name=PROTO_NAME)
    service = None
    for m in _statements(text, _TOP, "top-level statement"):
        keyword, value, block, name, body = m.groups()
        if keyword == "syntax" and value.split("=")[-1].strip().strip('"') != "proto3":
            raise ValueError(f"{PROTO_PATH}: only proto3 is supported")
        if keyword == "package":
            fdp.package = value.strip()
        if block == "message":
            msg = fdp.message_type.add(name=name)
            for f in _statements(body, _FIELD, "field"):
                repeated, ftype, fname, number = f.groups()
                field = msg.field.add(name=fname, number=int(number),
                                      label=_F.LABEL_REPEATED if repeated else _F.LABEL_OPTIONAL)
                if ftype in _SCALARS:
                    field.type = _SCALARS[ftype]
                else:
                    field.type = _F.TYPE_MESSAGE
                    field.type_name = _qualify(fdp.package, ftype)
        if block == "service":
            if service is not None:
                raise ValueError(f"{PROTO_PATH}: only one service is supported")
            service = fdp.service.add(name=name)
            for r in _statements(body, _RPC, "rpc"):
                rname, cstream, req, sstream, resp = r.groups()
                method = service.method.add(name=rname, input_type=_qualify(fdp.package, req),
                                            output_type=_qualify(fdp.package, resp))
                if cstream:
                    method.client_streaming = True
                if sstream:
                    method.server_streaming = True
    fdp.syntax = "proto3"
    return fdp


def _qualify(package, name):
    # A dotted type name is taken as fully qualified; a plain one lives in this file's package.
    return "." + name if "." in name else f".{package}.{name}"


def _message_class(descriptor):
    # protobuf >= 4.22 has GetMessageClass; Debian 12's 3.21 (python 4.21) only has the factory.
    if hasattr(message_factory, "GetMessageClass"):
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(descriptor.file.pool).GetPrototype(descriptor)


class Schema:
    """The messages (by short name) and the service's methods of conformance.proto."""

    def __init__(self):
        with open(PROTO_PATH, encoding="utf-8") as f:
            fdp = _parse(f.read())
        pool = descriptor_pool.DescriptorPool()
        pool.Add(fdp)
        file = pool.FindFileByName(PROTO_NAME)
        self.messages = {name: _message_class(d) for name, d in file.message_types_by_name.items()}
        (service,) = file.services_by_name.values()
        self.service_name = service.full_name
        self.methods = {m.name: m for m in service.methods}

    def path(self, method):
        return f"/{self.service_name}/{method}"
