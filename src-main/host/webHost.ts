import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ErrorCode, ErrorInfo } from '../../src-shared/contract/errors';
import type { BatonCore } from './BatonCore';

export interface WebHostOptions {
  readonly core: BatonCore;
  /** The built renderer (index.html and assets). */
  readonly staticDir: string;
  /** 0 or absent: a random free port. */
  readonly port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  readonly token?: string;
}

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** The address to open, with the token in the fragment (never sent to the server in logs). */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const TOKEN_HEADER = 'x-baton-token';

const statusByCode: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'unknown-channel': 404,
  'not-found': 404,
  conflict: 409,
  unauthorized: 401,
  unavailable: 503,
  internal: 500,
};

/**
 * The browser transport: the built UI and the contract over HTTP (`POST /api/<channel>`) and a
 * WebSocket (`/api/events`) for event streams. Bound to 127.0.0.1 only; every request must carry
 * the per-launch token and a Host header naming this host, which defeats DNS rebinding and other
 * local pages.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const serveStatic = sirv(options.staticDir, {
    // Look files up per request: a build that replaces the renderer while the host runs must give
    // a 404 for a vanished file, not a read error that would stop the process.
    dev: true,
    etag: true,
    setHeaders: (res) => applySecurityHeaders(res, port),
  });

  const server = createServer((req, res) => {
    applySecurityHeaders(res, port);
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return sendError(
        res,
        403,
        'unauthorized',
        `host "${req.headers.host ?? ''}" is not served here`,
      );
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url, options.core, token, allowedHosts()).catch((error: unknown) => {
        console.error('[baton] web host request failed', error);
        if (!res.headersSent) sendError(res, 500, 'internal', 'the request failed unexpectedly');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'invalid-input', `${req.method ?? ''} is not allowed here`);
    }
    serveStatic(req, res, () => sendError(res, 404, 'not-found', `${url.pathname} not found`));
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const origin = req.headers.origin;
    const refused =
      !allowedHosts().has(req.headers.host ?? '') ||
      (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) ||
      url.pathname !== '/api/events' ||
      !tokenMatches(url.searchParams.get('token'), token);
    if (refused) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attachEvents(ws, options.core));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  core: BatonCore,
  token: string,
  hosts: ReadonlySet<string>,
): Promise<void> {
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
    return sendError(res, 403, 'unauthorized', `origin "${origin}" may not call this host`);
  }
  const presented = req.headers[TOKEN_HEADER];
  if (!tokenMatches(typeof presented === 'string' ? presented : null, token)) {
    return sendError(res, 401, 'unauthorized', 'missing or wrong access token');
  }
  if (req.method !== 'POST') {
    return sendError(res, 405, 'invalid-input', 'calls are POST requests');
  }
  const body = await readBody(req);
  if (body === null) {
    // Answer first, then drop the connection: the rest of the body is not read.
    res.setHeader('Connection', 'close');
    res.once('finish', () => req.destroy());
    return sendError(
      res,
      413,
      'invalid-input',
      `the request is larger than ${MAX_BODY_BYTES} bytes`,
    );
  }
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : JSON.parse(body);
  } catch (error) {
    return sendError(
      res,
      400,
      'invalid-input',
      `the request body is not valid JSON: ${(error as Error).message}`,
    );
  }
  let channel: string;
  try {
    channel = decodeURIComponent(url.pathname.slice('/api/'.length));
  } catch {
    return sendError(res, 404, 'unknown-channel', `no such channel "${url.pathname.slice(5)}"`);
  }
  const envelope = await core.invoke(channel, payload);
  sendJson(res, envelope.ok ? 200 : statusByCode[envelope.error.code], envelope);
}

function attachEvents(ws: WebSocket, core: BatonCore): void {
  const unsubscribe = core.events.subscribe((message) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  });
  ws.on('close', unsubscribe);
  ws.on('error', unsubscribe);
  // The stream is one-way; anything a client sends is ignored.
  ws.on('message', () => undefined);
}

function tokenMatches(presented: string | null, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request body as text, or null when it is larger than allowed. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function applySecurityHeaders(res: ServerResponse, port: number): void {
  res.setHeader(
    'Content-Security-Policy',
    contentSecurityPolicy(`ws://127.0.0.1:${port} ws://localhost:${port}`),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** The renderer's Content-Security-Policy; `connect` adds the event socket's origin. */
export function contentSecurityPolicy(connect = ''): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React Flow positions nodes with inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${connect ? ` ${connect}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const error: ErrorInfo = { code, message };
  sendJson(res, status, { ok: false, error });
}
