// The deployment files read as their tools read them: every probe path and port exists in the app, every variable
// is one the config knows, and the compose front is the template the cluster tests run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { ConfigSchema } from '../../src/config.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { createTestApp } from '../helpers/app.js';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, 'deploy', path), 'utf8');
const known = Object.keys(ConfigSchema.shape);

interface Probe {
  httpGet: { path: string; port: string };
}

describe('deploy/k8s', () => {
  const kustomization = parse(read('k8s/kustomization.yaml')) as { resources: string[] };
  const docs = kustomization.resources.flatMap((file) => parseAllDocuments(read(`k8s/${file}`)).map((d) => d.toJS()));
  const byKind = (kind: string) => docs.find((d) => d.kind === kind);

  it('holds a Deployment, Service, PodDisruptionBudget, autoscaling/v2 HPA and ConfigMap', () => {
    expect(docs.map((d) => d.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Service'].sort(),
    );
    expect(byKind('HorizontalPodAutoscaler').apiVersion).toBe('autoscaling/v2');
  });

  it('probes paths the app answers, on the port it listens on, with a preStop pause and resources', async () => {
    const container = byKind('Deployment').spec.template.spec.containers[0];
    const config = byKind('ConfigMap').data as Record<string, string>;
    const port = container.ports.find((p: { name: string }) => p.name === 'http');
    expect(String(port.containerPort)).toBe(config.PORT);
    const probes = [container.readinessProbe, container.livenessProbe, container.startupProbe] as Probe[];
    expect(probes.map((p) => p.httpGet.path)).toEqual(['/readyz', '/livez', '/readyz']);
    expect(container.lifecycle.preStop).toBeDefined();
    expect(container.resources.requests.cpu).toBeDefined();
    expect(container.resources.limits.memory).toBeDefined();
    const app = await createTestApp();
    try {
      for (const probe of probes) {
        expect(probe.httpGet.port).toBe('http');
        expect((await app.inject({ url: probe.httpGet.path })).statusCode).toBe(200);
      }
    } finally {
      await app.close();
    }
    expect(byKind('Service').spec.ports[0].targetPort).toBe('http');
  });

  it('sets only variables the config knows, and values it accepts', () => {
    const config = byKind('ConfigMap').data as Record<string, string>;
    for (const name of Object.keys(config)) expect(known).toContain(name);
    expect(() => ConfigSchema.parse(config)).not.toThrow();
    expect(Number(config.DRAIN_DELAY)).toBeGreaterThan(0);
  });
});

describe('deploy/compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<
      string,
      { environment: Record<string, string>; volumes?: string[]; deploy?: { replicas: number } }
    >;
  };

  it('runs several API replicas with variables the config knows, and nginx with the cluster template', () => {
    const api = compose.services.api;
    expect(api?.deploy?.replicas).toBeGreaterThan(1);
    for (const name of Object.keys(api?.environment ?? {})) expect(known).toContain(name);
    expect(() => ConfigSchema.parse(api?.environment)).not.toThrow();
    const front = compose.services.front;
    expect(front?.volumes?.[0]).toMatch(/^\.\/nginx\/nginx\.conf\.template:/);
    // Every placeholder of the template has a value in the front's environment.
    const placeholders = [...read('nginx/nginx.conf.template').matchAll(/\$\{([A-Z_]+)\}/g)].map((m) => m[1]);
    for (const name of new Set(placeholders)) expect(Object.keys(front?.environment ?? {})).toContain(name);
  });
});
