/**
 * A generated monorepo as a large company has one: `packages` packages of which `services` are
 * services, on five stacks in three languages (TypeScript in a pnpm workspace, Go in go.work, Python
 * in a uv workspace), the rest shared libraries some services depend on. As path -> content, for
 * viewFromObject in tests and written to disk by scripts/bench.mjs.
 */
const pad = (n: number) => String(n).padStart(4, '0');

const STACKS = [
  { kind: 'npm', deps: { fastify: '^5.0.0', pg: '^8.13.0', kafkajs: '^2.2.4' } },
  { kind: 'npm', deps: { express: '^4.21.0', mongodb: '^6.10.0', ioredis: '^5.4.1' } },
  { kind: 'npm', deps: { '@nestjs/core': '^10.4.0', '@aws-sdk/client-sqs': '^3.679.0', '@aws-sdk/client-dynamodb': '^3.679.0' } },
  { kind: 'go', requires: ['github.com/gin-gonic/gin v1.10.0', 'github.com/jackc/pgx/v5 v5.7.1', 'github.com/nats-io/nats.go v1.37.0'] },
  { kind: 'python', deps: ['fastapi>=0.115', 'sqlalchemy>=2.0', 'psycopg>=3.2', 'redis>=5.0'] },
] as const;

export interface GeneratedWorkspace {
  files: Record<string, string>;
  /** The services' folders, sorted as detection sorts packages. */
  services: string[];
}

export function generatedWorkspace(packages: number, services: number): GeneratedWorkspace {
  const files: Record<string, string> = {};
  const goDirs: string[] = [];
  const pyDirs: string[] = [];
  const serviceDirs: string[] = [];
  const libraries = packages - services;
  for (let i = 0; i < libraries; i++) {
    const dir = `packages/lib-${pad(i)}`;
    const deps = i % 4 === 0 ? { zod: '^3.23.0', pg: '^8.13.0' } : { zod: '^3.23.0' };
    files[`${dir}/package.json`] = `${JSON.stringify({ name: `@corp/lib-${pad(i)}`, version: '1.0.0', dependencies: deps }, null, 2)}\n`;
    files[`${dir}/src/index.ts`] = 'export {};\n';
  }
  for (let i = 0; i < services; i++) {
    const stack = STACKS[i % STACKS.length]!;
    const dir = `services/svc-${pad(i)}`;
    serviceDirs.push(dir);
    files[`${dir}/Dockerfile`] = 'FROM gcr.io/distroless/base-debian12\n';
    if (stack.kind === 'npm') {
      const lib = `@corp/lib-${pad((i * 7) % Math.max(1, libraries))}`;
      files[`${dir}/package.json`] = `${JSON.stringify({ name: `@corp/svc-${pad(i)}`, version: '1.0.0', dependencies: { ...stack.deps, ...(libraries > 0 ? { [lib]: 'workspace:*' } : {}) } }, null, 2)}\n`;
      files[`${dir}/tsconfig.json`] = '{ "compilerOptions": { "strict": true } }\n';
      files[`${dir}/src/index.ts`] = 'export {};\n';
    } else if (stack.kind === 'go') {
      goDirs.push(dir);
      files[`${dir}/go.mod`] = `module github.com/corp/platform/svc-${pad(i)}\n\ngo 1.23\n\nrequire (\n${stack.requires.map((r) => `\t${r}`).join('\n')}\n)\n`;
      files[`${dir}/main.go`] = 'package main\n\nfunc main() {}\n';
    } else {
      pyDirs.push(dir);
      files[`${dir}/pyproject.toml`] = `[project]\nname = "svc-${pad(i)}"\nversion = "1.0.0"\ndependencies = [${stack.deps.map((d) => JSON.stringify(d)).join(', ')}]\n`;
      files[`${dir}/app/main.py`] = 'from fastapi import FastAPI\n\napp = FastAPI()\n';
    }
  }
  files['package.json'] = `${JSON.stringify({ name: 'platform', private: true }, null, 2)}\n`;
  files['pnpm-workspace.yaml'] = 'packages:\n  - "packages/*"\n  - "services/*"\n';
  if (goDirs.length > 0) files['go.work'] = `go 1.23\n\nuse (\n${goDirs.map((d) => `\t./${d}`).join('\n')}\n)\n`;
  if (pyDirs.length > 0) files['pyproject.toml'] = `[tool.uv.workspace]\nmembers = [${pyDirs.map((d) => JSON.stringify(d)).join(', ')}]\n`;
  return { files, services: serviceDirs.sort() };
}
