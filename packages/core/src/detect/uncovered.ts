/**
 * Technologies the library has no facet for yet, known by the same kind of aliases as facets (whole
 * package ids, `*` families, URL schemes, image names). Detection reports them as "found, no facet
 * yet" with evidence and never answers with them; a facet with the same alias takes over the moment
 * it exists, because facets are looked up first.
 */
import type { FacetKind } from '../library/schema.js';

export interface Uncovered {
  name: string;
  kind: FacetKind;
  aliases: readonly string[];
}

export const UNCOVERED: readonly Uncovered[] = [
  // Datastores
  { name: 'SQLite', kind: 'datastore', aliases: ['sqlite', 'sqlite3', 'better-sqlite3', 'aiosqlite', 'rusqlite', 'libsql', '@libsql/client', 'microsoft.data.sqlite', 'microsoft.entityframeworkcore.sqlite', 'system.data.sqlite', 'org.xerial:sqlite-jdbc', 'sqlite-jdbc', 'github.com/mattn/go-sqlite3', 'modernc.org/sqlite', 'gorm.io/driver/sqlite', 'aspire.hosting.sqlite', 'communitytoolkit.aspire.hosting.sqlite'] },
  { name: 'H2', kind: 'datastore', aliases: ['com.h2database:h2', 'io.r2dbc:r2dbc-h2'] },
  { name: 'SQL Server', kind: 'datastore', aliases: ['sqlserver', 'mssql', 'tedious', 'microsoft.data.sqlclient', 'system.data.sqlclient', 'microsoft.entityframeworkcore.sqlserver', 'com.microsoft.sqlserver:mssql-jdbc', 'mssql-jdbc', 'github.com/microsoft/go-mssqldb', 'github.com/denisenkom/go-mssqldb', 'pymssql', 'aioodbc', 'mcr.microsoft.com/mssql/server', 'mssql/server', 'aspire.microsoft.data.sqlclient', 'aspire.microsoft.entityframeworkcore.sqlserver'] },
  { name: 'Cloud Spanner', kind: 'datastore', aliases: ['spanner', 'google-cloud-spanner', '@google-cloud/spanner', 'cloud.google.com/go/spanner', 'com.google.cloud:google-cloud-spanner', 'google.cloud.spanner.data', 'google.cloud.spanner.v1', 'gcloud-spanner', 'spanner-emulator', 'gcr.io/cloud-spanner-emulator/emulator'] },
  { name: 'Azure Cosmos DB', kind: 'datastore', aliases: ['cosmosdb', 'azurecosmosdb', 'microsoft.azure.cosmos', 'azure-cosmos', '@azure/cosmos', 'com.azure:azure-cosmos', 'microsoft.entityframeworkcore.cosmos', 'aspire.microsoft.azure.cosmos'] },
  { name: 'Firestore', kind: 'datastore', aliases: ['firestore', 'google-cloud-firestore', '@google-cloud/firestore', 'cloud.google.com/go/firestore', 'com.google.cloud:google-cloud-firestore', 'google.cloud.firestore'] },
  { name: 'Memcached', kind: 'datastore', aliases: ['memcached', 'memcache', 'pymemcache', 'pylibmc', 'github.com/bradfitz/gomemcache', 'enyimmemcachedcore', 'memjs'] },
  { name: 'Neo4j', kind: 'datastore', aliases: ['neo4j', 'neo4j-driver', 'org.neo4j.driver:neo4j-java-driver', 'github.com/neo4j/neo4j-go-driver'] },
  { name: 'ClickHouse', kind: 'datastore', aliases: ['clickhouse', 'clickhouse-connect', 'clickhouse-driver', '@clickhouse/client', 'github.com/clickhouse/clickhouse-go', 'clickhouse/clickhouse-server'] },
  { name: 'OpenSearch', kind: 'datastore', aliases: ['opensearch', 'opensearch-py', '@opensearch-project/opensearch', 'opensearchproject/opensearch', 'org.opensearch.client:opensearch-java'] },
  { name: 'MariaDB', kind: 'datastore', aliases: ['mariadb', 'org.mariadb.jdbc:mariadb-java-client'] },
  { name: 'Oracle Database', kind: 'datastore', aliases: ['oracledb', 'cx-oracle', 'com.oracle.database.jdbc:ojdbc11', 'com.oracle.database.jdbc:ojdbc8', 'oracle.manageddataaccess.core'] },
  // Messaging and background work
  { name: 'Celery', kind: 'messaging', aliases: ['celery', 'django-celery-beat', 'django-celery-results'] },
  { name: 'BullMQ', kind: 'messaging', aliases: ['bullmq', 'bull', '@nestjs/bullmq', '@nestjs/bull', 'bee-queue'] },
  { name: 'Sidekiq', kind: 'messaging', aliases: ['sidekiq'] },
  { name: 'Azure Service Bus', kind: 'messaging', aliases: ['servicebus', 'azureservicebus', 'azure.messaging.servicebus', 'azure.servicebus', 'azure-servicebus', '@azure/service-bus', 'com.azure:azure-messaging-servicebus', 'masstransit.azure.servicebus.core', 'masstransit.azureservicebus', 'microsoft.azure.servicebus', 'aspire.azure.messaging.servicebus'] },
  { name: 'Azure Event Hubs', kind: 'messaging', aliases: ['eventhubs', 'azureeventhubs', 'azure.messaging.eventhubs', 'azure-eventhub', '@azure/event-hubs', 'com.azure:azure-messaging-eventhubs'] },
  { name: 'Amazon Kinesis', kind: 'messaging', aliases: ['kinesis', '@aws-sdk/client-kinesis', 'github.com/aws/aws-sdk-go-v2/service/kinesis', 'software.amazon.awssdk:kinesis', 'awssdk.kinesis', 'aws-sdk-kinesis', 'amazon-kinesis-client'] },
  { name: 'Amazon EventBridge', kind: 'messaging', aliases: ['eventbridge', '@aws-sdk/client-eventbridge', 'github.com/aws/aws-sdk-go-v2/service/eventbridge', 'software.amazon.awssdk:eventbridge', 'awssdk.eventbridge', 'aws-sdk-eventbridge'] },
  { name: 'Apache Pulsar', kind: 'messaging', aliases: ['pulsar', 'pulsar-client', 'org.apache.pulsar:pulsar-client', 'github.com/apache/pulsar-client-go', 'apachepulsar/pulsar', 'dotpulsar'] },
  { name: 'ActiveMQ', kind: 'messaging', aliases: ['activemq', 'org.apache.activemq:*', 'apache.nms.activemq', 'stomp-py', 'spring-boot-starter-activemq', 'spring-boot-starter-artemis', 'apache/activemq-artemis', 'apache/activemq-classic'] },
  { name: 'MQTT', kind: 'messaging', aliases: ['mqtt', 'mqtts', 'paho-mqtt', 'github.com/eclipse/paho.mqtt.golang', 'mqttnet', 'eclipse-mosquitto', 'aiomqtt'] },
  { name: 'Temporal', kind: 'messaging', aliases: ['temporalio', '@temporalio/client', '@temporalio/worker', 'go.temporal.io/sdk', 'io.temporal:temporal-sdk', 'temporalio.client', 'temporalio/auto-setup'] },
  { name: 'Hangfire', kind: 'messaging', aliases: ['hangfire', 'hangfire.core', 'hangfire.aspnetcore'] },
  // Frameworks
  { name: 'Flask', kind: 'framework', aliases: ['flask', 'flask-restx', 'flask-smorest'] },
  { name: 'Starlette', kind: 'framework', aliases: ['starlette'] },
  { name: 'Litestar', kind: 'framework', aliases: ['litestar'] },
  { name: 'Koa', kind: 'framework', aliases: ['koa', '@koa/router'] },
  { name: 'Hono', kind: 'framework', aliases: ['hono'] },
  { name: 'hapi', kind: 'framework', aliases: ['@hapi/hapi'] },
  { name: 'Echo', kind: 'framework', aliases: ['github.com/labstack/echo'] },
  { name: 'Fiber', kind: 'framework', aliases: ['github.com/gofiber/fiber'] },
  { name: 'chi', kind: 'framework', aliases: ['github.com/go-chi/chi'] },
  { name: 'Actix Web', kind: 'framework', aliases: ['actix-web'] },
  { name: 'Rocket', kind: 'framework', aliases: ['rocket'] },
  { name: 'Quarkus', kind: 'framework', aliases: ['io.quarkus', 'io.quarkus.platform'] },
  { name: 'Micronaut', kind: 'framework', aliases: ['io.micronaut', 'io.micronaut.platform'] },
  { name: 'MassTransit', kind: 'framework', aliases: ['masstransit'] },
  { name: 'Orleans', kind: 'framework', aliases: ['microsoft.orleans.*'] },
  { name: 'Laravel', kind: 'framework', aliases: ['laravel/framework'] },
  { name: 'Next.js', kind: 'framework', aliases: ['next'] },
];
