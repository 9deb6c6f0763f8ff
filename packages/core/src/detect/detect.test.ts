import { describe, expect, it } from 'vitest';
import { detectRepo } from './detect.js';
import { detectedAnswers } from './answers.js';
import { viewFromObject } from '../repo-view.js';
import { REPOS, type RepoName } from '../test-support/repos.js';
import type { Detection, Finding } from './types.js';
import { resolveAnswers } from '../answers/resolve.js';
import { library } from '../library/index.js';
import type { FacetKind } from '../library/schema.js';

const detect = (name: RepoName) => detectRepo(viewFromObject(REPOS[name]));

/** The detected stack by kind, ids only, for exact comparison. */
function stackOf(findings: readonly Finding[]): Partial<Record<FacetKind, string[]>> {
  const out: Partial<Record<FacetKind, string[]>> = {};
  for (const f of findings) (out[f.kind] ??= []).push(f.id);
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** "file: detail" lines behind one finding (strong or weak), weak evidence marked " (weak)". */
function evidenceOf(detection: Pick<Detection, 'findings'> & { weak?: readonly Finding[] }, id: string): string[] {
  const finding = detection.findings.find((f) => f.id === id) ?? detection.weak?.find((f) => f.id === id);
  return finding ? finding.evidence.map((e) => `${e.file}: ${e.detail}${e.weak ? ' (weak)' : ''}`) : [];
}

describe('detectRepo: Kubernetes manifests', () => {
  it('finds them in block and flow style, quoted keys too, and does not take other YAML for one', () => {
    const d = detectRepo(viewFromObject({
      'deploy/service.yaml': '{"apiVersion": v1, "kind": Service, metadata: {name: ledger}}\n',
      'deploy/rules.yaml': 'groups:\n  - name: ledger\n    rules:\n      - alert: HighErrorRate\n        expr: up == 0\n',
    }));
    expect(evidenceOf(d, 'kubernetes')).toEqual(['deploy/service.yaml: Service ledger']);
  });
});

describe('detectRepo: single-service repositories', () => {
  it('Go: Gin, PostgreSQL, Redis, Kafka, SQS, AWS, Docker, Kubernetes, Terraform, gRPC', () => {
    const d = detect('go-gin');
    expect(stackOf(d.findings)).toEqual({
      language: ['go'],
      framework: ['gin'],
      datastore: ['postgresql', 'redis'],
      messaging: ['kafka', 'sqs-sns'],
      cloud: ['aws'],
      infrastructure: ['docker', 'kubernetes', 'terraform'],
      api: ['grpc'],
    });
    expect(evidenceOf(d, 'go')).toEqual(['go.mod: module github.com/acme/ledger', 'Dockerfile: FROM golang:1.23']);
    expect(evidenceOf(d, 'gin')).toEqual(['go.mod: requires github.com/gin-gonic/gin']);
    expect(evidenceOf(d, 'postgresql')).toEqual([
      'go.mod: requires github.com/jackc/pgx/v5',
      'docker-compose.yml: service db: image postgres:16',
      'infra/main.tf: engine = "postgres"',
      '.github/workflows/ci.yml: service image postgres:16',
      '.github/workflows/ci.yml: service postgres',
    ]);
    expect(evidenceOf(d, 'redis')).toEqual(['go.mod: requires github.com/redis/go-redis/v9', 'docker-compose.yml: service cache: image redis:7-alpine']);
    expect(evidenceOf(d, 'kafka')).toEqual(['go.mod: requires github.com/IBM/sarama', 'docker-compose.yml: service broker: image bitnami/kafka:3.8']);
    expect(evidenceOf(d, 'sqs-sns')).toEqual(['go.mod: requires github.com/aws/aws-sdk-go-v2/service/sqs', 'infra/main.tf: resource aws_sqs_queue']);
    expect(evidenceOf(d, 'aws')).toEqual([
      'go.mod: requires github.com/aws/aws-sdk-go-v2/service/sqs',
      'infra/main.tf: provider "aws"',
      '.github/workflows/ci.yml: uses aws-actions/configure-aws-credentials@v4',
    ]);
    expect(evidenceOf(d, 'kubernetes')).toEqual(['deploy/k8s/deployment.yaml: Deployment ledger and 1 more']);
    expect(evidenceOf(d, 'terraform')).toEqual(['infra/main.tf: Terraform configuration']);
    expect(evidenceOf(d, 'docker')).toEqual(['Dockerfile: container image build', 'docker-compose.yml: Compose file with 3 services']);
    expect(evidenceOf(d, 'grpc')).toEqual(['go.mod: requires google.golang.org/grpc', 'api/ledger.proto: Protocol Buffers definition']);
    // The commented-out MSK cluster and the indirect requirement are not evidence of anything.
    expect(JSON.stringify(d)).not.toMatch(/msk|x\/sync/);
    expect(d.service).toEqual({ name: 'ledger', evidence: { file: 'go.mod', detail: 'module github.com/acme/ledger' } });
    expect(d.ci).toEqual([{ name: 'GitHub Actions', files: ['.github/workflows/ci.yml'] }]);
    expect(d.monorepo).toBeNull();
  });

  it('Java: Spring Boot on Maven, PostgreSQL, DynamoDB, Redis from a Helm dependency, Kafka, AWS, Docker, Helm, OpenAPI', () => {
    const d = detect('java-spring');
    expect(stackOf(d.findings)).toEqual({
      language: ['java'],
      framework: ['spring-boot'],
      datastore: ['dynamodb', 'postgresql', 'redis'],
      messaging: ['kafka'],
      cloud: ['aws'],
      infrastructure: ['docker', 'helm'],
      api: ['rest'],
    });
    expect(evidenceOf(d, 'java')).toEqual(['pom.xml: Maven project', 'Dockerfile: FROM eclipse-temurin:21-jre']);
    expect(evidenceOf(d, 'spring-boot')).toEqual([
      'pom.xml: parent org.springframework.boot:spring-boot-starter-parent',
      'pom.xml: dependency org.springframework.boot:spring-boot-starter-web',
    ]);
    expect(evidenceOf(d, 'postgresql')).toEqual(['pom.xml: dependency org.postgresql:postgresql']);
    expect(evidenceOf(d, 'dynamodb')).toEqual(['pom.xml: dependency software.amazon.awssdk:dynamodb']);
    expect(evidenceOf(d, 'aws')).toEqual(['pom.xml: dependency software.amazon.awssdk:dynamodb']);
    expect(evidenceOf(d, 'redis')).toEqual(['charts/payments/Chart.yaml: chart dependency redis']);
    expect(evidenceOf(d, 'kafka')).toEqual(['pom.xml: dependency org.springframework.kafka:spring-kafka']);
    expect(evidenceOf(d, 'helm')).toEqual(['charts/payments/Chart.yaml: chart payments']);
    expect(evidenceOf(d, 'rest')).toEqual(['src/main/resources/openapi.yaml: OpenAPI document']);
    // Helm templates are not manifests (they are not YAML until rendered).
    expect(d.findings.some((f) => f.id === 'kubernetes')).toBe(false);
    expect(d.service?.name).toBe('payments');
  });

  it('Kotlin: Ktor on Gradle (Kotlin DSL, version catalog), MongoDB, RabbitMQ, Pub/Sub, GCP, Kubernetes, Istio', () => {
    const d = detect('kotlin-ktor');
    expect(stackOf(d.findings)).toEqual({
      language: ['kotlin'],
      framework: ['ktor'],
      datastore: ['mongodb'],
      messaging: ['gcp-pubsub', 'rabbitmq'],
      cloud: ['gcp'],
      infrastructure: ['kubernetes', 'service-mesh'],
      api: ['rest'],
    });
    expect(evidenceOf(d, 'kotlin')).toEqual(['build.gradle.kts: plugin kotlin("jvm")']);
    expect(evidenceOf(d, 'ktor')).toEqual(['build.gradle.kts: dependency io.ktor:ktor-server-core-jvm', 'build.gradle.kts: plugin io.ktor.plugin']);
    expect(evidenceOf(d, 'mongodb')).toEqual(['build.gradle.kts: dependency org.mongodb:mongodb-driver-sync']);
    expect(evidenceOf(d, 'rabbitmq')).toEqual(['build.gradle.kts: dependency com.rabbitmq:amqp-client']);
    expect(evidenceOf(d, 'gcp-pubsub')).toEqual(['gradle/libs.versions.toml: library com.google.cloud:google-cloud-pubsub']);
    expect(evidenceOf(d, 'gcp')).toEqual(['gradle/libs.versions.toml: library com.google.cloud:google-cloud-pubsub', 'cloudbuild.yaml: Cloud Build pipeline']);
    expect(evidenceOf(d, 'service-mesh')).toEqual(['k8s/virtual-service.yaml: VirtualService (networking.istio.io/v1)']);
    expect(evidenceOf(d, 'rest')[0]).toMatch(/^build\.gradle\.kts: inferred: Ktor serves HTTP/);
    // The commented-out PostgreSQL driver is not evidence.
    expect(d.findings.some((f) => f.id === 'postgresql')).toBe(false);
    expect(d.ci).toEqual([{ name: 'Google Cloud Build', files: ['cloudbuild.yaml'] }]);
  });

  it('Python: FastAPI (PEP 621), PostgreSQL, Redis, Kafka, AWS, Docker, Serverless', () => {
    const d = detect('python-fastapi');
    expect(stackOf(d.findings)).toEqual({
      language: ['python'],
      framework: ['fastapi'],
      datastore: ['postgresql', 'redis'],
      messaging: ['kafka'],
      cloud: ['aws'],
      infrastructure: ['docker', 'serverless'],
      api: ['rest'],
    });
    expect(evidenceOf(d, 'python')).toEqual(['pyproject.toml: Python project', 'requirements-dev.txt: Python requirements', 'Dockerfile: FROM python:3.12-slim']);
    expect(evidenceOf(d, 'fastapi')).toEqual(['pyproject.toml: requires fastapi']);
    // The Testcontainers module in the dev group is shown, as weak evidence after the runtime driver.
    expect(evidenceOf(d, 'postgresql')).toEqual(['pyproject.toml: requires asyncpg', 'pyproject.toml: requires testcontainers[postgres]: extra postgres (weak)']);
    expect(evidenceOf(d, 'redis')).toEqual(['pyproject.toml: requires redis[hiredis]']);
    expect(evidenceOf(d, 'kafka')).toEqual(['pyproject.toml: requires aiokafka']);
    expect(evidenceOf(d, 'aws')).toEqual(['pyproject.toml: requires boto3', 'serverless.yml: provider.name aws']);
    expect(evidenceOf(d, 'serverless')).toEqual(['serverless.yml: Serverless Framework service']);
    expect(d.service?.name).toBe('quotes');
  });

  it('Python: Django (Poetry), PostgreSQL and RabbitMQ from GitLab CI services, Redis from Terraform, GCP', () => {
    const d = detect('python-django');
    expect(stackOf(d.findings)).toEqual({
      language: ['python'],
      framework: ['django'],
      datastore: ['postgresql', 'redis'],
      messaging: ['rabbitmq'],
      cloud: ['gcp'],
      infrastructure: ['terraform'],
      api: ['rest'],
    });
    expect(evidenceOf(d, 'django')).toEqual(['pyproject.toml: requires django']);
    expect(evidenceOf(d, 'postgresql')).toEqual([
      'pyproject.toml: requires psycopg2-binary',
      'infra/main.tf: database_version = "POSTGRES_16"',
      '.gitlab-ci.yml: service image postgres:16',
    ]);
    expect(evidenceOf(d, 'redis')).toEqual(['infra/main.tf: resource google_redis_instance']);
    expect(evidenceOf(d, 'rabbitmq')).toEqual(['pyproject.toml: requires pika', '.gitlab-ci.yml: service image rabbitmq:3-management']);
    expect(evidenceOf(d, 'gcp')).toEqual(['infra/main.tf: provider "google"']);
    expect(d.ci).toEqual([{ name: 'GitLab CI', files: ['.gitlab-ci.yml'] }]);
    expect(d.service?.name).toBe('catalogue');
  });

  it('TypeScript: NestJS, PostgreSQL, Redis, Kafka, SQS, AWS (LocalStack), Docker, GraphQL', () => {
    const d = detect('typescript-nestjs');
    expect(stackOf(d.findings)).toEqual({
      language: ['typescript'],
      framework: ['nestjs'],
      datastore: ['postgresql', 'redis'],
      messaging: ['kafka', 'sqs-sns'],
      cloud: ['aws'],
      infrastructure: ['docker'],
      api: ['graphql'],
    });
    expect(evidenceOf(d, 'typescript')).toEqual(['tsconfig.json: TypeScript compiler configuration', 'Dockerfile: FROM node:20-alpine', 'package.json: devDependency typescript (weak)']);
    expect(evidenceOf(d, 'nestjs')).toEqual(['package.json: dependency @nestjs/core', 'package.json: dependency @nestjs/graphql']);
    expect(evidenceOf(d, 'postgresql')).toEqual(['package.json: dependency pg', 'compose.yaml: service postgres: image postgres:16', 'package.json: devDependency @types/pg (weak)']);
    expect(evidenceOf(d, 'sqs-sns')).toEqual(['package.json: dependency @aws-sdk/client-sqs']);
    expect(evidenceOf(d, 'aws')).toEqual(['package.json: dependency @aws-sdk/client-sqs', 'compose.yaml: service localstack: image localstack/localstack:3']);
    expect(evidenceOf(d, 'graphql')).toEqual(['package.json: dependency @nestjs/graphql', 'src/schema.graphql: GraphQL schema']);
    expect(d.service).toEqual({ name: 'orders', evidence: { file: 'package.json', detail: 'name @acme/orders' } });
  });

  it('Rust: Axum, PostgreSQL from an sqlx feature, Redis, Kafka, AWS SDK, Docker, Kubernetes', () => {
    const d = detect('rust-axum');
    expect(stackOf(d.findings)).toEqual({
      language: ['rust'],
      framework: ['axum'],
      datastore: ['postgresql', 'redis'],
      messaging: ['kafka'],
      cloud: ['aws'],
      infrastructure: ['docker', 'kubernetes'],
      api: ['rest'],
    });
    expect(evidenceOf(d, 'rust')).toEqual(['Cargo.toml: crate pricing', 'Dockerfile: FROM rust:1.82']);
    expect(evidenceOf(d, 'axum')).toEqual(['Cargo.toml: dependency axum']);
    expect(evidenceOf(d, 'postgresql')).toEqual(['Cargo.toml: dependency sqlx with feature postgres']);
    expect(evidenceOf(d, 'redis')).toEqual(['Cargo.toml: dependency redis']);
    expect(evidenceOf(d, 'kafka')).toEqual(['Cargo.toml: dependency rdkafka']);
    expect(evidenceOf(d, 'aws')).toEqual(['Cargo.toml: dependency aws-config', 'Cargo.toml: dependency aws-sdk-s3']);
    expect(evidenceOf(d, 'kubernetes')).toEqual(['deploy/deployment.yml: Deployment pricing']);
  });

  it('C#: ASP.NET Core, PostgreSQL (Npgsql), Redis, RabbitMQ, Azure, Terraform with AKS, Docker', () => {
    const d = detect('csharp-aspnet');
    expect(stackOf(d.findings)).toEqual({
      language: ['csharp'],
      framework: ['aspnet-core'],
      datastore: ['postgresql', 'redis'],
      messaging: ['rabbitmq'],
      cloud: ['azure'],
      infrastructure: ['docker', 'kubernetes', 'terraform'],
      api: ['rest'],
    });
    expect(evidenceOf(d, 'csharp')).toEqual([
      'src/Shipping.Api/Shipping.Api.csproj: C# project',
      'src/Shipping.Api/Dockerfile: FROM mcr.microsoft.com/dotnet/sdk:8.0',
      'src/Shipping.Api/Dockerfile: FROM mcr.microsoft.com/dotnet/aspnet:8.0',
    ]);
    expect(evidenceOf(d, 'aspnet-core')).toEqual(['src/Shipping.Api/Shipping.Api.csproj: Sdk="Microsoft.NET.Sdk.Web"', 'src/Shipping.Api/Dockerfile: FROM mcr.microsoft.com/dotnet/aspnet:8.0']);
    expect(evidenceOf(d, 'postgresql')).toEqual(['src/Shipping.Api/Shipping.Api.csproj: package Npgsql.EntityFrameworkCore.PostgreSQL']);
    expect(evidenceOf(d, 'redis')).toEqual(['src/Shipping.Api/Shipping.Api.csproj: package StackExchange.Redis']);
    expect(evidenceOf(d, 'rabbitmq')).toEqual(['src/Shipping.Api/Shipping.Api.csproj: package RabbitMQ.Client']);
    expect(evidenceOf(d, 'azure')).toEqual(['src/Shipping.Api/Shipping.Api.csproj: package Azure.Identity', 'infra/aks.tf: provider "azurerm"']);
    expect(evidenceOf(d, 'kubernetes')).toEqual(['infra/aks.tf: resource azurerm_kubernetes_cluster']);
  });
});

describe('detectRepo: monorepos', () => {
  it('pnpm workspace with Turborepo: each package has its own stack; the repository has them all', () => {
    const d = detect('pnpm-monorepo');
    expect(d.monorepo?.tools).toEqual([
      { file: 'pnpm-workspace.yaml', detail: 'pnpm workspace: apps/*, services/*, !**/fixtures/**' },
      { file: 'turbo.json', detail: 'Turborepo pipeline' },
    ]);
    const packages = Object.fromEntries(d.monorepo!.packages.map((p) => [p.path, { name: p.name, stack: stackOf(p.findings) }]));
    expect(packages).toEqual({
      'apps/bff': { name: '@acme/bff', stack: { language: ['typescript'], framework: ['express'], datastore: ['redis'], api: ['rest'] } },
      'services/orders': { name: '@acme/orders', stack: { language: ['typescript'], framework: ['fastify'], datastore: ['postgresql'], messaging: ['kafka'], infrastructure: ['docker'], api: ['rest'] } },
      'services/worker': { name: 'github.com/acme/platform/worker', stack: { language: ['go'], messaging: ['nats'] } },
    });
    const orders = d.monorepo!.packages.find((p) => p.path === 'services/orders')!;
    expect(evidenceOf(orders, 'fastify')).toEqual(['services/orders/package.json: dependency fastify']);
    expect(evidenceOf(orders, 'docker')).toEqual(['services/orders/Dockerfile: container image build']);
    const worker = d.monorepo!.packages.find((p) => p.path === 'services/worker')!;
    expect(evidenceOf(worker, 'nats')).toEqual(['services/worker/go.mod: requires github.com/nats-io/nats.go']);

    expect(stackOf(d.findings)).toEqual({
      language: ['go', 'typescript'],
      framework: ['express', 'fastify'],
      datastore: ['postgresql', 'redis'],
      messaging: ['kafka', 'nats'],
      infrastructure: ['docker'],
      api: ['rest'],
    });
    expect(evidenceOf(d, 'postgresql')).toEqual(['docker-compose.yml: service postgres: image postgres:16', 'services/orders/package.json: dependency pg']);
    expect(evidenceOf(d, 'typescript')).toContain('tsconfig.base.json: TypeScript compiler configuration');
    // The workspace root names the platform; no single service name is guessed from it.
    expect(d.service?.name).toBe('acme-platform');
  });

  it('Go workspace: the API and the worker keep their own stacks; Helm and Jenkins at the root', () => {
    const d = detect('go-workspace');
    expect(d.monorepo?.tools).toEqual([{ file: 'go.work', detail: 'Go workspace: api, worker' }]);
    const packages = Object.fromEntries(d.monorepo!.packages.map((p) => [p.path, { name: p.name, stack: stackOf(p.findings) }]));
    expect(packages).toEqual({
      api: { name: 'github.com/acme/fleet/api', stack: { language: ['go'], framework: ['gin'], datastore: ['postgresql'], api: ['rest'] } },
      worker: { name: 'github.com/acme/fleet/worker', stack: { language: ['go'], datastore: ['dynamodb'], messaging: ['kafka'], cloud: ['aws'], infrastructure: ['docker'] } },
    });
    const worker = d.monorepo!.packages.find((p) => p.path === 'worker')!;
    expect(evidenceOf(worker, 'dynamodb')).toEqual(['worker/go.mod: requires github.com/aws/aws-sdk-go-v2/service/dynamodb']);
    expect(evidenceOf(worker, 'kafka')).toEqual(['worker/go.mod: requires github.com/twmb/franz-go']);
    expect(stackOf(d.findings)).toEqual({
      language: ['go'],
      framework: ['gin'],
      datastore: ['dynamodb', 'postgresql'],
      messaging: ['kafka'],
      cloud: ['aws'],
      infrastructure: ['docker', 'helm'],
      api: ['rest'],
    });
    expect(evidenceOf(d, 'helm')).toEqual(['deploy/helmfile.yaml: helmfile']);
    expect(d.ci).toEqual([{ name: 'Jenkins', files: ['Jenkinsfile'] }]);
  });
});

describe('detectRepo: around the stack', () => {
  it('reports agents other tools already read, and the ADR log to continue', () => {
    const d = detectRepo(viewFromObject({
      '.claude/agents/reviewer.md': '---\nname: reviewer\n---\n',
      '.github/copilot-instructions.md': '# Copilot\n',
      '.cursor/rules/api.mdc': '---\nalwaysApply: true\n---\n',
      'AGENTS.md': '# Agents\n',
      'services/api/AGENTS.md': '# API agents\n',
      '.adr-dir': 'docs/decisions\n',
      'docs/decisions/0001-record-architecture-decisions.md': '# 1. Record architecture decisions\n\n## Status\n\nAccepted\n',
      'docs/decisions/0002-use-kafka.md': '# 2. Use Kafka\n\n## Status\n\nAccepted\n',
    }));
    expect(d.agents).toEqual([
      { tool: 'claude', path: '.claude/agents/reviewer.md' },
      { tool: 'cursor', path: '.cursor/rules/api.mdc' },
      { tool: 'copilot', path: '.github/copilot-instructions.md' },
      { tool: 'agents-md', path: 'AGENTS.md' },
      { tool: 'agents-md', path: 'services/api/AGENTS.md' },
    ]);
    expect(d.adrLog).toEqual({ dir: 'docs/decisions', count: 2, evidence: [{ file: '.adr-dir', detail: 'names docs/decisions/ (2 records, highest 2)' }] });
    expect(d.findings).toEqual([]);
  });

  it('reports languages the library has no facet for, while still reading their datastores', () => {
    const d = detectRepo(viewFromObject({ Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.2'\ngem \"pg\"\ngem 'aws-sdk-s3'\n", 'composer.json': '{}' }));
    expect(d.unsupported.map((u) => u.name)).toEqual(['Ruby', 'Ruby on Rails', 'PHP']);
    expect(stackOf(d.findings)).toEqual({ datastore: ['postgresql'], cloud: ['aws'] });
    expect(evidenceOf(d, 'aws')).toEqual(['Gemfile: gem aws-sdk-s3']);
  });

  it('reads the database from a Prisma schema', () => {
    const d = detectRepo(viewFromObject({
      'package.json': '{"dependencies":{"@prisma/client":"^5.0.0"}}',
      'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
    }));
    expect(evidenceOf(d, 'postgresql')).toEqual(['prisma/schema.prisma: datasource provider "postgresql"']);
  });

  it('does not take a tooling-only package.json for a Node.js service', () => {
    const d = detectRepo(viewFromObject({ 'go.mod': 'module example.com/svc\n', 'package.json': '{"devDependencies":{"husky":"^9"}}' }));
    expect(stackOf(d.findings)).toEqual({ language: ['go'] });
  });

  it('skips files that do not parse instead of failing', () => {
    const d = detectRepo(viewFromObject({
      'package.json': '{ not json',
      'pyproject.toml': '[project\nname =',
      'pom.xml': '<project><dependencies><dependency>',
      'docker-compose.yml': 'services: [unclosed',
      'k8s/bad.yaml': 'apiVersion: v1\nkind: [',
      'go.mod': 'module example.com/ok\n',
    }));
    expect(stackOf(d.findings).language).toContain('go');
  });

  it('finds nothing in an empty repository', () => {
    expect(detectRepo(viewFromObject({}))).toEqual({ findings: [], weak: [], unsupported: [], monorepo: null, ci: [], agents: [], adrLog: null, service: null });
  });
});

describe('detectedAnswers', () => {
  it('turns findings into the stack answers, each value with its evidence', () => {
    const detected = detectedAnswers(detect('go-gin'));
    expect(detected.values).toEqual({
      stack: {
        languages: ['go'],
        frameworks: ['gin'],
        datastores: ['postgresql', 'redis'],
        messaging: ['kafka', 'sqs-sns'],
        cloud: ['aws'],
        infrastructure: ['docker', 'kubernetes', 'terraform'],
        apiStyles: ['grpc'],
      },
      service: { name: 'ledger' },
    });
    expect(detected.evidence['stack.frameworks']).toEqual({ gin: [{ file: 'go.mod', detail: 'requires github.com/gin-gonic/gin' }] });
    expect(detected.evidence['service.name']).toEqual({ ledger: [{ file: 'go.mod', detail: 'module github.com/acme/ledger' }] });
  });

  it('answers every stack list once anything is found, so no default technology slips in', () => {
    const detected = detectedAnswers(detect('python-django'));
    const { answers } = resolveAnswers([{ source: 'detected', values: detected.values }], library);
    expect(answers.stack).toEqual({
      languages: ['python'],
      frameworks: ['django'],
      datastores: ['postgresql', 'redis'],
      messaging: ['rabbitmq'],
      cloud: ['gcp'],
      infrastructure: ['terraform'],
      apiStyles: ['rest'],
    });
  });

  it('answers nothing about the stack when nothing was found, and carries the ADR folder', () => {
    const detected = detectedAnswers(detectRepo(viewFromObject({ 'doc/adr/0001-use-adrs.md': '# 1. Use ADRs\n' })));
    expect(detected.values).toEqual({ outputs: { paths: { adrDir: 'doc/adr' } } });
  });

  it('every answer it gives resolves for every fixture repository', () => {
    for (const name of Object.keys(REPOS) as RepoName[]) {
      expect(() => resolveAnswers([{ source: name, values: detectedAnswers(detect(name)).values }], library), name).not.toThrow();
    }
  });
});
