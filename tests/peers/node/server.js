'use strict';
// ConformanceService on @grpc/grpc-js: a third-party server that our C# client is tested against.
// Behaviour follows the comments of conformance.proto; ../README.md states the contract precisely.
// Usage: node server.js [--port N] [--max-receive-bytes N]; prints "LISTENING <port>" once ready.
const fs = require('fs');
const grpc = require('@grpc/grpc-js');
const { ConformanceService } = require('./proto');

const Status = grpc.status;
// Clients check that this text never reaches them (the server must answer UNKNOWN without it).
const THROWN_TEXT = 'LEAK-CANARY: exception text that must not reach the client';

// call_id -> { finished, cancelled, status_code }: what this server saw of each call, for GetCallRecord.
const records = new Map();

// grpc-js removes grpc-encoding from the metadata handlers see; the base call keeps it in a private field.
// The package version is pinned exactly; if the field moves, fail the call loudly rather than guess.
function requestEncoding(call) {
  const encoding = call.call && call.call.incomingEncoding;
  if (typeof encoding !== 'string') throw new Error('grpc-js internals changed: incomingEncoding not found');
  return encoding;
}

// State of one server call: its record, cancellation, echoed metadata and how it ended.
class Session {
  // Called synchronously at handler start, so a throw here becomes an UNKNOWN status, not a crash.
  constructor(call) {
    this.call = call;
    const deadline = call.getDeadline();
    this.deadlineRemainingMs = deadline === Infinity ? -1 : Math.max(0, Math.round(deadline - Date.now()));
    this.requestEncoding = requestEncoding(call);
    this.trailers = new grpc.Metadata();
    this.record = null;
    this.begun = false;
    this.outcome = null; // { finished, cancelled, status_code } once the call has ended
    this.cancelled = false;
    this.cancelListeners = [];
    call.on('cancelled', () => {
      this.cancelled = true;
      // Either the client cancelled or the deadline passed (grpc-js then answers DEADLINE_EXCEEDED itself).
      this.end(Date.now() >= deadline ? Status.DEADLINE_EXCEEDED : Status.CANCELLED, true);
      this.cancelListeners.forEach((listener) => listener());
    });
  }

  // Applies what the first request asks for the whole call (its record, the metadata echo); later calls
  // are no-ops, so stream handlers can call it for every request.
  begin(request) {
    if (this.begun) return;
    this.begun = true;
    if (request.call_id) {
      this.record = { finished: false, cancelled: false, status_code: 0, ...this.outcome };
      records.set(request.call_id, this.record);
    }
    if (request.echo_metadata) {
      const headers = new grpc.Metadata();
      for (const key of Object.keys(this.call.metadata.getMap())) {
        if (!key.startsWith('x-echo-')) continue;
        for (const value of this.call.metadata.get(key)) {
          headers.add(key, value);
          this.trailers.add('x-trailer-' + key.slice('x-echo-'.length), value);
        }
      }
      this.call.sendMetadata(headers);
    }
  }

  // Records how the call ended; the first end wins (a cancel after the status was sent changes nothing).
  end(code, cancelled = false) {
    if (this.outcome) return;
    this.outcome = { finished: true, cancelled, status_code: code };
    if (this.record) Object.assign(this.record, this.outcome);
  }

  throwIfAsked(request) {
    if (!request.throw_exception) return;
    this.end(Status.UNKNOWN);
    throw new Error(THROWN_TEXT);
  }

  // Resolves true after ms, or false as soon as the call is cancelled.
  delay(ms) {
    if (this.cancelled || ms <= 0) return Promise.resolve(!this.cancelled);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(true), ms);
      this.cancelListeners.push(() => {
        clearTimeout(timer);
        resolve(false);
      });
    });
  }

  reply(fields) {
    return { deadline_remaining_ms: this.deadlineRemainingMs, request_encoding: this.requestEncoding, ...fields };
  }

  // The error the request's raise_status asks for (trailers included), or null when it asks for none.
  raised(request) {
    if (!raisesStatus(request)) return null;
    const spec = request.raise_status;
    const metadata = this.trailers.clone();
    if (spec.details.length > 0) metadata.set('grpc-status-details-bin', spec.details);
    this.end(spec.code);
    return { code: spec.code, details: spec.message, metadata };
  }

  // Ends a call with a single response (Unary, ClientStream).
  respond(callback, request, fields) {
    const error = this.raised(request);
    if (error) return callback(error);
    this.end(Status.OK);
    callback(null, this.reply(fields), this.trailers);
  }

  // Ends a call with a response stream (ServerStream, Duplex).
  endStream(request) {
    if (this.outcome) return;
    const error = this.raised(request);
    if (error) return this.call.emit('error', error);
    this.end(Status.OK);
    this.call.end(this.trailers);
  }
}

function raisesStatus(request) {
  return !!request.raise_status && request.raise_status.code !== Status.OK;
}

function unary(call, callback) {
  const session = new Session(call);
  const request = call.request;
  session.begin(request);
  session.throwIfAsked(request);
  session.delay(request.delay_ms).then((alive) => {
    if (alive) session.respond(callback, request, { message: request.message, payload: request.payload });
  });
}

function serverStream(call) {
  const session = new Session(call);
  const request = call.request;
  session.begin(request);
  session.throwIfAsked(request);
  (async () => {
    for (let index = 0; index < request.response_count; index++) {
      if (!(await session.delay(request.delay_ms))) return;
      call.write(session.reply({ message: request.message, payload: Buffer.alloc(request.response_size), index }));
    }
    session.endStream(request);
  })();
}

function clientStream(call, callback) {
  const session = new Session(call);
  const received = [];
  let answered = false;
  const answer = async () => {
    if (answered) return;
    answered = true;
    const first = received[0] || {};
    if (!(await session.delay(first.delay_ms || 0))) return;
    session.respond(callback, first, {
      message: received.map((r) => r.message).join(''),
      payload: Buffer.concat(received.map((r) => r.payload)),
      received_count: received.length,
    });
  };
  call.on('data', (request) => {
    if (answered) return;
    session.begin(request);
    received.push(request);
    if (received[0].stop_after > 0 && received.length >= received[0].stop_after) answer();
  });
  call.on('end', answer);
}

function duplex(call) {
  const session = new Session(call);
  // Requests are answered strictly in order, each after its own delay.
  let queue = Promise.resolve();
  const enqueue = (step) => {
    queue = queue.then(() => (session.outcome ? undefined : step()));
  };
  call.on('data', (request) => {
    session.begin(request);
    enqueue(async () => {
      if (!(await session.delay(request.delay_ms))) return;
      if (raisesStatus(request)) session.endStream(request);
      else call.write(session.reply({ message: request.message, payload: request.payload }));
    });
  });
  call.on('end', () => enqueue(() => session.endStream({})));
}

function getCallRecord(call, callback) {
  const { call_id: callId, wait_ms: waitMs } = call.request;
  const until = Date.now() + waitMs;
  const poll = () => {
    const record = records.get(callId);
    if ((record && record.finished) || Date.now() >= until) return callback(null, { found: !!record, ...record });
    setTimeout(poll, 10);
  };
  poll();
}

function parseArgs(argv) {
  const args = { port: 0, maxReceiveBytes: 4 * 1024 * 1024 };
  const names = { '--port': 'port', '--max-receive-bytes': 'maxReceiveBytes' };
  for (let i = 0; i < argv.length; i += 2) {
    if (!(argv[i] in names)) usage(`unknown argument ${argv[i]}`);
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value < 0) usage(`bad value for ${argv[i]}`);
    args[names[argv[i]]] = value;
  }
  return args;
}

function usage(problem) {
  process.stderr.write(`${problem}\nusage: node server.js [--port N] [--max-receive-bytes N]\n`);
  process.exit(2);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const server = new grpc.Server({ 'grpc.max_receive_message_length': args.maxReceiveBytes });
  server.addService(ConformanceService.service, {
    Unary: unary,
    ServerStream: serverStream,
    ClientStream: clientStream,
    Duplex: duplex,
    GetCallRecord: getCallRecord,
  });
  server.bindAsync(`127.0.0.1:${args.port}`, grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
      process.stderr.write(`bind failed: ${error.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`LISTENING ${port}\n`);
  });
  const shutdown = () => {
    server.forceShutdown();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // A parent that holds our stdin pipe can stop us by closing it (or by dying). Stdin that is /dev/null,
  // a file or a terminal is not watched, otherwise the server would stop at once.
  const stdin = fs.fstatSync(0);
  if (stdin.isFIFO() || stdin.isSocket()) {
    process.stdin.on('end', shutdown);
    process.stdin.resume();
  }
}

main();
