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

  /** A Go workspace (go.work): an API on Gin and PostgreSQL, a worker on Kafka (franz-go) and DynamoDB. */
  'go-workspace': {
    'go.work': 'go 1.23\n\nuse (\n\t./api\n\t./worker\n)\n',
    'api/go.mod': 'module github.com/acme/fleet/api\n\ngo 1.23\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgithub.com/lib/pq v1.10.9\n)\n',
    'worker/go.mod': 'module github.com/acme/fleet/worker\n\ngo 1.23\n\nrequire (\n\tgithub.com/twmb/franz-go v1.17.1\n\tgithub.com/aws/aws-sdk-go-v2/service/dynamodb v1.36.0\n)\n',
    'worker/Dockerfile': 'FROM golang:1.23\n',
    'deploy/helmfile.yaml': 'releases:\n  - name: api\n    chart: ./charts/api\n',
    'Jenkinsfile': "pipeline { agent any; stages { stage('test') { steps { sh 'go test ./...' } } } }\n",
  },
} satisfies Record<string, Record<string, string>>;

export type RepoName = keyof typeof REPOS;
