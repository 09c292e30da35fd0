'use strict';
// Conformance cases run with @grpc/grpc-js against any ConformanceService server (ours or a peer).
// Usage: node client.js --target HOST:PORT (--case NAME [--case NAME...] | --all) | --list
// Prints one JSON line per case: {"case": NAME, "ok": BOOL, "detail": TEXT}; exit 0 iff every case is ok.

// grpc-js hides the response's :status and grpc-encoding headers from the application; its
// subchannel_call tracer is the only place they show. The tracer list is read when grpc-js loads, hence
// before the require.
process.env.GRPC_NODE_TRACE = 'subchannel_call';

const crypto = require('crypto');
const grpc = require('@grpc/grpc-js');
const { ConformanceService, SERVICE_NAME } = require('./proto');

const Status = grpc.status;
const MiB = 1024 * 1024;
const CASE_TIMEOUT_MS = 10000;
const VIETNAMESE = 'Không tìm thấy chỉ thị (100%)';
// Not valid UTF-8 and not a multiple of 3 bytes, so base64 padding is exercised too.
const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0x0d, 0xc3, 0x28]);
const LEAK_CANARY = 'LEAK-CANARY';

// Trace lines are kept only while a case listens; real errors still go to stderr.
let traceListener = null;
grpc.setLogVerbosity(grpc.logVerbosity.DEBUG);
grpc.setLogger({
  error: (message) => process.stderr.write(`${message}\n`),
  info: () => {},
  debug: (message) => traceListener && traceListener(message),
});

// Runs fn (one call at a time) and returns its result with the response header blocks grpc-js traced,
// each as a { name: value } object.
async function withResponseHeaders(fn) {
  const blocks = [];
  traceListener = (line) => {
    const at = line.indexOf('Received server headers:');
    if (at < 0) return;
    const pairs = line.slice(at).split('\n').slice(1).map((l) => /^\s*(:?[^:\s]+): (.*)$/.exec(l));
    blocks.push(Object.fromEntries(pairs.filter(Boolean).map(([, name, value]) => [name, value])));
  };
  try {
    return { result: await fn(), blocks };
  } finally {
    traceListener = null;
  }
}

class Mismatch extends Error {}

function check(condition, message) {
  if (!condition) throw new Mismatch(message);
}

function checkStatus(status, code) {
  check(status.code === code,
    `expected status ${Status[code]}, got ${Status[status.code]} (${status.code}) "${status.details}"`);
}

function checkOk(status) {
  checkStatus(status, Status.OK);
}

// Equality of plain values, Buffers and arrays of them (metadata values come as arrays).
function equal(a, b) {
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  return a === b;
}

// A short readable form of a value for a mismatch message (bytes as hex, long ones cut).
function show(value) {
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  const text = Buffer.isBuffer(value) ? value.toString('hex') : String(JSON.stringify(value));
  return text.length <= 80 ? text : `${text.slice(0, 80)}... (${value.length} long)`;
}

function checkEqual(actual, expected, what) {
  if (!equal(actual, expected)) throw new Mismatch(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

// google.rpc.Status { code, message, details: [Any] } in protobuf wire format: what a real server puts in
// grpc-status-details-bin. Written by hand because the test proto does not import google/rpc.
function statusDetails(code, message) {
  const varint = (n) => {
    const bytes = [];
    for (; n > 0x7f; n >>>= 7) bytes.push((n & 0x7f) | 0x80);
    return Buffer.from([...bytes, n]);
  };
  const field = (number, bytes) => Buffer.concat([varint((number << 3) | 2), varint(bytes.length), bytes]);
  const any = Buffer.concat([
    field(1, Buffer.from('type.googleapis.com/directives.testing.v1.StatusSpec')),
    field(2, BINARY),
  ]);
  return Buffer.concat([varint(1 << 3), varint(code), field(2, Buffer.from(message)), field(3, any)]);
}

const compressible = (size) => Buffer.from('directive '.repeat(Math.ceil(size / 10)).slice(0, size));
const newCallId = (name) => `${name}-${crypto.randomUUID()}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function metadata(entries) {
  const md = new grpc.Metadata();
  for (const [key, value] of entries) md.add(key, value);
  return md;
}

// Follows a call to its end. Resolves { status, headers, responses }: status is grpc-js's
// { code, details, metadata = trailers }, headers the response headers (null when none arrived).
function observe(call) {
  const seen = { headers: null, responses: [] };
  call.on('metadata', (md) => { seen.headers = md; });
  call.on('error', () => {}); // the status event carries the same information
  if (typeof call.read === 'function') call.on('data', (message) => seen.responses.push(message));
  return new Promise((resolve) => call.on('status', (status) => {
    // Streams may emit status before their last 'data'/'end'; let those run first.
    setImmediate(() => resolve({ ...seen, status }));
  }));
}

// A unary call on a generated method; the response (if any) is in responses[0].
// options: metadata, call (grpc-js call options such as deadline), onCall (gets the call object).
function unary(client, method, request, options = {}) {
  let response;
  const call = client[method](request, options.metadata || new grpc.Metadata(), options.call || {},
    (error, value) => { if (!error) response = value; });
  const outcome = observe(call);
  if (options.onCall) options.onCall(call);
  return outcome.then((result) => ({ ...result, responses: response ? [response] : [] }));
}

// Reads a response stream one message at a time (null at its end), for ping-pong.
function reader(stream) {
  const queue = [];
  const waiters = [];
  const push = (item) => (waiters.length ? waiters.shift()(item) : queue.push(item));
  stream.on('data', push);
  stream.on('end', () => push(null));
  stream.on('error', () => push(null));
  return () => (queue.length ? Promise.resolve(queue.shift()) : new Promise((resolve) => waiters.push(resolve)));
}

async function callRecord(client, callId, waitMs) {
  const { status, responses } = await unary(client, 'GetCallRecord', { call_id: callId, wait_ms: waitMs });
  checkOk(status);
  return responses[0];
}

function checkCancelledOnServer(record) {
  check(record.found, 'GetCallRecord: the server has no record of the call');
  check(record.finished && record.cancelled,
    `GetCallRecord: expected finished and cancelled, got ${JSON.stringify(record)}`);
}

const CASES = {
  async unary_echo({ newClient }) {
    const payload = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const { status, responses: [response] } = await unary(newClient(), 'Unary', { message: 'hello', payload });
    checkOk(status);
    checkEqual(response.message, 'hello', 'message');
    checkEqual(response.payload, payload, 'payload');
    checkEqual(response.request_encoding, 'identity', 'request_encoding');
    checkEqual(response.deadline_remaining_ms, -1, 'deadline_remaining_ms without a deadline');
    return 'echoed message and 256-byte payload';
  },

  async server_stream({ newClient }) {
    const call = newClient().ServerStream({ message: 's', response_count: 5, response_size: 1000 });
    const { status, responses } = await observe(call);
    checkOk(status);
    checkEqual(responses.length, 5, 'response count');
    responses.forEach((response, i) => {
      checkEqual(response.index, i, `index of response ${i}`);
      checkEqual(response.payload.length, 1000, `payload size of response ${i}`);
    });
    return '5 responses, indexes 0..4, 1000 bytes each';
  },

  async client_stream({ newClient }) {
    let response;
    const call = newClient().ClientStream((error, value) => { response = value; });
    const outcome = observe(call);
    ['a', 'b', 'c', 'd'].forEach((message, i) => call.write({ message, payload: Buffer.from([i]) }));
    call.end();
    checkOk((await outcome).status);
    checkEqual(response.received_count, 4, 'received_count');
    checkEqual(response.message, 'abcd', 'concatenated message');
    checkEqual(response.payload, Buffer.from([0, 1, 2, 3]), 'concatenated payload');
    return '4 messages counted and concatenated';
  },

  async duplex_pingpong({ newClient }) {
    const call = newClient().Duplex();
    const outcome = observe(call);
    const next = reader(call);
    for (let i = 0; i < 5; i++) {
      call.write({ message: `ping-${i}`, payload: Buffer.from([i]) });
      const response = await next();
      if (response === null) {
        const { status } = await outcome;
        const got = `${Status[status.code]} "${status.details}"`;
        throw new Mismatch(`stream ended before the answer to ping-${i}: ${got}`);
      }
      checkEqual(response.message, `ping-${i}`, `answer ${i}`);
      checkEqual(response.payload, Buffer.from([i]), `payload of answer ${i}`);
    }
    call.end();
    checkEqual(await next(), null, 'message after half-close');
    checkOk((await outcome).status);
    return '5 ping-pong rounds, then OK';
  },

  async deadline_exceeded({ newClient }) {
    const client = newClient();
    const callId = newCallId('deadline_exceeded');
    const started = Date.now();
    // A 1 s deadline (not less) so that a loaded machine still delivers the call to the handler before
    // it expires: the server can only record a call its handler started.
    const { status } = await unary(client, 'Unary', { delay_ms: 4000, call_id: callId },
      { call: { deadline: Date.now() + 1000 } });
    const elapsed = Date.now() - started;
    checkStatus(status, Status.DEADLINE_EXCEEDED);
    check(elapsed < 3000, `DEADLINE_EXCEEDED came after ${elapsed} ms for a 1000 ms deadline`);
    checkCancelledOnServer(await callRecord(client, callId, 3000));
    return `DEADLINE_EXCEEDED after ${elapsed} ms; the server saw the call cancelled`;
  },

  async deadline_propagated({ newClient }) {
    const client = newClient();
    const { status, responses: [response] } = await unary(client, 'Unary', { message: 'd' },
      { call: { deadline: Date.now() + 5000 } });
    checkOk(status);
    const remaining = response.deadline_remaining_ms;
    // 100 ms of slack above: grpc-timeout may be rounded up, and server clocks differ slightly.
    check(remaining > 3000 && remaining <= 5100, `deadline_remaining_ms ${remaining} is not within (3000, 5100]`);
    const without = await unary(client, 'Unary', { message: 'd' });
    checkOk(without.status);
    checkEqual(without.responses[0].deadline_remaining_ms, -1, 'deadline_remaining_ms without a deadline');
    return `5000 ms deadline seen as ${remaining} ms; none seen as -1`;
  },

  async cancellation({ newClient }) {
    const client = newClient();
    const callId = newCallId('cancellation');
    let call;
    const outcome = unary(client, 'Unary', { delay_ms: 5000, call_id: callId }, { onCall: (c) => { call = c; } });
    // Cancel only once the handler runs, so the server surely saw the call.
    for (let tries = 0; !(await callRecord(client, callId, 0)).found; tries++) {
      check(tries < 150, 'the server never recorded the call');
      await sleep(20);
    }
    call.cancel();
    checkStatus((await outcome).status, Status.CANCELLED);
    checkCancelledOnServer(await callRecord(client, callId, 2000));
    return 'cancelled while the handler waited; the server saw the call cancelled';
  },

  async metadata_ascii({ newClient }) {
    const md = metadata([['x-echo-alpha', 'one'], ['x-echo-beta', 'two words'], ['x-other', 'not echoed']]);
    const { status, headers } = await unary(newClient(), 'Unary', { echo_metadata: true }, { metadata: md });
    checkOk(status);
    check(headers !== null, 'no response headers');
    checkEqual(headers.get('x-echo-alpha'), ['one'], 'header x-echo-alpha');
    checkEqual(headers.get('x-echo-beta'), ['two words'], 'header x-echo-beta');
    checkEqual(headers.get('x-other'), [], 'header x-other');
    checkEqual(status.metadata.get('x-trailer-alpha'), ['one'], 'trailer x-trailer-alpha');
    checkEqual(status.metadata.get('x-trailer-beta'), ['two words'], 'trailer x-trailer-beta');
    return 'x-echo-* echoed in headers and as x-trailer-* in trailers';
  },

  async metadata_binary({ newClient }) {
    const md = metadata([['x-echo-bin-bin', BINARY]]);
    const { status, headers } = await unary(newClient(), 'Unary', { echo_metadata: true }, { metadata: md });
    checkOk(status);
    check(headers !== null, 'no response headers');
    checkEqual(headers.get('x-echo-bin-bin'), [BINARY], 'header x-echo-bin-bin');
    checkEqual(status.metadata.get('x-trailer-bin-bin'), [BINARY], 'trailer x-trailer-bin-bin');
    return 'non-UTF-8 bytes round-tripped in a -bin header and trailer';
  },

  async status_with_message({ newClient }) {
    const request = { raise_status: { code: Status.NOT_FOUND, message: VIETNAMESE } };
    const { status } = await unary(newClient(), 'Unary', request);
    checkStatus(status, Status.NOT_FOUND);
    checkEqual(status.details, VIETNAMESE, 'status message');
    return 'NOT_FOUND with a Vietnamese message, exactly';
  },

  async status_with_details({ newClient }) {
    const details = statusDetails(Status.INVALID_ARGUMENT, 'bad directive');
    const request = { raise_status: { code: Status.INVALID_ARGUMENT, message: 'bad directive', details } };
    const { status } = await unary(newClient(), 'Unary', request);
    checkStatus(status, Status.INVALID_ARGUMENT);
    checkEqual(status.details, 'bad directive', 'status message');
    checkEqual(status.metadata.get('grpc-status-details-bin'), [details], 'grpc-status-details-bin');
    return `INVALID_ARGUMENT with ${details.length} bytes of grpc-status-details-bin`;
  },

  async gzip_request({ newClient }) {
    const payload = compressible(64 * 1024);
    const client = newClient({ 'grpc.default_compression_algorithm': grpc.compressionAlgorithms.gzip });
    const { status, responses: [response] } = await unary(client, 'Unary', { payload });
    checkOk(status);
    checkEqual(response.request_encoding, 'gzip', 'request_encoding seen by the server');
    checkEqual(response.payload, payload, 'payload');
    return 'the server read a gzip request';
  },

  async gzip_response({ newClient }) {
    const payload = compressible(64 * 1024);
    const { result, blocks } = await withResponseHeaders(() => unary(newClient(), 'Unary', { payload }));
    checkOk(result.status);
    checkEqual(result.responses[0].payload, payload, 'payload');
    const encodings = blocks.map((headers) => headers['grpc-encoding'] || '(absent)');
    check(equal(encodings, ['gzip']),
      `response grpc-encoding was ${encodings.join(', ') || 'not traced'}, expected gzip ` +
      '(the server must be set to compress responses)');
    return 'read a gzip response';
  },

  async oversized_request({ newClient }) {
    const { status } = await unary(newClient(), 'Unary', { payload: Buffer.alloc(5 * MiB) });
    checkStatus(status, Status.RESOURCE_EXHAUSTED);
    return '5 MiB request refused with RESOURCE_EXHAUSTED';
  },

  async oversized_response({ newClient }) {
    const client = newClient({ 'grpc.max_receive_message_length': 4 * MiB });
    const call = client.ServerStream({ response_count: 1, response_size: 5 * MiB });
    const { status } = await observe(call);
    checkStatus(status, Status.RESOURCE_EXHAUSTED);
    return '5 MiB response refused with RESOURCE_EXHAUSTED by a 4 MiB client';
  },

  async unimplemented_method({ newClient }) {
    const client = newClient();
    const { requestSerialize, responseDeserialize } = ConformanceService.service.Unary;
    for (const path of [`/${SERVICE_NAME}/Nope`, '/directives.testing.v1.NoSuchService/Unary']) {
      const { result: { status }, blocks } = await withResponseHeaders(
        () => observe(client.makeUnaryRequest(path, requestSerialize, responseDeserialize, {}, () => {})));
      check(status.code === Status.UNIMPLEMENTED,
        `${path}: expected UNIMPLEMENTED, got ${Status[status.code]} "${status.details}"`);
      // grpc-js would also map a bare HTTP 404 to UNIMPLEMENTED; a gRPC server answers with HTTP 200.
      const httpStatuses = blocks.map((headers) => headers[':status']);
      check(equal(httpStatuses, ['200']), `${path}: HTTP status ${httpStatuses.join(', ')}, expected 200`);
    }
    return 'unknown method and unknown service both UNIMPLEMENTED (HTTP 200)';
  },

  async handler_exception({ newClient }) {
    const { status } = await unary(newClient(), 'Unary', { throw_exception: true });
    checkStatus(status, Status.UNKNOWN);
    check(!status.details.includes(LEAK_CANARY), `the exception text leaked: "${status.details}"`);
    return `UNKNOWN "${status.details}"`;
  },

  async client_stream_early_end({ newClient }) {
    let response;
    const call = newClient().ClientStream((error, value) => { response = value; });
    let ended = false;
    const outcome = observe(call).then((result) => { ended = true; return result; });
    // Never half-close: the server must end the call by itself after two messages. Five go at once, so
    // some are likely to arrive after the server has ended the call; then one every 5 ms until it has.
    let sent = 0;
    for (; !ended && sent < 400; sent++) {
      call.write({ message: `m${sent}`, stop_after: sent === 0 ? 2 : 0 });
      if (sent >= 4) await sleep(5);
    }
    check(ended, `the call had not ended after ${sent} messages without half-close`);
    checkOk((await outcome).status);
    checkEqual(response.received_count, 2, 'received_count');
    checkEqual(response.message, 'm0m1', 'concatenated message');
    return `OK with received_count 2 while the client was still sending (${sent} sent)`;
  },

  async empty_message({ newClient }) {
    const client = newClient();
    const { status, responses: [response] } = await unary(client, 'Unary', {});
    checkOk(status);
    checkEqual(response.message, '', 'message');
    checkEqual(response.payload.length, 0, 'payload length');
    // A record nobody made is all defaults: an empty (zero-byte) response message.
    const record = await callRecord(client, newCallId('never-made'), 0);
    check(!record.found && !record.finished && !record.cancelled && record.status_code === 0,
      `expected an all-default CallRecord, got ${JSON.stringify(record)}`);
    return 'empty request and empty response round-tripped';
  },
};

async function runCase(name, target) {
  const clients = [];
  // Every client gets its own connection, so no case inherits another's connection state.
  const newClient = (options = {}) => {
    const client = new ConformanceService(target, grpc.credentials.createInsecure(),
      { 'grpc.use_local_subchannel_pool': 1, ...options });
    clients.push(client);
    return client;
  };
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Mismatch(`timed out after ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
  });
  try {
    const detail = await Promise.race([CASES[name]({ newClient }), timeout]);
    return { case: name, ok: true, detail };
  } catch (error) {
    return { case: name, ok: false, detail: error instanceof Mismatch ? error.message : String(error.stack) };
  } finally {
    clearTimeout(timer);
    clients.forEach((client) => client.close());
  }
}

function parseArgs(argv) {
  const args = { target: null, cases: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--target') args.target = argv[++i];
    else if (argv[i] === '--case') args.cases = [...(args.cases || []), argv[++i]];
    else if (argv[i] === '--all') args.cases = Object.keys(CASES);
    else if (argv[i] === '--list') args.list = true;
    else usage(`unknown argument ${argv[i]}`);
  }
  if (args.list) return args;
  if (!args.target || !args.cases) usage('--target and one of --case/--all are required');
  const unknown = args.cases.filter((name) => !(name in CASES));
  if (unknown.length) usage(`unknown case ${unknown[0]}`);
  return args;
}

function usage(problem) {
  const synopsis = 'node client.js --target HOST:PORT (--case NAME [--case NAME...] | --all) | --list';
  process.stderr.write(`${problem}\nusage: ${synopsis}\n`);
  process.exit(2);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.list) {
    process.stdout.write(Object.keys(CASES).map((name) => `${name}\n`).join(''));
    return;
  }
  let allOk = true;
  for (const name of args.cases) {
    const result = await runCase(name, args.target);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    allOk = allOk && result.ok;
  }
  process.exit(allOk ? 0 : 1);
}

main();
