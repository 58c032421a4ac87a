import { Server, createServer } from 'node:http';

/** What the health endpoint answers: `ready` picks 200 or 503 on /health/ready. */
export interface HealthReport {
  readonly ready: boolean;
  readonly body: Record<string, unknown>;
}

/**
 * A tiny HTTP server for probes: the projector serves no API, so no framework is needed.
 * /health answers 200 while the process can still do its work (503 once its projections failed
 * for good, so the orchestrator restarts it and the lease passes on); /health/ready carries
 * status and lag.
 */
export async function startHealthServer(port: number, host: string, report: () => Promise<HealthReport>, alive: () => boolean = () => true): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, { error: 'method not allowed' });
    if (path === '/health') return alive() ? send(200, { status: 'ok' }) : send(503, { status: 'failed', reason: 'projections stopped for good; restart the projector' });
    if (path !== '/health/ready') return send(404, { error: 'not found' });
    report().then(
      (r) => send(r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not-ready', ...r.body }),
      (error: unknown) => send(503, { status: 'not-ready', error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
