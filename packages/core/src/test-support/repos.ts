/**
 * Repositories for stack-detection tests, as path -> content. Small but real: each file is what the
 * tool in question would accept. Unit tests view them with viewFromObject; end-to-end tests write
 * them to a temporary folder.
 */

const workflow = (steps: string, services = '') => `name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
${services}    steps:
      - uses: actions/checkout@v4
${steps}`;

export const REPOS = {
  /** Go: Gin over PostgreSQL and Redis, Kafka and SQS, on AWS with Docker, Kubernetes and Terraform; gRPC contract. */
  'go-gin': {
    'go.mod': `module github.com/acme/ledger

go 1.23

require (
\tgithub.com/gin-gonic/gin v1.10.0
\tgithub.com/jackc/pgx/v5 v5.7.1
\tgithub.com/redis/go-redis/v9 v9.7.0
\tgithub.com/IBM/sarama v1.43.3
\tgithub.com/aws/aws-sdk-go-v2/service/sqs v1.34.0
\tgoogle.golang.org/grpc v1.67.1
\tgolang.org/x/sync v0.8.0 // indirect
)
`,
    'cmd/ledger/main.go': 'package main\n\nfunc main() {}\n',
    'api/ledger.proto': 'syntax = "proto3";\npackage ledger.v1;\n',
    Dockerfile: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /ledger ./cmd/ledger\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /ledger /ledger\n',
    'docker-compose.yml': `services:
  db:
    image: postgres:16
  cache:
    image: redis:7-alpine
  broker:
    image: bitnami/kafka:3.8
`,
    'deploy/k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
spec:
  template:
    spec:
      containers:
        - name: ledger
          image: ghcr.io/acme/ledger:1.0.0
---
apiVersion: v1
kind: Service
metadata:
  name: ledger
`,
    'infra/main.tf': `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# resource "aws_msk_cluster" "old" {} is gone
resource "aws_sqs_queue" "ledger_events" {
  name = "ledger-events"
}

resource "aws_db_instance" "ledger" {
  engine = "postgres"
}
`,
    '.github/workflows/ci.yml': workflow(
      `      - uses: actions/setup-go@v5
      - uses: aws-actions/configure-aws-credentials@v4
      - run: go test ./...
`,
      `    services:
      postgres:
        image: postgres:16
`,
    ),
  },

  /** Java: Spring Boot (Maven) over PostgreSQL, DynamoDB and Redis (Helm dependency), Kafka, AWS, Docker and Helm; OpenAPI. */
  'java-spring': {
    'pom.xml': `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.3.4</version>
  </parent>
  <groupId>com.acme</groupId>
  <artifactId>payments</artifactId>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
    <dependency>
      <groupId>org.postgresql</groupId>
      <artifactId>postgresql</artifactId>
      <scope>runtime</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.kafka</groupId>
      <artifactId>spring-kafka</artifactId>
    </dependency>
    <dependency>
      <groupId>software.amazon.awssdk</groupId>
      <artifactId>dynamodb</artifactId>
    </dependency>
  </dependencies>
</project>
`,
    'src/main/java/com/acme/payments/PaymentsApplication.java': 'package com.acme.payments;\n\npublic class PaymentsApplication {}\n',
    'src/main/resources/openapi.yaml': 'openapi: 3.1.0\ninfo:\n  title: Payments\n  version: 1.0.0\npaths: {}\n',
    Dockerfile: 'FROM eclipse-temurin:21-jre\nCOPY target/payments.jar /app.jar\n',
    'charts/payments/Chart.yaml': `apiVersion: v2
name: payments
version: 0.1.0
dependencies:
  - name: redis
    version: 20.x.x
    repository: oci://registry-1.docker.io/bitnamicharts
`,
    'charts/payments/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
    'charts/payments/values.yaml': 'replicaCount: 2\n',
  },

  /** Kotlin: Ktor (Gradle Kotlin DSL and a version catalog) over MongoDB, RabbitMQ and Pub/Sub, on GCP with Kubernetes and Istio. */
  'kotlin-ktor': {
    'settings.gradle.kts': 'rootProject.name = "inventory"\n',
    'build.gradle.kts': `plugins {
    kotlin("jvm") version "2.0.21"
    id("io.ktor.plugin") version "3.0.0"
}

dependencies {
    implementation("io.ktor:ktor-server-core-jvm")
    implementation("org.mongodb:mongodb-driver-sync:5.2.0")
    implementation("com.rabbitmq:amqp-client:5.22.0")
    implementation(libs.pubsub)
    // implementation("org.postgresql:postgresql:42.7.4") was removed
}
`,
    'gradle/libs.versions.toml': `[versions]
gcp = "1.132.0"

[libraries]
pubsub = { module = "com.google.cloud:google-cloud-pubsub", version.ref = "gcp" }
`,
    'src/main/kotlin/com/acme/inventory/Application.kt': 'package com.acme.inventory\n\nfun main() {}\n',
    'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: inventory
`,
    'k8s/virtual-service.yaml': `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: inventory
`,
    'cloudbuild.yaml': 'steps:\n  - name: gcr.io/cloud-builders/docker\n    args: [build, -t, inventory, .]\n',
  },

  /** Python: FastAPI (PEP 621) over PostgreSQL and Redis, Kafka, on AWS Lambda with the Serverless Framework and Docker. */
  'python-fastapi': {
    'pyproject.toml': `[project]
name = "quotes"
version = "0.1.0"
requires-python = ">=3.12"
dependencies = [
  "fastapi>=0.115",
  "asyncpg>=0.29",
  "redis[hiredis]>=5.1",
  "aiokafka>=0.11",
  "boto3>=1.35",
]

[dependency-groups]
dev = ["pytest>=8", "testcontainers[postgres]>=4.8"]
`,
    'requirements-dev.txt': '# tools\npytest==8.3.3\n-r requirements.txt\n',
    'src/quotes/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
    Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n',
    'serverless.yml': `service: quotes
provider:
  name: aws
  runtime: python3.12
functions:
  api:
    handler: src/quotes/main.handler
    events:
      - httpApi: '*'
resources:
  Resources:
    Table:
      Type: AWS::DynamoDB::Table
      Properties:
        TableName: !Sub "\${self:service}-table"
`,
  },

  /** Python: Django (Poetry) over PostgreSQL and Redis (Terraform), RabbitMQ (GitLab CI services), on GCP with Terraform. */
  'python-django': {
    'pyproject.toml': `[tool.poetry]
name = "catalogue"
version = "1.0.0"

[tool.poetry.dependencies]
python = "^3.12"
Django = "^5.1"
psycopg2-binary = "^2.9"
pika = "^1.3"

[tool.poetry.group.dev.dependencies]
pytest-django = "^4.9"
`,
    'catalogue/settings.py': 'INSTALLED_APPS = []\n',
    '.gitlab-ci.yml': `image: python:3.12

test:
  services:
    - postgres:16
    - name: rabbitmq:3-management
      alias: broker
  script:
    - pytest
`,
    'infra/main.tf': `provider "google" {
  project = "acme-catalogue"
}

resource "google_redis_instance" "cache" {
  memory_size_gb = 1
}

resource "google_sql_database_instance" "main" {
  database_version = "POSTGRES_16"
}
`,
  },

  /** TypeScript: NestJS over PostgreSQL and Redis, Kafka and SQS (LocalStack), on AWS with Docker; GraphQL. */
  'typescript-nestjs': {
    'package.json': JSON.stringify({
      name: '@acme/orders',
      version: '1.0.0',
      dependencies: {
        '@nestjs/core': '^10.4.0',
        '@nestjs/graphql': '^12.2.0',
        pg: '^8.13.0',
        ioredis: '^5.4.1',
        kafkajs: '^2.2.4',
        '@aws-sdk/client-sqs': '^3.670.0',
      },
      devDependencies: { typescript: '^5.6.0', '@types/pg': '^8.11.0' },
    }, null, 2),
    'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
    'src/schema.graphql': 'type Query { order(id: ID!): Order }\n',
    Dockerfile: 'FROM node:20-alpine\nCOPY . .\n',
    'compose.yaml': `services:
  postgres:
    image: postgres:16
  localstack:
    image: localstack/localstack:3
`,
  },

  /** Rust: Axum over PostgreSQL (sqlx feature) and Redis, Kafka (rdkafka), AWS SDK, Docker and Kubernetes. */
  'rust-axum': {
    'Cargo.toml': `[package]
name = "pricing"
version = "0.1.0"
edition = "2021"

[dependencies]
axum = "0.7"
tokio = { version = "1", features = ["full"] }
sqlx = { version = "0.8", features = ["runtime-tokio", "postgres"] }
redis = { version = "0.27", features = ["tokio-comp"] }
rdkafka = "0.36"
aws-config = "1.5"
aws-sdk-s3 = "1.57"
`,
    'src/main.rs': 'fn main() {}\n',
    Dockerfile: 'FROM rust:1.82 AS build\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\nFROM debian:bookworm-slim\nCOPY --from=build /src/target/release/pricing /pricing\n',
    'deploy/deployment.yml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: pricing\n',
  },

  /** C#: ASP.NET Core over PostgreSQL and Redis, RabbitMQ, on Azure with Terraform (AKS) and Docker. */
  'csharp-aspnet': {
    'src/Shipping.Api/Shipping.Api.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.8" />
    <PackageReference Include="StackExchange.Redis" Version="2.8.16" />
    <PackageReference Include="RabbitMQ.Client" Version="6.8.1" />
    <PackageReference Include="Azure.Identity" Version="1.13.0" />
  </ItemGroup>
</Project>
`,
    'src/Shipping.Api/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\n',
    'src/Shipping.Api/Dockerfile': 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\n',
    'infra/aks.tf': `terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

resource "azurerm_kubernetes_cluster" "main" {
  name = "shipping"
}
`,
  },

  /** A pnpm workspace (with Turborepo): a Fastify service, an Express BFF and a Go worker, each with its own stack. */
  'pnpm-monorepo': {
    'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n  - "services/*"\n  - "!**/fixtures/**"\n',
    'package.json': JSON.stringify({ name: 'acme-platform', private: true, devDependencies: { turbo: '^2.1.0', typescript: '^5.6.0' } }, null, 2),
    'turbo.json': '{ "tasks": { "build": {} } }\n',
    'tsconfig.base.json': '{}\n',
    'apps/bff/package.json': JSON.stringify({ name: '@acme/bff', dependencies: { express: '^4.21.0', ioredis: '^5.4.1' } }, null, 2),
    'apps/bff/src/index.ts': 'export {};\n',
    'services/orders/package.json': JSON.stringify({ name: '@acme/orders', dependencies: { fastify: '^5.0.0', pg: '^8.13.0', kafkajs: '^2.2.4' } }, null, 2),
    'services/orders/tsconfig.json': '{}\n',
    'services/orders/Dockerfile': 'FROM node:20-slim\n',
    'services/worker/go.mod': 'module github.com/acme/platform/worker\n\ngo 1.23\n\nrequire github.com/nats-io/nats.go v1.37.0\n',
    'services/worker/main.go': 'package main\n',
    'services/worker/fixtures/package.json': '{ "name": "not-a-package" }\n',
    'docker-compose.yml': 'services:\n  postgres:\n    image: postgres:16\n  nats:\n    image: nats:2.10\n',
    '.github/workflows/ci.yml': workflow('      - uses: pnpm/action-setup@v4\n      - uses: docker/build-push-action@v6\n'),
  },

  /**
   * A shop of three services in two languages beside a shared library: orders (Express, MongoDB,
   * Kafka) and payments (Fastify, PostgreSQL, SQS) in a pnpm workspace, ledger (Gin, Redis, RabbitMQ)
   * in a Go workspace.
   */
  'shop-monorepo': {
    'pnpm-workspace.yaml': 'packages:\n  - "services/*"\n  - "packages/*"\n',
    'package.json': JSON.stringify({ name: 'shop', private: true, devDependencies: { typescript: '^5.6.0' } }, null, 2),
    'go.work': 'go 1.23\n\nuse ./services/ledger\n',
    'packages/logger/package.json': JSON.stringify({ name: '@shop/logger', dependencies: { pino: '^9.5.0' } }, null, 2),
    'packages/logger/src/index.ts': 'export {};\n',
    'services/orders/package.json': JSON.stringify({ name: '@shop/orders', dependencies: { express: '^4.21.0', mongodb: '^6.10.0', kafkajs: '^2.2.4', '@shop/logger': 'workspace:*' } }, null, 2),
    'services/orders/tsconfig.json': '{}\n',
    'services/orders/src/index.ts': 'export {};\n',
    'services/orders/Dockerfile': 'FROM node:20-slim\n',
    'services/payments/package.json': JSON.stringify({ name: '@shop/payments', dependencies: { fastify: '^5.0.0', pg: '^8.13.0', '@aws-sdk/client-sqs': '^3.679.0', '@shop/logger': 'workspace:*' } }, null, 2),
    'services/payments/tsconfig.json': '{}\n',
    'services/payments/src/index.ts': 'export {};\n',
    'services/payments/Dockerfile': 'FROM node:20-slim\n',
    'services/ledger/go.mod': 'module github.com/shop/ledger\n\ngo 1.23\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgithub.com/redis/go-redis/v9 v9.7.0\n\tgithub.com/rabbitmq/amqp091-go v1.10.0\n)\n',
    'services/ledger/main.go': 'package main\n\nfunc main() {}\n',
    'services/ledger/Dockerfile': 'FROM golang:1.23\n',
  },

  /** A Go workspace (go.work): an API on Gin and PostgreSQL, a worker on Kafka (franz-go) and DynamoDB. */
  'go-workspace': {
    'go.work': 'go 1.23\n\nuse (\n\t./api\n\t./worker\n)\n',
    'api/go.mod': 'module github.com/acme/fleet/api\n\ngo 1.23\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgithub.com/lib/pq v1.10.9\n)\n',
    'worker/go.mod': 'module github.com/acme/fleet/worker\n\ngo 1.23\n\nrequire (\n\tgithub.com/twmb/franz-go v1.17.1\n\tgithub.com/aws/aws-sdk-go-v2/service/dynamodb v1.36.0\n)\n',
    'worker/Dockerfile': 'FROM golang:1.23\n',
    'deploy/helmfile.yaml': 'releases:\n  - name: api\n    chart: ./charts/api\n',
    'Jenkinsfile': "pipeline { agent any; stages { stage('test') { steps { sh 'go test ./...' } } } }\n",
  },

  /**
   * A .NET solution of six projects: Aspire wrappers and an AppHost, MassTransit, Microsoft.Extensions
   * integrations, REST (controllers, OpenAPI) beside gRPC, a shared data project passed on by
   * ProjectReference, an SMS provider's SNS client, a test project with Testcontainers, Google.Protobuf.
   */
  'dotnet-solution': {
    'Shop.sln': `Microsoft Visual Studio Solution File, Format Version 12.00
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop.AppHost", "src\\Shop.AppHost\\Shop.AppHost.csproj", "{11111111-1111-1111-1111-111111111111}"
EndProject
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Ordering.API", "src\\Ordering.API\\Ordering.API.csproj", "{22222222-2222-2222-2222-222222222222}"
EndProject
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Basket.API", "src\\Basket.API\\Basket.API.csproj", "{33333333-3333-3333-3333-333333333333}"
EndProject
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Catalog.Data", "src\\Catalog.Data\\Catalog.Data.csproj", "{44444444-4444-4444-4444-444444444444}"
EndProject
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Catalog.Worker", "src\\Catalog.Worker\\Catalog.Worker.csproj", "{55555555-5555-5555-5555-555555555555}"
EndProject
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Notifications.SmsProvider", "src\\Notifications.SmsProvider\\Notifications.SmsProvider.csproj", "{66666666-6666-6666-6666-666666666666}"
EndProject
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Ordering.FunctionalTests", "tests\\Ordering.FunctionalTests\\Ordering.FunctionalTests.csproj", "{77777777-7777-7777-7777-777777777777}"
EndProject
Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "tests", "tests", "{88888888-8888-8888-8888-888888888888}"
EndProject
`,
    'src/Shop.AppHost/Shop.AppHost.csproj': `<Project Sdk="Microsoft.NET.Sdk">
  <Sdk Name="Aspire.AppHost.Sdk" Version="9.0.0" />
  <ItemGroup>
    <PackageReference Include="Aspire.Hosting.AppHost" Version="9.0.0" />
    <PackageReference Include="Aspire.Hosting.Redis" Version="9.0.0" />
    <PackageReference Include="Aspire.Hosting.PostgreSQL" Version="9.0.0" />
  </ItemGroup>
</Project>
`,
    'src/Shop.AppHost/Program.cs': `var builder = DistributedApplication.CreateBuilder(args);
var cache = builder.AddRedis("cache");
var db = builder.AddPostgres("postgres").AddDatabase("ordering");
var bus = builder.AddRabbitMQ("eventbus");
var sb = builder.AddAzureServiceBus("servicebus");
builder.AddProject<Projects.Ordering_API>("ordering-api").WithReference(db).WithReference(bus);
builder.Build().Run();
`,
    'src/Ordering.API/Ordering.API.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="Aspire.Npgsql.EntityFrameworkCore.PostgreSQL" Version="9.0.0" />
    <PackageReference Include="MassTransit.RabbitMQ" Version="8.3.0" />
    <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="9.0.0" />
    <PackageReference Include="Grpc.AspNetCore" Version="2.66.0" />
    <PackageReference Include="Google.Protobuf" Version="3.28.0" />
    <PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="all" />
  </ItemGroup>
</Project>
`,
    'src/Ordering.API/Controllers/OrdersController.cs': `[ApiController]
[Route("api/[controller]")]
public class OrdersController : ControllerBase { }
`,
    'src/Ordering.API/Protos/ordering.proto': 'syntax = "proto3";\n',
    'src/Ordering.API/appsettings.json': '{ "ConnectionStrings": { "EventBus": "amqp://guest:guest@localhost:5672" } }\n',
    'src/Basket.API/Basket.API.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="Aspire.StackExchange.Redis" Version="9.0.0" />
    <PackageReference Include="Microsoft.Extensions.Caching.StackExchangeRedis" Version="9.0.0" />
    <PackageReference Include="Aspire.Azure.Storage.Blobs" Version="9.0.0" />
    <PackageReference Include="MassTransit.Azure.ServiceBus.Core" Version="8.3.0" />
  </ItemGroup>
</Project>
`,
    'src/Basket.API/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/basket/{id}", (string id) => id);\n',
    'src/Catalog.Data/Catalog.Data.csproj': `<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="MongoDB.Driver" Version="2.29.0" />
  </ItemGroup>
</Project>
`,
    'src/Catalog.Worker/Catalog.Worker.csproj': `<Project Sdk="Microsoft.NET.Sdk.Worker">
  <PropertyGroup>
    <AssemblyName>Shop.Catalog.Worker</AssemblyName>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="..\\Catalog.Data\\Catalog.Data.csproj" />
  </ItemGroup>
</Project>
`,
    'src/Notifications.SmsProvider/Notifications.SmsProvider.csproj': `<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="AWSSDK.SimpleNotificationService" Version="3.7.400" />
  </ItemGroup>
</Project>
`,
    'tests/Ordering.FunctionalTests/Ordering.FunctionalTests.csproj': `<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.11.0" />
    <PackageReference Include="Testcontainers.PostgreSql" Version="3.10.0" />
    <PackageReference Include="Testcontainers.Kafka" Version="3.10.0" />
    <PackageReference Include="Microsoft.Data.Sqlite" Version="9.0.0" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="..\\..\\src\\Ordering.API\\Ordering.API.csproj" />
  </ItemGroup>
</Project>
`,
  },

  /** A .slnx solution (the XML format) of two projects. */
  'dotnet-slnx': {
    'Fleet.slnx': `<Solution>
  <Folder Name="/src/">
    <Project Path="src/Fleet.Api/Fleet.Api.csproj" />
    <Project Path="src/Fleet.Jobs/Fleet.Jobs.csproj" />
  </Folder>
</Solution>
`,
    'src/Fleet.Api/Fleet.Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Swashbuckle.AspNetCore" Version="6.8.0" />\n  </ItemGroup>\n</Project>\n',
    'src/Fleet.Jobs/Fleet.Jobs.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Hangfire.Core" Version="1.8.14" />\n    <PackageReference Include="Azure.Messaging.ServiceBus" Version="7.18.0" />\n  </ItemGroup>\n</Project>\n',
  },

  /**
   * A uv workspace: a Flask API and a Celery worker over a shared data package; extras
   * (celery[redis,sqs], kombu[sqs]), broker and database URLs in settings, .env.example and Compose.
   */
  'python-uv-workspace': {
    'pyproject.toml': `[tool.uv.workspace]
members = ["packages/*"]
exclude = ["packages/legacy"]

[dependency-groups]
dev = ["pytest>=8", "testcontainers[kafka]>=4.8", "types-redis>=4.6"]
`,
    'packages/api/pyproject.toml': `[project]
name = "shop-api"
dependencies = ["flask>=3.0", "flask-smorest>=0.44", "shop-db"]

[tool.uv.sources]
shop-db = { workspace = true }
`,
    'packages/api/shop_api/app.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n@app.get("/orders")\ndef orders():\n    return []\n',
    'packages/worker/pyproject.toml': `[project]
name = "shop-worker"
dependencies = ["celery[redis, sqs]>=5.4", "kombu[sqs]>=5.4", "shop-db"]

[project.optional-dependencies]
test = ["pytest-celery>=1.0"]
`,
    'packages/worker/shop_worker/settings.py': 'import os\n\nCELERY_BROKER_URL = "sqs://@"\nCELERY_RESULT_BACKEND = os.environ.get("RESULT_BACKEND", "redis://localhost:6379/1")\n',
    'packages/worker/tests/test_settings.py': 'DATABASE_URL = "sqlite:///:memory:"\n',
    'packages/db/pyproject.toml': `[project]
name = "shop-db"
dependencies = ["sqlalchemy>=2.0", "psycopg[binary]>=3.2"]
`,
    'packages/legacy/pyproject.toml': '[project]\nname = "legacy"\ndependencies = ["requests>=2.32"]\n',
    '.env.example': '# copy to .env\nDATABASE_URL=postgresql+psycopg://shop:secret@localhost:5432/shop\nSPANNER_EMULATOR=localhost:9010\n',
    'compose.yaml': `services:
  api:
    build: packages/api
    environment:
      DATABASE_URL: postgres://shop:secret@db:5432/shop
      CACHE_URL: redis://cache:6379/0
  worker:
    build: packages/worker
    environment:
      - AUDIT_MONGO_URL=mongodb://audit:27017/audit
`,
  },

  /** Poetry projects tied together by path dependencies (Poetry's way of a workspace). */
  'python-poetry-paths': {
    'pyproject.toml': `[tool.poetry]
name = "billing"
version = "1.0.0"

[tool.poetry.dependencies]
python = "^3.12"
billing-core = { path = "libs/core", develop = true }
fastapi = "^0.115"
`,
    'libs/core/pyproject.toml': `[tool.poetry]
name = "billing-core"
version = "1.0.0"

[tool.poetry.dependencies]
python = "^3.12"
asyncpg = "^0.29"

[tool.poetry.group.test.dependencies]
pytest = "^8"
fakeredis = "^2.25"
`,
  },

  /** Maven modules: a Spring service using a shared data module, a catalog on Kafka and H2; test-only Testcontainers. */
  'maven-modules': {
    'pom.xml': `<project>
  <groupId>com.acme</groupId>
  <artifactId>shop-parent</artifactId>
  <packaging>pom</packaging>
  <modules>
    <module>orders-service</module>
    <module>catalog-service</module>
    <module>common</module>
  </modules>
</project>
`,
    'orders-service/pom.xml': `<project>
  <parent><groupId>com.acme</groupId><artifactId>shop-parent</artifactId></parent>
  <artifactId>orders-service</artifactId>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
    <dependency><groupId>com.acme</groupId><artifactId>common</artifactId></dependency>
    <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>test</scope></dependency>
    <dependency><groupId>org.testcontainers</groupId><artifactId>rabbitmq</artifactId><scope>test</scope></dependency>
  </dependencies>
</project>
`,
    'orders-service/src/main/java/com/acme/orders/OrdersController.java': '@RestController\npublic class OrdersController {}\n',
    'orders-service/src/main/resources/application.yml': 'spring:\n  datasource:\n    url: jdbc:postgresql://localhost:5432/orders\n',
    'catalog-service/pom.xml': `<project>
  <parent><groupId>com.acme</groupId><artifactId>shop-parent</artifactId></parent>
  <artifactId>catalog-service</artifactId>
  <dependencies>
    <dependency><groupId>org.springframework.kafka</groupId><artifactId>spring-kafka</artifactId></dependency>
    <dependency><groupId>org.springdoc</groupId><artifactId>springdoc-openapi-starter-webmvc-ui</artifactId></dependency>
    <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>runtime</scope></dependency>
  </dependencies>
</project>
`,
    'catalog-service/src/main/java/com/acme/catalog/Catalog.java': 'public class Catalog {}\n',
    'common/pom.xml': `<project>
  <parent><groupId>com.acme</groupId><artifactId>shop-parent</artifactId></parent>
  <artifactId>common</artifactId>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-mongodb</artifactId></dependency>
  </dependencies>
</project>
`,
    'common/src/main/java/com/acme/common/Repo.java': 'public class Repo {}\n',
  },

  /** Gradle includes (Kotlin DSL): an API using a nested shared project, Testcontainers only in tests. */
  'gradle-includes': {
    'settings.gradle.kts': 'rootProject.name = "fleet"\ninclude(":api", ":shared:db")\ninclude(":tools")\nproject(":tools").projectDir = file("build-tools")\n',
    'api/build.gradle.kts': `plugins { kotlin("jvm") }
group = "com.acme.fleet"
dependencies {
    implementation("io.ktor:ktor-server-core-jvm:3.0.0")
    implementation(project(":shared:db"))
    testImplementation("org.testcontainers:postgresql:1.20.2")
    testImplementation("org.testcontainers:kafka:1.20.2")
}
`,
    'api/src/main/kotlin/Routes.kt': 'fun Application.module() {\n    routing {\n        get("/trucks") { }\n    }\n}\n',
    'shared/db/build.gradle.kts': 'plugins { kotlin("jvm") }\ndependencies {\n    implementation("org.postgresql:postgresql:42.7.4")\n}\n',
    'shared/db/src/main/kotlin/Db.kt': 'object Db\n',
    'build-tools/build.gradle.kts': 'plugins { kotlin("jvm") }\n',
    'build-tools/src/main/kotlin/Gen.kt': 'object Gen\n',
  },

  /** A Cargo workspace: an axum API with OpenAPI (utoipa) over a storage crate by path; dev-only Testcontainers. */
  'cargo-workspace': {
    'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n\n[workspace.dependencies]\nredis = "0.27"\n',
    'crates/api/Cargo.toml': `[package]
name = "pricing-api"
version = "0.1.0"

[dependencies]
axum = "0.7"
utoipa = "5"
pricing-storage = { path = "../storage" }
tonic = "0.12"

[dev-dependencies]
testcontainers-modules = { version = "0.11", features = ["redis"] }
`,
    'crates/api/src/main.rs': 'fn main() {\n    let app = Router::new().route("/prices", get(list));\n}\n',
    'crates/api/proto/pricing.proto': 'syntax = "proto3";\n',
    'crates/storage/Cargo.toml': '[package]\nname = "pricing-storage"\nversion = "0.1.0"\n\n[dependencies]\nsqlx = { version = "0.8", features = ["postgres", "sqlite"] }\n',
    'crates/storage/src/lib.rs': 'pub fn open() {}\n',
  },

  /** Service folders under src/, each with its own Dockerfile, Kubernetes objects at the root; Spanner and gRPC. */
  'service-folders': {
    'protos/shop.proto': 'syntax = "proto3";\n',
    'src/cartservice/Dockerfile': 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\n',
    'src/cartservice/cartservice.sln': `Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "cartservice", "src\\cartservice.csproj", "{A}"
EndProject
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "cartservice.tests", "tests\\cartservice.tests.csproj", "{B}"
EndProject
`,
    'src/cartservice/src/cartservice.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Grpc.AspNetCore" Version="2.66.0" />\n    <PackageReference Include="Microsoft.Extensions.Caching.StackExchangeRedis" Version="8.0.8" />\n    <PackageReference Include="Google.Cloud.Spanner.Data" Version="5.0.0" />\n  </ItemGroup>\n</Project>\n',
    'src/cartservice/tests/cartservice.tests.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.11.0" />\n    <PackageReference Include="Microsoft.AspNetCore.Mvc.Testing" Version="8.0.8" />\n  </ItemGroup>\n</Project>\n',
    'src/frontend/Dockerfile': 'FROM golang:1.23\n',
    'src/frontend/go.mod': 'module github.com/acme/shop/frontend\n\ngo 1.23\n\nrequire (\n\tgoogle.golang.org/grpc v1.67.1\n\tgithub.com/gorilla/mux v1.8.1\n)\n',
    'src/frontend/main.go': 'package main\n\nfunc main() {\n\tr.HandleFunc("/", home)\n\tr.HandleFunc("/api/cart", cart)\n}\n',
    'src/cartservice/src/Startup.cs': 'app.UseEndpoints(endpoints => endpoints.MapGet("/", async context => await context.Response.WriteAsync("gRPC only")));\n',
    'src/emailservice/Dockerfile': 'FROM python:3.12-slim\n',
    'src/emailservice/requirements.txt': 'grpcio==1.66.2\njinja2==3.1.4\n',
    'src/emailservice/email_server.py': 'import grpc\n',
    'src/loadgenerator/Dockerfile': 'FROM python:3.12-slim\n',
    'src/loadgenerator/locustfile.py': 'from locust import HttpUser\n',
    'kubernetes-manifests/redis.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: redis-cart\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n          image: redis:alpine\n',
  },

  /**
   * An npm workspace named "root": a NestJS API serving REST and GraphQL over a shared data library,
   * a BullMQ worker, an SMS provider library, a React app with Express only in devDependencies, and a
   * library with a two-letter name.
   */
  'npm-workspaces': {
    'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*', 'libs/*'], devDependencies: { typescript: '^5.6.0' } }, null, 2),
    'apps/api/package.json': JSON.stringify({ name: '@shop/api', dependencies: { '@nestjs/core': '^10.4.0', '@nestjs/graphql': '^12.2.0', '@nestjs/swagger': '^7.4.0', '@shop/data': 'workspace:*' } }, null, 2),
    'apps/api/src/orders.controller.ts': "import { Controller, Get } from '@nestjs/common';\n\n@Controller('orders')\nexport class OrdersController {}\n",
    'apps/api/src/schema.gql': 'type Query { orders: [String] }\n',
    'apps/worker/package.json': JSON.stringify({ name: '@shop/worker', dependencies: { bullmq: '^5.12.0', ioredis: '^5.4.1', '@shop/data': '*' } }, null, 2),
    'libs/data/package.json': JSON.stringify({ name: '@shop/data', dependencies: { mongoose: '^8.7.0' }, devDependencies: { '@testcontainers/mongodb': '^10.13.0' } }, null, 2),
    'libs/sms-provider/package.json': JSON.stringify({ name: '@shop/sms-provider', dependencies: { '@aws-sdk/client-sns': '^3.670.0' } }, null, 2),
    'apps/web/package.json': JSON.stringify({ name: '@shop/web', dependencies: { react: '^18.3.0' }, devDependencies: { express: '^4.21.0', 'aws-lambda': '^1.0.7', '@types/aws-lambda': '^8.10.145', kafkajs: '^2.2.4' } }, null, 2),
    'apps/web/src/App.tsx': 'export const App = () => null;\n',
    'libs/ui/package.json': JSON.stringify({ name: '@shop/ui', dependencies: { react: '^18.3.0' } }, null, 2),
  },
} satisfies Record<string, Record<string, string>>;

export type RepoName = keyof typeof REPOS;
