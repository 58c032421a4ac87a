import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
// `yaml` is present through testcontainers; the lead adds it as a devDependency of its own.
import { parse, parseAllDocuments } from 'yaml';

const deploy = join(__dirname, '..', '..', 'deploy');
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML is untyped by nature

const k8sFiles = readdirSync(join(deploy, 'k8s')).filter((f) => f.endsWith('.yaml'));
const k8s: Obj[] = k8sFiles.flatMap((file) => parseAllDocuments(readFileSync(join(deploy, 'k8s', file), 'utf8')).map((doc) => {
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  return { ...(doc.toJS() as Obj), file };
}));
const compose: Obj = parse(readFileSync(join(deploy, 'compose.yaml'), 'utf8'), { merge: true });
const byKind = (kind: string) => k8s.filter((d) => d.kind === kind);
const workload = (name: string) => k8s.find((d) => d.kind === 'Deployment' && d.metadata.name === name) as Obj;
const podSpecs = () => k8s.filter((d) => ['Deployment', 'StatefulSet', 'Job'].includes(d.kind)).map((d) => ({ name: `${d.kind}/${d.metadata.name}`, spec: d.spec.template.spec }));
const PRODUCTION_ENV = ['NODE_ENV', 'EVENT_STORE', 'KURRENTDB_URL', 'READ_STORE', 'MONGODB_URL', 'MONGODB_DATABASE', 'PROJECTIONS_IN_PROCESS', 'PERSONAL_DATA_MASTER_KEY', 'CITIZEN_ID_HASH_SECRET'];
const pinned = (image: string) => /^[^:]+(:[0-9][\w.-]*)(@sha256:[a-f0-9]{64})?$/.test(image.replace(/^[^/]+:\d+\//, '')) && !image.endsWith(':latest');

describe('deployment manifests', () => {
  it('parse, and every Kubernetes document names its kind and a name', () => {
    expect(k8sFiles.length).toBeGreaterThanOrEqual(4);
    for (const d of k8s) expect({ file: d.file, kind: typeof d.kind, name: typeof d.metadata?.name }).toEqual({ file: d.file, kind: 'string', name: 'string' });
  });

  it('pin every image to a version tag, in Kubernetes and compose', () => {
    const images = [
      ...podSpecs().flatMap(({ spec }) => spec.containers.map((c: Obj) => c.image as string)),
      ...Object.values(compose.services as Obj).map((s) => s.image as string).filter(Boolean),
    ];
    expect(images.length).toBeGreaterThan(8);
    expect(images.filter((i) => !pinned(i))).toEqual([]);
  });

  it('run every pod as non-root without privilege escalation', () => {
    for (const { name, spec } of podSpecs()) {
      expect({ name, runAsNonRoot: spec.securityContext?.runAsNonRoot }).toEqual({ name, runAsNonRoot: true });
      for (const c of spec.containers) expect({ name, c: c.name, escalation: c.securityContext?.allowPrivilegeEscalation }).toEqual({ name, c: c.name, escalation: false });
    }
  });

  it('probe readiness on /health/ready and liveness on /health for the API and the projector', () => {
    for (const name of ['api', 'projector']) {
      const [c] = workload(name).spec.template.spec.containers;
      expect({ name, ready: c.readinessProbe?.httpGet?.path, live: c.livenessProbe?.httpGet?.path }).toEqual({ name, ready: '/health/ready', live: '/health' });
    }
    for (const { name, spec } of podSpecs().filter((p) => p.name.startsWith('StatefulSet'))) {
      expect({ name, probes: Boolean(spec.containers[0].readinessProbe && spec.containers[0].livenessProbe) }).toEqual({ name, probes: true });
    }
  });

  it('give the API its production settings, replicas to scale, and projections out of process', () => {
    const api = workload('api');
    const config = byKind('ConfigMap').find((c) => c.metadata.name === 'poverty-ledger-config') as Obj;
    const secret = byKind('Secret').find((s) => s.metadata.name === 'poverty-ledger-secrets') as Obj;
    const [c] = api.spec.template.spec.containers;
    expect(c.envFrom.map((e: Obj) => e.configMapRef?.name ?? e.secretRef?.name).sort()).toEqual(['poverty-ledger-config', 'poverty-ledger-secrets']);
    const env = { ...config.data, ...secret.stringData, ...Object.fromEntries(c.env.map((e: Obj) => [e.name, e.value])) };
    expect(PRODUCTION_ENV.filter((name) => !env[name])).toEqual([]);
    expect(env).toMatchObject({ NODE_ENV: 'production', EVENT_STORE: 'kurrentdb', READ_STORE: 'mongodb', PROJECTIONS_IN_PROCESS: 'false' });
    expect(api.spec.replicas).toBeGreaterThanOrEqual(2);
  });

  it('run at least two projectors (one active by lease)', () => {
    expect(workload('projector').spec.replicas).toBeGreaterThanOrEqual(2);
    expect(compose.services.projector.deploy.replicas).toBeGreaterThanOrEqual(2);
  });

  it('point every Service at ports its pods expose, and select existing pods', () => {
    for (const service of byKind('Service')) {
      const target = k8s.find((d) => ['Deployment', 'StatefulSet'].includes(d.kind) && Object.entries(service.spec.selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v)) as Obj;
      expect({ service: service.metadata.name, found: Boolean(target) }).toEqual({ service: service.metadata.name, found: true });
      const ports = target.spec.template.spec.containers.flatMap((c: Obj) => c.ports.flatMap((p: Obj) => [p.containerPort, p.name]));
      for (const p of service.spec.ports) expect({ service: service.metadata.name, port: p.targetPort, exposed: ports.includes(p.targetPort) }).toEqual({ service: service.metadata.name, port: p.targetPort, exposed: true });
    }
    for (const name of ['api', 'projector']) {
      const [c] = workload(name).spec.template.spec.containers;
      const named = c.ports.map((p: Obj) => p.name);
      expect([c.readinessProbe.httpGet.port, c.livenessProbe.httpGet.port].filter((p) => !named.includes(p))).toEqual([]);
    }
  });

  it('compose: services use only declared networks and volumes, and the stack has its parts', () => {
    const services = compose.services as Obj;
    for (const [name, s] of Object.entries(services)) {
      for (const n of s.networks ?? []) expect({ name, network: n, declared: n in compose.networks }).toEqual({ name, network: n, declared: true });
      for (const v of s.volumes ?? []) {
        const source = String(v).split(':')[0];
        if (!source.startsWith('.') && !source.startsWith('/')) expect({ name, volume: source, declared: source in compose.volumes }).toEqual({ name, volume: source, declared: true });
      }
      for (const dep of Object.keys(s.depends_on ?? {})) expect({ name, dep, exists: dep in services }).toEqual({ name, dep, exists: true });
    }
    expect(Object.keys(services).filter((n) => n.startsWith('kurrentdb-'))).toHaveLength(3);
    expect(Object.keys(services).filter((n) => /^mongo-\d$/.test(n))).toHaveLength(3);
    expect(services.api.environment).toMatchObject({ PROJECTIONS_IN_PROCESS: 'false', READ_STORE: 'mongodb', EVENT_STORE: 'kurrentdb' });
    expect(services['kurrentdb-1'].environment.KURRENTDB_GOSSIP_SEED).toBe('kurrentdb-2:2113,kurrentdb-3:2113');
  });

  it('Dockerfile builds both apps and runs as a non-root user with a health check', () => {
    const dockerfile = readFileSync(join(deploy, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/nest build api/);
    expect(dockerfile).toMatch(/nest build projector/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile.match(/^FROM \S+/gm)?.every((from) => pinned(from.slice(5)))).toBe(true);
  });
});
