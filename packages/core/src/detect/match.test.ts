/**
 * Package identity: every client library the facets' aliases name is detected from its manifest,
 * with evidence, and no package matches by a bare prefix of another vendor's name.
 */
import { describe, expect, it } from 'vitest';
import { detectRepo } from './detect.js';
import { packageKeys } from './match.js';
import { viewFromObject } from '../repo-view.js';

type Case = [id: string, facets: string[]];

/** One manifest per ecosystem, declaring one runtime dependency. */
const MANIFEST = {
  npm: (id: string) => ({ 'package.json': JSON.stringify({ name: 'svc', dependencies: { [id]: '1.0.0' } }) }),
  pypi: (id: string) => ({ 'pyproject.toml': `[project]\nname = "svc"\ndependencies = ["${id}>=1"]\n` }),
  go: (id: string) => ({ 'go.mod': `module example.com/svc\n\nrequire ${id} v1.0.0\n` }),
  maven: (id: string) => {
    const [g, a] = id.split(':');
    return { 'pom.xml': `<project><artifactId>svc</artifactId><dependencies><dependency><groupId>${g}</groupId><artifactId>${a}</artifactId></dependency></dependencies></project>` };
  },
  nuget: (id: string) => ({ 'Svc.csproj': `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="${id}" Version="1.0.0" /></ItemGroup></Project>` }),
  cargo: (id: string) => ({ 'Cargo.toml': `[package]\nname = "svc"\n\n[dependencies]\n${id} = "1"\n` }),
} as const;
/** What each ecosystem's manifest says in evidence. */
const DETAIL = { npm: 'dependency', pypi: 'requires', go: 'requires', maven: 'dependency', nuget: 'package', cargo: 'dependency' } as const;
const FILE = { npm: 'package.json', pypi: 'pyproject.toml', go: 'go.mod', maven: 'pom.xml', nuget: 'Svc.csproj', cargo: 'Cargo.toml' } as const;
/** Languages and the .csproj's own C# are not what these cases are about. */
const LANGUAGES = new Set(['typescript', 'python', 'go', 'java', 'csharp', 'rust', 'kotlin']);

const CASES: Record<keyof typeof MANIFEST, Case[]> = {
  npm: [
    ['@aws-sdk/client-s3', ['aws']], ['@aws-sdk/client-sqs', ['sqs-sns', 'aws']], ['@azure/storage-blob', ['azure']], ['@azure/service-bus', ['azure']],
    ['@google-cloud/storage', ['gcp']], ['@google-cloud/pubsub', ['gcp-pubsub', 'gcp']], ['pg', ['postgresql']], ['postgres', ['postgresql']],
    ['mysql2', ['mysql']], ['mongoose', ['mongodb']], ['mongodb', ['mongodb']], ['ioredis', ['redis']], ['redis', ['redis']],
    ['kafkajs', ['kafka']], ['amqplib', ['rabbitmq']], ['amqp-connection-manager', ['rabbitmq']], ['nats', ['nats']],
    ['@elastic/elasticsearch', ['elasticsearch']], ['cassandra-driver', ['cassandra']], ['@nestjs/core', ['nestjs']],
    ['@nestjs/swagger', ['nestjs', 'rest']], ['@nestjs/graphql', ['nestjs', 'graphql']], ['express', ['express']], ['fastify', ['fastify']],
    ['@fastify/swagger', ['fastify', 'rest']], ['@grpc/grpc-js', ['grpc']], ['graphql', ['graphql']],
  ],
  pypi: [
    ['boto3', ['aws']], ['azure-storage-blob', ['azure']], ['azure-identity', ['azure']], ['google-cloud-storage', ['gcp']],
    ['google-cloud-pubsub', ['gcp-pubsub', 'gcp']], ['psycopg', ['postgresql']], ['asyncpg', ['postgresql']], ['pymongo', ['mongodb']],
    ['beanie', ['mongodb']], ['redis', ['redis']], ['django-redis', ['django', 'redis']], ['aiokafka', ['kafka']], ['confluent-kafka', ['kafka']],
    ['pika', ['rabbitmq']], ['aio-pika', ['rabbitmq']], ['nats-py', ['nats']], ['elasticsearch', ['elasticsearch']],
    ['fastapi', ['fastapi']], ['django', ['django']], ['djangorestframework', ['django', 'rest']], ['drf-spectacular', ['rest']], ['grpcio', ['grpc']],
    ['strawberry-graphql', ['graphql']], ['mangum', ['serverless']],
  ],
  go: [
    ['github.com/aws/aws-sdk-go-v2/service/s3', ['aws']], ['github.com/aws/aws-sdk-go-v2/service/sqs', ['sqs-sns', 'aws']],
    ['github.com/Azure/azure-sdk-for-go/sdk/azidentity', ['azure']], ['cloud.google.com/go/storage', ['gcp']], ['cloud.google.com/go/pubsub', ['gcp-pubsub', 'gcp']],
    ['github.com/jackc/pgx/v5', ['postgresql']], ['gorm.io/driver/postgres', ['postgresql']], ['go.mongodb.org/mongo-driver', ['mongodb']],
    ['github.com/redis/go-redis/v9', ['redis']], ['github.com/gomodule/redigo', ['redis']], ['github.com/segmentio/kafka-go', ['kafka']],
    ['github.com/IBM/sarama', ['kafka']], ['github.com/rabbitmq/amqp091-go', ['rabbitmq']], ['github.com/nats-io/nats.go', ['nats']],
    ['github.com/gin-gonic/gin', ['gin']], ['google.golang.org/grpc', ['grpc']], ['github.com/99designs/gqlgen', ['graphql']],
    ['github.com/swaggo/swag', ['rest']], ['github.com/aws/aws-lambda-go', ['serverless', 'aws']],
  ],
  maven: [
    ['software.amazon.awssdk:s3', ['aws']], ['software.amazon.awssdk:sqs', ['sqs-sns', 'aws']], ['com.azure:azure-storage-blob', ['azure']],
    ['com.google.cloud:google-cloud-storage', ['gcp']], ['org.postgresql:postgresql', ['postgresql']], ['com.mysql:mysql-connector-j', ['mysql']],
    ['org.mongodb:mongodb-driver-sync', ['mongodb']], ['redis.clients:jedis', ['redis']], ['io.lettuce:lettuce-core', ['redis']],
    ['org.apache.kafka:kafka-clients', ['kafka']], ['org.springframework.kafka:spring-kafka', ['kafka']], ['com.rabbitmq:amqp-client', ['rabbitmq']],
    ['org.springframework.amqp:spring-rabbit', ['rabbitmq']], ['io.nats:jnats', ['nats']], ['co.elastic.clients:elasticsearch-java', ['elasticsearch']],
    ['com.datastax.oss:java-driver-core', ['cassandra']], ['org.springframework.boot:spring-boot-starter-web', ['spring-boot']],
    ['org.springdoc:springdoc-openapi-starter-webmvc-ui', ['rest']], ['io.grpc:grpc-netty-shaded', ['grpc']], ['com.graphql-java:graphql-java', ['graphql']],
  ],
  nuget: [
    ['AWSSDK.S3', ['aws']], ['AWSSDK.SQS', ['sqs-sns', 'aws']], ['Azure.Storage.Blobs', ['azure']], ['Microsoft.Azure.Cosmos', ['azure']],
    ['Aspire.Azure.Storage.Blobs', ['azure']], ['Google.Cloud.Storage.V1', ['gcp']], ['Google.Cloud.PubSub.V1', ['gcp-pubsub', 'gcp']],
    ['Npgsql', ['postgresql']], ['Npgsql.EntityFrameworkCore.PostgreSQL', ['postgresql']], ['Aspire.Npgsql.EntityFrameworkCore.PostgreSQL', ['postgresql']],
    ['Aspire.Hosting.PostgreSQL', ['postgresql']], ['Pomelo.EntityFrameworkCore.MySql', ['mysql']], ['MongoDB.Driver', ['mongodb']], ['Aspire.MongoDB.Driver', ['mongodb']],
    ['StackExchange.Redis', ['redis']], ['Aspire.StackExchange.Redis', ['redis']], ['Microsoft.Extensions.Caching.StackExchangeRedis', ['redis']],
    ['Confluent.Kafka', ['kafka']], ['Aspire.Confluent.Kafka', ['kafka']], ['MassTransit.Kafka', ['kafka']], ['RabbitMQ.Client', ['rabbitmq']],
    ['Aspire.RabbitMQ.Client', ['rabbitmq']], ['MassTransit.RabbitMQ', ['rabbitmq']], ['MassTransit.AmazonSQS', ['sqs-sns']], ['MassTransit.Azure.ServiceBus.Core', ['azure']],
    ['NATS.Net', ['nats']], ['Elastic.Clients.Elasticsearch', ['elasticsearch']], ['Microsoft.AspNetCore.OpenApi', ['aspnet-core', 'rest']],
    ['Swashbuckle.AspNetCore', ['rest']], ['Grpc.AspNetCore', ['grpc']], ['HotChocolate.AspNetCore', ['graphql']], ['Amazon.Lambda.Core', ['serverless', 'aws']],
  ],
  cargo: [
    ['aws-sdk-s3', ['aws']], ['aws-sdk-sqs', ['sqs-sns', 'aws']], ['azure_storage_blobs', ['azure']], ['tokio-postgres', ['postgresql']],
    ['redis', ['redis']], ['mongodb', ['mongodb']], ['rdkafka', ['kafka']], ['lapin', ['rabbitmq']], ['async-nats', ['nats']],
    ['axum', ['axum']], ['utoipa', ['rest']], ['tonic', ['grpc']], ['async-graphql', ['graphql']], ['lambda_runtime', ['serverless']],
  ],
};

/** Packages that share a prefix with a facet's family or id, and are something else. */
const NOT_MATCHED: Array<[keyof typeof MANIFEST, string]> = [
  ['nuget', 'Google.Protobuf'], ['nuget', 'Google.Apis.Auth'], ['nuget', 'Microsoft.Extensions.Logging'], ['nuget', 'Amazon.Extensions.Configuration.SystemsManager'],
  ['nuget', 'Redisearch.Shim'], ['pypi', 'google-auth'], ['pypi', 'azurelib'], ['pypi', 'redis-lock-free'], ['pypi', 'awscrt'],
  ['npm', 'google-protobuf'], ['npm', 'redis-mock-lite'], ['npm', '@awsome/kit'], ['cargo', 'aws-smithy-types'], ['go', 'github.com/redis-like/cache'],
  ['maven', 'com.google.protobuf:protobuf-java'], ['maven', 'com.googlecode.json-simple:json-simple'],
];

function detected(ecosystem: keyof typeof MANIFEST, id: string) {
  const d = detectRepo(viewFromObject(MANIFEST[ecosystem](id)));
  return { findings: d.findings.filter((f) => !LANGUAGES.has(f.id) && !(f.id === 'rest' && f.evidence[0]!.detail.startsWith('inferred'))), d };
}

describe('package identity per ecosystem', () => {
  for (const [ecosystem, cases] of Object.entries(CASES) as Array<[keyof typeof MANIFEST, Case[]]>) {
    it(`${ecosystem}: each client library is detected, with its manifest line as evidence`, () => {
      for (const [id, facets] of cases) {
        const { findings } = detected(ecosystem, id);
        expect(findings.map((f) => f.id).sort(), `${ecosystem} ${id}`).toEqual([...facets].sort());
        for (const f of findings) expect(f.evidence, `${ecosystem} ${id} -> ${f.id}`).toEqual([{ file: FILE[ecosystem], detail: `${DETAIL[ecosystem]} ${ecosystem === 'pypi' ? id.toLowerCase() : id}` }]);
      }
    });
  }

  it('never matches a bare prefix of another vendor: Google.Protobuf is not Google Cloud', () => {
    for (const [ecosystem, id] of NOT_MATCHED) expect(detected(ecosystem, id).findings.map((f) => f.id), `${ecosystem} ${id}`).toEqual([]);
  });

  it('knows a package by its whole id, wrapper prefixes removed and Go modules up to their repository', () => {
    expect(packageKeys('nuget', 'Aspire.Hosting.Azure.ServiceBus')).toEqual(['aspire.hosting.azure.servicebus', 'azure.servicebus', 'hosting.azure.servicebus']);
    expect(packageKeys('go', 'github.com/aws/aws-sdk-go-v2/service/sqs')).toEqual(['github.com/aws/aws-sdk-go-v2/service/sqs', 'github.com/aws/aws-sdk-go-v2/service', 'github.com/aws/aws-sdk-go-v2']);
    expect(packageKeys('go', 'github.com/redis/go-redis/v9')).toEqual(['github.com/redis/go-redis']);
    expect(packageKeys('pypi', 'Azure_Storage.Blob')).toEqual(['azure-storage-blob']);
    expect(packageKeys('maven', 'org.apache.kafka:kafka-clients')).toEqual(['org.apache.kafka:kafka-clients', 'kafka-clients', 'org.apache.kafka']);
  });
});
