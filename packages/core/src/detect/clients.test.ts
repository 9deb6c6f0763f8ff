/**
 * Package names as the team knows them, per ecosystem, and the client libraries detection learned
 * (MassTransit transports, and a sweep of each language's common clients for the facets there are),
 * each with the evidence a reader sees: the file and what in it.
 */
import { describe, expect, it } from 'vitest';
import { detectRepo } from './detect.js';
import { viewFromObject } from '../repo-view.js';

const pnpm = (pkg: string, manifest: string, content: string) => ({
  'pnpm-workspace.yaml': 'packages:\n  - "services/*"\n',
  'package.json': '{ "name": "root", "private": true }',
  'services/other/package.json': '{ "name": "@shop/other" }',
  [`services/${pkg}/${manifest}`]: content,
});

describe('packages are named by their package names', () => {
  const CASES: Array<[string, Record<string, string>, string, string, string]> = [
    ['npm package.json name', pnpm('orders', 'package.json', '{ "name": "@shop/orders" }'), 'services/orders', '@shop/orders', 'services/orders/package.json: name @shop/orders'],
    ['Go module path', { 'go.work': 'go 1.23\n\nuse (\n\t./ledger\n\t./api\n)\n', 'ledger/go.mod': 'module github.com/shop/ledger/v2\n\ngo 1.23\n', 'api/go.mod': 'module github.com/shop/api\n' }, 'ledger', 'github.com/shop/ledger/v2', 'ledger/go.mod: module github.com/shop/ledger/v2'],
    ['Maven groupId:artifactId', { 'pom.xml': '<project><groupId>com.shop</groupId><artifactId>parent</artifactId><modules><module>orders</module><module>web</module></modules></project>', 'orders/pom.xml': '<project><parent><groupId>com.shop</groupId></parent><artifactId>orders-service</artifactId></project>', 'web/pom.xml': '<project><artifactId>web</artifactId></project>' }, 'orders', 'com.shop:orders-service', 'orders/pom.xml: artifactId orders-service (groupId com.shop)'],
    ['Gradle group:project', { 'settings.gradle.kts': 'include("billing", "web")\n', 'billing/build.gradle.kts': 'group = "com.shop"\n', 'web/build.gradle.kts': '' }, 'billing', 'com.shop:billing', 'billing/build.gradle.kts: Gradle project billing (group com.shop)'],
    ['Cargo package name', { 'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n', 'crates/api/Cargo.toml': '[package]\nname = "pricing-api"\n', 'crates/db/Cargo.toml': '[package]\nname = "pricing-db"\n' }, 'crates/api', 'pricing-api', 'crates/api/Cargo.toml: crate pricing-api'],
    ['.NET AssemblyName', { 'Shop.sln': 'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Ordering", "src\\Ordering\\Ordering.csproj", "{1}"\nEndProject\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Basket", "src\\Basket\\Basket.csproj", "{2}"\nEndProject\n', 'src/Ordering/Ordering.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><AssemblyName>Shop.Ordering.Api</AssemblyName></PropertyGroup></Project>', 'src/Basket/Basket.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>' }, 'src/Ordering', 'Shop.Ordering.Api', 'src/Ordering/Ordering.csproj: .NET project Shop.Ordering.Api'],
  ];
  for (const [what, files, path, name, evidence] of CASES) {
    it(what, () => {
      const pkg = detectRepo(viewFromObject(files)).monorepo!.packages.find((p) => p.path === path)!;
      expect(pkg.name).toBe(name);
      expect(`${pkg.nameEvidence.file}: ${pkg.nameEvidence.detail}`).toBe(evidence);
    });
  }
});

describe('client libraries, each with its evidence', () => {
  const npm = (dep: string) => ({ 'package.json': JSON.stringify({ name: 'svc', dependencies: { [dep]: '1.0.0' } }) });
  const go = (mod: string) => ({ 'go.mod': `module example.com/svc\n\ngo 1.23\n\nrequire ${mod} v1.0.0\n` });
  const pypi = (dep: string) => ({ 'pyproject.toml': `[project]\nname = "svc"\ndependencies = ["${dep}>=1"]\n` });
  const nuget = (id: string) => ({ 'Svc.csproj': `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="${id}" Version="8.0.0" /></ItemGroup></Project>` });
  const maven = (group: string, artifact: string) => ({ 'pom.xml': `<project><artifactId>svc</artifactId><dependencies><dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId></dependency></dependencies></project>` });
  const cargo = (crate: string) => ({ 'Cargo.toml': `[package]\nname = "svc"\n\n[dependencies]\n${crate} = "1"\n` });
  const gem = (name: string) => ({ Gemfile: `source "https://rubygems.org"\ngem "${name}"\n` });

  const CASES: Array<[Record<string, string>, string, string]> = [
    // MassTransit's transports are the brokers they speak to.
    [nuget('MassTransit.RabbitMQ'), 'rabbitmq', 'Svc.csproj: package MassTransit.RabbitMQ'],
    [nuget('MassTransit.AmazonSQS'), 'sqs-sns', 'Svc.csproj: package MassTransit.AmazonSQS'],
    [nuget('MassTransit.Kafka'), 'kafka', 'Svc.csproj: package MassTransit.Kafka'],
    [nuget('NATS.Client.Core'), 'nats', 'Svc.csproj: package NATS.Client.Core'],
    [nuget('RabbitMQ.Stream.Client'), 'rabbitmq', 'Svc.csproj: package RabbitMQ.Stream.Client'],
    [npm('slonik'), 'postgresql', 'package.json: dependency slonik'],
    [npm('@keyv/redis'), 'redis', 'package.json: dependency @keyv/redis'],
    [npm('iovalkey'), 'redis', 'package.json: dependency iovalkey'],
    [npm('@mikro-orm/mongodb'), 'mongodb', 'package.json: dependency @mikro-orm/mongodb'],
    [npm('dynamodb-toolbox'), 'dynamodb', 'package.json: dependency dynamodb-toolbox'],
    [npm('@platformatic/kafka'), 'kafka', 'package.json: dependency @platformatic/kafka'],
    [npm('rabbitmq-client'), 'rabbitmq', 'package.json: dependency rabbitmq-client'],
    [npm('@cloudamqp/amqp-client'), 'rabbitmq', 'package.json: dependency @cloudamqp/amqp-client'],
    [npm('@nats-io/transport-node'), 'nats', 'package.json: dependency @nats-io/transport-node'],
    [go('github.com/uptrace/bun/driver/pgdriver'), 'postgresql', 'go.mod: requires github.com/uptrace/bun/driver/pgdriver'],
    [go('github.com/go-pg/pg/v10'), 'postgresql', 'go.mod: requires github.com/go-pg/pg/v10'],
    [go('github.com/valkey-io/valkey-go'), 'redis', 'go.mod: requires github.com/valkey-io/valkey-go'],
    [go('github.com/scylladb/gocqlx/v2'), 'cassandra', 'go.mod: requires github.com/scylladb/gocqlx/v2'],
    [go('github.com/apache/cassandra-gocql-driver/v2'), 'cassandra', 'go.mod: requires github.com/apache/cassandra-gocql-driver/v2'],
    [go('github.com/guregu/dynamo'), 'dynamodb', 'go.mod: requires github.com/guregu/dynamo'],
    [go('github.com/lovoo/goka'), 'kafka', 'go.mod: requires github.com/lovoo/goka'],
    [go('github.com/wagslane/go-rabbitmq'), 'rabbitmq', 'go.mod: requires github.com/wagslane/go-rabbitmq'],
    [pypi('coredis'), 'redis', 'pyproject.toml: requires coredis'],
    [pypi('valkey-glide'), 'redis', 'pyproject.toml: requires valkey-glide'],
    [maven('io.awspring.cloud', 'spring-cloud-aws-messaging'), 'sqs-sns', 'pom.xml: dependency io.awspring.cloud:spring-cloud-aws-messaging'],
    [maven('com.google.cloud', 'spring-cloud-gcp-starter-pubsub'), 'gcp-pubsub', 'pom.xml: dependency com.google.cloud:spring-cloud-gcp-starter-pubsub'],
    [cargo('sqlx-postgres'), 'postgresql', 'Cargo.toml: dependency sqlx-postgres'],
    [cargo('sqlx-mysql'), 'mysql', 'Cargo.toml: dependency sqlx-mysql'],
    [cargo('scylla'), 'cassandra', 'Cargo.toml: dependency scylla'],
    [gem('sneakers'), 'rabbitmq', 'Gemfile: gem sneakers'],
    [gem('nats-pure'), 'nats', 'Gemfile: gem nats-pure'],
    [gem('redis-client'), 'redis', 'Gemfile: gem redis-client'],
  ];
  for (const [files, id, evidence] of CASES) {
    it(`${evidence} -> ${id}`, () => {
      const d = detectRepo(viewFromObject(files));
      const found = d.findings.find((f) => f.id === id);
      expect(found?.evidence.map((e) => `${e.file}: ${e.detail}`), JSON.stringify(d.findings.map((f) => f.id))).toContain(evidence);
    });
  }

  it('MassTransit on Azure Service Bus is Azure Service Bus: found, with its evidence, no facet yet', () => {
    const d = detectRepo(viewFromObject(nuget('MassTransit.Azure.ServiceBus.Core')));
    expect(d.unsupported.find((u) => u.name === 'Azure Service Bus')?.evidence).toEqual([{ file: 'Svc.csproj', detail: 'package MassTransit.Azure.ServiceBus.Core' }]);
    expect(d.findings.filter((f) => f.kind === 'messaging')).toEqual([]);
  });
});
