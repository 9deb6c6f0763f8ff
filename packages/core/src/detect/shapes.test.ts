/**
 * Detection on the shapes real repositories take (issue 21): package identity, extras and connection
 * URLs, Aspire resources, API styles that add up, weak dev/test evidence, every workspace shape with
 * real package names and inherited workspace dependencies, and technologies without a facet.
 */
import { describe, expect, it } from 'vitest';
import { detectRepo } from './detect.js';
import { detectedAnswers } from './answers.js';
import { viewFromObject } from '../repo-view.js';
import { REPOS, type RepoName } from '../test-support/repos.js';
import type { Detection, Finding, PackageDetection, Unsupported } from './types.js';
import type { FacetKind } from '../library/schema.js';

const detect = (name: RepoName) => detectRepo(viewFromObject(REPOS[name]));

function stackOf(findings: readonly Finding[]): Partial<Record<FacetKind, string[]>> {
  const out: Partial<Record<FacetKind, string[]>> = {};
  for (const f of findings) (out[f.kind] ??= []).push(f.id);
  for (const list of Object.values(out)) list.sort();
  return out;
}
const line = (e: { file: string; detail: string; weak?: true }) => `${e.file}: ${e.detail}${e.weak ? ' (weak)' : ''}`;
function evidenceOf(d: { findings: readonly Finding[]; weak: readonly Finding[] }, id: string): string[] {
  return (d.findings.find((f) => f.id === id) ?? d.weak.find((f) => f.id === id))?.evidence.map(line) ?? [];
}
const uncovered = (list: readonly Unsupported[]) => Object.fromEntries(list.map((u) => [u.name, u.evidence.map(line)]));
const pkg = (d: Detection, path: string): PackageDetection => d.monorepo!.packages.find((p) => p.path === path)!;
const table = (d: Detection) => Object.fromEntries(d.monorepo!.packages.map((p) => [p.path, { name: p.name, slug: p.slug, stack: stackOf(p.findings), weak: stackOf(p.weak), uses: p.uses }]));

describe('a .NET solution with Aspire', () => {
  const d = detect('dotnet-solution');

  it('splits the solution into its projects, each named by its project (AssemblyName when set)', () => {
    expect(d.monorepo!.tools).toEqual([{ file: 'Shop.sln', detail: '.NET solution: 7 projects' }]);
    expect(d.monorepo!.packages.map((p) => [p.path, p.name, p.slug])).toEqual([
      ['src/Basket.API', 'Basket.API', 'basket-api'],
      ['src/Catalog.Data', 'Catalog.Data', 'catalog-data'],
      ['src/Catalog.Worker', 'Shop.Catalog.Worker', 'shop-catalog-worker'],
      ['src/Notifications.SmsProvider', 'Notifications.SmsProvider', 'notifications-smsprovider'],
      ['src/Ordering.API', 'Ordering.API', 'ordering-api'],
      ['src/Shop.AppHost', 'Shop.AppHost', 'shop-apphost'],
      ['tests/Ordering.FunctionalTests', 'Ordering.FunctionalTests', 'ordering-functionaltests'],
    ]);
  });

  it('reads Aspire wrappers, MassTransit and Microsoft.Extensions integrations by package identity; Google.Protobuf is not Google Cloud', () => {
    expect(stackOf(d.findings)).toEqual({
      language: ['csharp'], framework: ['aspnet-core'], datastore: ['mongodb', 'postgresql', 'redis'],
      messaging: ['rabbitmq'], cloud: ['aws', 'azure'], api: ['grpc', 'rest'],
    });
    expect(evidenceOf(d, 'redis')).toEqual([
      'src/Basket.API/Basket.API.csproj: package Aspire.StackExchange.Redis',
      'src/Basket.API/Basket.API.csproj: package Microsoft.Extensions.Caching.StackExchangeRedis',
      'src/Shop.AppHost/Shop.AppHost.csproj: package Aspire.Hosting.Redis',
      'src/Shop.AppHost/Program.cs: Aspire resource AddRedis',
    ]);
    expect(evidenceOf(d, 'rabbitmq')).toEqual([
      'src/Ordering.API/Ordering.API.csproj: package MassTransit.RabbitMQ',
      'src/Ordering.API/appsettings.json: EventBus: amqp:// URL',
      'src/Shop.AppHost/Program.cs: Aspire resource AddRabbitMQ',
    ]);
    expect(evidenceOf(d, 'azure')).toEqual([
      'src/Basket.API/Basket.API.csproj: package Aspire.Azure.Storage.Blobs',
      'src/Basket.API/Basket.API.csproj: package MassTransit.Azure.ServiceBus.Core',
      'src/Shop.AppHost/Program.cs: Aspire resource AddAzureServiceBus',
    ]);
    expect(d.findings.some((f) => f.id === 'gcp')).toBe(false);
    expect(JSON.stringify(d)).not.toContain('StyleCop');
  });

  it('reads the AppHost resources as the datastores and brokers the application runs with', () => {
    const host = pkg(d, 'src/Shop.AppHost');
    expect(stackOf(host.findings)).toEqual({ language: ['csharp'], datastore: ['postgresql', 'redis'], messaging: ['rabbitmq'], cloud: ['azure'] });
    expect(evidenceOf(host, 'postgresql')).toEqual(['src/Shop.AppHost/Shop.AppHost.csproj: package Aspire.Hosting.PostgreSQL', 'src/Shop.AppHost/Program.cs: Aspire resource AddPostgres']);
    expect(uncovered(host.unsupported)).toEqual({ 'Azure Service Bus': ['src/Shop.AppHost/Program.cs: Aspire resource AddAzureServiceBus'] });
  });

  it('finds REST from controllers and OpenAPI beside gRPC', () => {
    const api = pkg(d, 'src/Ordering.API');
    expect(stackOf(api.findings).api).toEqual(['grpc', 'rest']);
    expect(evidenceOf(api, 'rest')).toEqual(['src/Ordering.API/Ordering.API.csproj: package Microsoft.AspNetCore.OpenApi', 'src/Ordering.API/Controllers/OrdersController.cs: HTTP controller: [ApiController]']);
    expect(evidenceOf(api, 'grpc')).toEqual(['src/Ordering.API/Ordering.API.csproj: package Grpc.AspNetCore', 'src/Ordering.API/Protos/ordering.proto: Protocol Buffers definition']);
    expect(evidenceOf(pkg(d, 'src/Basket.API'), 'rest')).toEqual(['src/Basket.API/Program.cs: HTTP route: app.MapGet("/basket/{id}", (string id) => id);']);
  });

  it('passes a ProjectReference\'s datastore on to the project using it', () => {
    const worker = pkg(d, 'src/Catalog.Worker');
    expect(worker.uses).toEqual(['src/Catalog.Data']);
    expect(evidenceOf(worker, 'mongodb')).toEqual(['src/Catalog.Data/Catalog.Data.csproj: package MongoDB.Driver (through Catalog.Data)']);
  });

  it('an SMS provider\'s SNS client is not a broker; Testcontainers and test-project packages are weak', () => {
    const sms = pkg(d, 'src/Notifications.SmsProvider');
    expect(stackOf(sms.findings)).toEqual({ language: ['csharp'], cloud: ['aws'] });
    expect(evidenceOf(sms, 'sqs-sns')).toEqual(['src/Notifications.SmsProvider/Notifications.SmsProvider.csproj: package AWSSDK.SimpleNotificationService (weak)']);
    expect(d.findings.some((f) => f.id === 'sqs-sns' || f.id === 'kafka')).toBe(false);
    expect(evidenceOf(d, 'kafka')).toEqual(['tests/Ordering.FunctionalTests/Ordering.FunctionalTests.csproj: test project package Testcontainers.Kafka (weak)']);
    expect(evidenceOf(d, 'postgresql').at(-1)).toBe('tests/Ordering.FunctionalTests/Ordering.FunctionalTests.csproj: test project package Testcontainers.PostgreSql (weak)');
    expect(uncovered(d.unsupported)).toEqual({
      'Azure Service Bus': ['src/Basket.API/Basket.API.csproj: package MassTransit.Azure.ServiceBus.Core', 'src/Shop.AppHost/Program.cs: Aspire resource AddAzureServiceBus'],
      SQLite: ['tests/Ordering.FunctionalTests/Ordering.FunctionalTests.csproj: test project package Microsoft.Data.Sqlite (weak)'],
    });
  });
});

describe('a .slnx solution', () => {
  it('splits the XML solution; Azure Service Bus and Hangfire are found with no facet yet', () => {
    const d = detect('dotnet-slnx');
    expect(d.monorepo!.tools).toEqual([{ file: 'Fleet.slnx', detail: '.NET solution: 2 projects' }]);
    expect(table(d)).toEqual({
      'src/Fleet.Api': { name: 'Fleet.Api', slug: 'fleet-api', stack: { language: ['csharp'], framework: ['aspnet-core'], api: ['rest'] }, weak: {}, uses: [] },
      'src/Fleet.Jobs': { name: 'Fleet.Jobs', slug: 'fleet-jobs', stack: { language: ['csharp'], cloud: ['azure'] }, weak: {}, uses: [] },
    });
    expect(evidenceOf(d, 'rest')).toEqual(['src/Fleet.Api/Fleet.Api.csproj: package Swashbuckle.AspNetCore']);
    expect(d.unsupported.map((u) => [u.name, u.kind])).toEqual([['Hangfire', 'messaging'], ['Azure Service Bus', 'messaging']]);
  });
});

describe('a uv workspace with Celery and Flask', () => {
  const d = detect('python-uv-workspace');

  it('splits the members (not the excluded one), each named by its project, the data package passed on', () => {
    expect(d.monorepo!.tools).toEqual([{ file: 'pyproject.toml', detail: 'uv workspace: packages/*' }]);
    expect(table(d)).toEqual({
      'packages/api': { name: 'shop-api', slug: 'shop-api', stack: { language: ['python'], datastore: ['postgresql'], api: ['rest'] }, weak: {}, uses: ['packages/db'] },
      'packages/db': { name: 'shop-db', slug: 'shop-db', stack: { language: ['python'], datastore: ['postgresql'] }, weak: {}, uses: [] },
      'packages/worker': { name: 'shop-worker', slug: 'shop-worker', stack: { language: ['python'], datastore: ['postgresql', 'redis'], messaging: ['sqs-sns'] }, weak: {}, uses: ['packages/db'] },
    });
    expect(evidenceOf(pkg(d, 'packages/api'), 'postgresql')).toEqual(['packages/db/pyproject.toml: requires psycopg[binary] (through shop-db)']);
  });

  it('reads extras and broker URLs: celery[redis, sqs], kombu[sqs], CELERY_BROKER_URL = "sqs://…"', () => {
    const worker = pkg(d, 'packages/worker');
    expect(evidenceOf(worker, 'sqs-sns')).toEqual([
      'packages/worker/pyproject.toml: requires celery[redis,sqs]: extra sqs',
      'packages/worker/pyproject.toml: requires kombu[sqs]: extra sqs',
      'packages/worker/shop_worker/settings.py: CELERY_BROKER_URL: sqs:// URL',
    ]);
    expect(evidenceOf(worker, 'redis')).toEqual(['packages/worker/pyproject.toml: requires celery[redis,sqs]: extra redis', 'packages/worker/shop_worker/settings.py: redis:// URL']);
  });

  it('reads connection URLs in .env.example and the Compose environment, never the URL itself', () => {
    expect(evidenceOf(d, 'postgresql')).toEqual([
      '.env.example: DATABASE_URL: postgresql:// URL',
      'compose.yaml: service api: DATABASE_URL: postgres:// URL',
      'packages/db/pyproject.toml: requires psycopg[binary]',
    ]);
    expect(evidenceOf(d, 'mongodb')).toEqual(['compose.yaml: service worker: AUDIT_MONGO_URL: mongodb:// URL']);
    expect(evidenceOf(d, 'redis')[0]).toBe('compose.yaml: service api: CACHE_URL: redis:// URL');
    expect(JSON.stringify(d)).not.toContain('secret');
  });

  it('reports Flask, Celery and SQLite as found with no facet yet; test settings and dev groups are weak', () => {
    expect(uncovered(d.unsupported)).toEqual({
      Flask: ['packages/api/pyproject.toml: requires flask', 'packages/api/pyproject.toml: requires flask-smorest'],
      Celery: ['packages/worker/pyproject.toml: requires celery[redis,sqs]'],
      SQLite: ['packages/worker/tests/test_settings.py: DATABASE_URL: sqlite:// URL (weak)'],
    });
    expect(stackOf(d.weak)).toEqual({ messaging: ['kafka'] });
    expect(evidenceOf(d, 'kafka')).toEqual(['pyproject.toml: requires testcontainers[kafka]: extra kafka (weak)']);
    expect(evidenceOf(pkg(d, 'packages/api'), 'rest')).toEqual(['packages/api/pyproject.toml: requires flask-smorest', 'packages/api/shop_api/app.py: HTTP route: @app.get("/orders")']);
  });
});

describe('Poetry path dependencies', () => {
  it('make the path a package of the workspace; the root stays the service', () => {
    const d = detect('python-poetry-paths');
    expect(d.monorepo!.tools).toEqual([{ file: 'pyproject.toml', detail: 'Poetry path dependencies: libs/core' }]);
    expect(table(d)).toEqual({ 'libs/core': { name: 'billing-core', slug: 'billing-core', stack: { language: ['python'], datastore: ['postgresql'] }, weak: {}, uses: [] } });
    expect(d.service?.name).toBe('billing');
  });
});

describe('Maven modules', () => {
  const d = detect('maven-modules');

  it('splits the modules, named by their coordinates; a module dependency passes its datastore on', () => {
    expect(d.monorepo!.tools).toEqual([{ file: 'pom.xml', detail: 'Maven modules: orders-service, catalog-service, common' }]);
    expect(table(d)).toEqual({
      'catalog-service': { name: 'com.acme:catalog-service', slug: 'catalog-service', stack: { language: ['java'], messaging: ['kafka'], api: ['rest'] }, weak: {}, uses: [] },
      common: { name: 'com.acme:common', slug: 'common', stack: { language: ['java'], framework: ['spring-boot'], datastore: ['mongodb'], api: ['rest'] }, weak: {}, uses: [] },
      'orders-service': { name: 'com.acme:orders-service', slug: 'orders-service', stack: { language: ['java'], framework: ['spring-boot'], datastore: ['mongodb', 'postgresql'], api: ['rest'] }, weak: { messaging: ['rabbitmq'] }, uses: ['common'] },
    });
    const orders = pkg(d, 'orders-service');
    expect(evidenceOf(orders, 'mongodb')).toEqual(['common/pom.xml: dependency org.springframework.boot:spring-boot-starter-data-mongodb (through com.acme:common)']);
    expect(evidenceOf(orders, 'postgresql')).toEqual(['orders-service/src/main/resources/application.yml: url: jdbc:postgresql: URL']);
    expect(evidenceOf(orders, 'rest')).toEqual(['orders-service/src/main/java/com/acme/orders/OrdersController.java: HTTP controller: @RestController']);
    expect(evidenceOf(orders, 'rabbitmq')).toEqual(['orders-service/pom.xml: test dependency org.testcontainers:rabbitmq (weak)']);
    expect(evidenceOf(pkg(d, 'catalog-service'), 'rest')).toEqual(['catalog-service/pom.xml: dependency org.springdoc:springdoc-openapi-starter-webmvc-ui']);
  });

  it('reports H2 with no facet yet: runtime in one module, test-scoped (weak) in the other', () => {
    expect(uncovered(d.unsupported)).toEqual({ H2: ['catalog-service/pom.xml: dependency com.h2database:h2', 'orders-service/pom.xml: test dependency com.h2database:h2 (weak)'] });
    expect(d.unsupported[0]!.kind).toBe('datastore');
  });
});

describe('Gradle includes', () => {
  it('splits the included projects (projectDir overrides too); project(":shared:db") passes PostgreSQL on; test configurations are weak', () => {
    const d = detect('gradle-includes');
    expect(d.monorepo!.tools).toEqual([{ file: 'settings.gradle.kts', detail: 'Gradle includes: :api, :shared:db, :tools' }]);
    expect(table(d)).toEqual({
      api: { name: 'com.acme.fleet:api', slug: 'api', stack: { language: ['kotlin'], framework: ['ktor'], datastore: ['postgresql'], api: ['rest'] }, weak: { messaging: ['kafka'] }, uses: ['shared/db'] },
      'build-tools': { name: 'build-tools', slug: 'build-tools', stack: { language: ['kotlin'] }, weak: {}, uses: [] },
      'shared/db': { name: 'db', slug: 'shared-db', stack: { language: ['kotlin'], datastore: ['postgresql'] }, weak: {}, uses: [] },
    });
    expect(evidenceOf(pkg(d, 'api'), 'postgresql')).toEqual(['shared/db/build.gradle.kts: dependency org.postgresql:postgresql (through db)', 'api/build.gradle.kts: testImplementation org.testcontainers:postgresql (weak)']);
    expect(evidenceOf(pkg(d, 'api'), 'rest')).toEqual(['api/src/main/kotlin/Routes.kt: HTTP route: routing {']);
  });
});

describe('a Cargo workspace', () => {
  it('splits the members; a path dependency passes PostgreSQL on; REST (utoipa, routes) beside gRPC (tonic); dev-dependencies are weak', () => {
    const d = detect('cargo-workspace');
    expect(d.monorepo!.tools).toEqual([{ file: 'Cargo.toml', detail: 'Cargo workspace: crates/*' }]);
    expect(table(d)).toEqual({
      'crates/api': { name: 'pricing-api', slug: 'pricing-api', stack: { language: ['rust'], framework: ['axum'], datastore: ['postgresql'], api: ['grpc', 'rest'] }, weak: { datastore: ['redis'] }, uses: ['crates/storage'] },
      'crates/storage': { name: 'pricing-storage', slug: 'pricing-storage', stack: { language: ['rust'], datastore: ['postgresql'] }, weak: {}, uses: [] },
    });
    const api = pkg(d, 'crates/api');
    expect(evidenceOf(api, 'rest')).toEqual(['crates/api/Cargo.toml: dependency utoipa', 'crates/api/src/main.rs: HTTP route: let app = Router::new().route("/prices", get(list));']);
    expect(evidenceOf(api, 'redis')).toEqual(['crates/api/Cargo.toml: dependency testcontainers-modules with feature redis (weak)']);
    expect(uncovered(d.unsupported)).toEqual({ SQLite: ['crates/storage/Cargo.toml: dependency sqlx with feature sqlite'] });
    // [workspace.dependencies] offers redis to members; none takes it.
    expect(d.findings.some((f) => f.id === 'redis')).toBe(false);
  });
});

describe('service folders', () => {
  it('splits src/<name> folders with their own Dockerfile; a solution inside one does not split it; Spanner has no facet yet', () => {
    const d = detect('service-folders');
    expect(d.monorepo!.tools).toEqual([{ file: 'src', detail: 'service folders: cartservice (Dockerfile), emailservice (Dockerfile), frontend (Dockerfile), loadgenerator (Dockerfile)' }]);
    expect(table(d)).toEqual({
      'src/cartservice': { name: 'cartservice', slug: 'cartservice', stack: { language: ['csharp'], framework: ['aspnet-core'], datastore: ['redis'], cloud: ['gcp'], infrastructure: ['docker'], api: ['grpc'] }, weak: {}, uses: [] },
      'src/emailservice': { name: 'emailservice', slug: 'emailservice', stack: { language: ['python'], infrastructure: ['docker'], api: ['grpc'] }, weak: {}, uses: [] },
      'src/frontend': { name: 'github.com/acme/shop/frontend', slug: 'frontend', stack: { language: ['go'], infrastructure: ['docker'], api: ['grpc', 'rest'] }, weak: {}, uses: [] },
      'src/loadgenerator': { name: 'loadgenerator', slug: 'loadgenerator', stack: { language: ['python'], infrastructure: ['docker'] }, weak: {}, uses: [] },
    });
    expect(pkg(d, 'src/cartservice').nameEvidence).toEqual({ file: 'src/cartservice/src/cartservice.csproj', detail: '.NET project cartservice' });
    expect(pkg(d, 'src/loadgenerator').nameEvidence).toEqual({ file: 'src/loadgenerator', detail: 'folder name' });
    // A handler on "/" alone (the cart service's) is a web page or a health check, not an API.
    expect(evidenceOf(pkg(d, 'src/frontend'), 'rest')).toEqual(['src/frontend/main.go: HTTP route: r.HandleFunc("/api/cart", cart)']);
    expect(evidenceOf(d, 'redis')).toEqual(['kubernetes-manifests/redis.yaml: Deployment container image redis:alpine', 'src/cartservice/src/cartservice.csproj: package Microsoft.Extensions.Caching.StackExchangeRedis']);
    expect(uncovered(d.unsupported)).toEqual({ 'Cloud Spanner': ['src/cartservice/src/cartservice.csproj: package Google.Cloud.Spanner.Data'] });
  });

  it('needs two such folders: one src/<Project> is a single service', () => {
    expect(detect('csharp-aspnet').monorepo).toBeNull();
  });
});

describe('npm workspaces', () => {
  const d = detect('npm-workspaces');

  it('names every package by its package name (no "root", no empty names), short names made valid', () => {
    expect(d.service).toBeNull();
    expect(d.monorepo!.packages.map((p) => [p.path, p.name, p.slug])).toEqual([
      ['apps/api', '@shop/api', 'api'], ['apps/web', '@shop/web', 'web'], ['apps/worker', '@shop/worker', 'worker'],
      ['libs/data', '@shop/data', 'data'], ['libs/sms-provider', '@shop/sms-provider', 'sms-provider'], ['libs/ui', '@shop/ui', 'libs-ui'],
    ]);
  });

  it('REST from @nestjs/swagger and @Controller() beside GraphQL; MongoDB passed on from @shop/data', () => {
    const api = pkg(d, 'apps/api');
    expect(stackOf(api.findings)).toEqual({ language: ['typescript'], framework: ['nestjs'], datastore: ['mongodb'], api: ['graphql', 'rest'] });
    expect(evidenceOf(api, 'rest')).toEqual(['apps/api/package.json: dependency @nestjs/swagger', "apps/api/src/orders.controller.ts: HTTP controller: @Controller('orders')"]);
    expect(evidenceOf(api, 'mongodb')).toEqual(['libs/data/package.json: dependency mongoose (through @shop/data)', 'libs/data/package.json: devDependency @testcontainers/mongodb (through @shop/data) (weak)']);
    expect(api.uses).toEqual(['libs/data']);
  });

  it('dev dependencies and type packages of a React app are weak: no Express, no REST, no serverless, no Kafka', () => {
    const web = pkg(d, 'apps/web');
    expect(stackOf(web.findings)).toEqual({ language: ['typescript'] });
    expect(stackOf(web.weak)).toEqual({ framework: ['express'], messaging: ['kafka'], infrastructure: ['serverless'] });
    expect(evidenceOf(web, 'serverless')).toEqual(['apps/web/package.json: devDependency aws-lambda (weak)', 'apps/web/package.json: devDependency @types/aws-lambda (weak)']);
    expect(stackOf(d.findings)).toEqual({ language: ['typescript'], framework: ['nestjs'], datastore: ['mongodb', 'redis'], cloud: ['aws'], api: ['graphql', 'rest'] });
  });

  it('a provider package\'s SNS client is not a broker; BullMQ is found with no facet yet', () => {
    expect(evidenceOf(pkg(d, 'libs/sms-provider'), 'sqs-sns')).toEqual(['libs/sms-provider/package.json: dependency @aws-sdk/client-sns (weak)']);
    expect(uncovered(d.unsupported)).toEqual({ BullMQ: ['apps/worker/package.json: dependency bullmq'] });
  });
});

describe('weak evidence never sets an answer on its own', () => {
  /** Dev/test-only declarations of facet-matching packages, one per ecosystem. */
  const DEV_ONLY: Record<string, Record<string, string>> = {
    npm: { 'package.json': JSON.stringify({ name: 'web', devDependencies: { express: '4', kafkajs: '2', pg: '8', '@testcontainers/redis': '10', 'aws-lambda': '1' }, dependencies: { react: '18' } }) },
    npmTypes: { 'package.json': JSON.stringify({ name: 'web', dependencies: { '@types/amqplib': '0.10', '@types/pg': '8' } }) },
    pypi: { 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["httpx"]\n\n[project.optional-dependencies]\ntest = ["asyncpg"]\n\n[dependency-groups]\ndev = ["testcontainers[kafka,mongodb]", "types-redis", "boto3-stubs[sqs]"]\n' },
    requirements: { 'requirements.txt': 'httpx\n', 'requirements-dev.txt': 'pika\npymongo\n', 'requirements/test.txt': 'redis\n' },
    poetry: { 'pyproject.toml': '[tool.poetry]\nname = "svc"\n\n[tool.poetry.dependencies]\nhttpx = "*"\n\n[tool.poetry.group.dev.dependencies]\naiokafka = "*"\n' },
    maven: { 'pom.xml': '<project><artifactId>svc</artifactId><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><scope>test</scope></dependency><dependency><groupId>org.testcontainers</groupId><artifactId>kafka</artifactId><scope>test</scope></dependency></dependencies></project>' },
    gradle: { 'build.gradle.kts': 'dependencies {\n    testImplementation("org.mongodb:mongodb-driver-sync:5.2.0")\n    testRuntimeOnly("com.rabbitmq:amqp-client:5.22.0")\n}\n' },
    nuget: { 'Svc.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" Version="17" /><PackageReference Include="StackExchange.Redis" Version="2" /><PackageReference Include="Testcontainers.MongoDb" Version="3" /></ItemGroup></Project>' },
    cargo: { 'Cargo.toml': '[package]\nname = "svc"\n\n[dev-dependencies]\nredis = "0.27"\nrdkafka = "0.36"\n' },
    gem: { Gemfile: "gem 'rake'\ngroup :development, :test do\n  gem 'pg'\nend\ngem 'redis', group: :test\n" },
    go: { 'go.mod': 'module example.com/svc\n\nrequire github.com/testcontainers/testcontainers-go/modules/postgres v0.33.0\n' },
  };
  const ANSWERED = ['stack.frameworks', 'stack.datastores', 'stack.messaging', 'stack.infrastructure', 'stack.apiStyles'];

  for (const [name, files] of Object.entries(DEV_ONLY)) {
    it(`${name}: dev/test-only dependencies are shown as weak, and answer nothing`, () => {
      const d = detectRepo(viewFromObject(files));
      expect(d.weak.length, name).toBeGreaterThan(0);
      for (const f of d.weak) expect(f.evidence.every((e) => e.weak), `${name} ${f.id}`).toBe(true);
      const { values } = detectedAnswers(d);
      const stack = (values.stack ?? {}) as Record<string, string[]>;
      for (const path of ANSWERED) expect(stack[path.slice('stack.'.length)] ?? [], `${name} ${path}`).toEqual([]);
    });
  }

  it('in every fixture, every answered finding has runtime evidence, and nothing weak-only is answered', () => {
    for (const name of Object.keys(REPOS) as RepoName[]) {
      const d = detect(name);
      const { values } = detectedAnswers(d);
      const answered = Object.values((values.stack ?? {}) as Record<string, string[]>).flat();
      for (const f of d.findings) expect(f.evidence.some((e) => !e.weak), `${name} ${f.id}`).toBe(true);
      for (const f of d.weak) expect(answered, `${name} ${f.id}`).not.toContain(f.id);
    }
  });
});

describe('workspace edge cases', () => {
  it('resolves workspace dependencies within one ecosystem: Python "emails" is not the npm package "emails"', () => {
    const d = detectRepo(viewFromObject({
      'package.json': JSON.stringify({ name: 'site', workspaces: ['packages/*'] }),
      'packages/emails/package.json': JSON.stringify({ name: 'emails', dependencies: { redis: '4' } }),
      'pyproject.toml': '[tool.uv.workspace]\nmembers = ["backend"]\n',
      'backend/pyproject.toml': '[project]\nname = "app"\ndependencies = ["emails>=0.6", "fastapi"]\n',
    }));
    expect(pkg(d, 'backend').uses).toEqual([]);
    expect(stackOf(pkg(d, 'backend').findings).datastore).toBeUndefined();
  });

  it('takes a project on a test SDK (MSTest.Sdk) or named *.UnitTests for a test project: its packages are weak', () => {
    const d = detectRepo(viewFromObject({
      'Shop.sln': 'Project("{X}") = "A", "A\\A.csproj", "{1}"\nEndProject\nProject("{X}") = "A.UnitTests", "A.UnitTests\\A.UnitTests.csproj", "{2}"\nEndProject\nProject("{X}") = "B", "B\\B.csproj", "{3}"\nEndProject\n',
      'A/A.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Npgsql" Version="8" /></ItemGroup></Project>',
      'A.UnitTests/A.UnitTests.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="StackExchange.Redis" Version="2" /></ItemGroup></Project>',
      'B/B.csproj': '<Project Sdk="MSTest.Sdk"><ItemGroup><PackageReference Include="RabbitMQ.Client" Version="6" /></ItemGroup></Project>',
    }));
    expect(stackOf(d.findings)).toEqual({ language: ['csharp'], framework: ['aspnet-core'], datastore: ['postgresql'], api: ['rest'] });
    expect(d.weak.map((f) => line(f.evidence[0]!))).toEqual([
      'A.UnitTests/A.UnitTests.csproj: test project package StackExchange.Redis (weak)',
      'B/B.csproj: test project package RabbitMQ.Client (weak)',
    ]);
  });
});
