'use strict';
// Loads conformance.proto at run time (no generated code), shared by server.js and client.js.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO = path.join(__dirname, '..', '..', 'protos', 'directives', 'testing', 'v1', 'conformance.proto');

// keepCase: field names exactly as in the .proto; longs: Number keeps int64 deadline_remaining_ms plain;
// defaults: absent fields read as their proto3 defaults (message fields as null).
const definition = protoLoader.loadSync(PROTO, { keepCase: true, longs: Number, defaults: true });
const ConformanceService = grpc.loadPackageDefinition(definition).directives.testing.v1.ConformanceService;

module.exports = { ConformanceService, SERVICE_NAME: 'directives.testing.v1.ConformanceService' };
