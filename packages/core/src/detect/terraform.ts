/**
 * Terraform: providers (required_providers sources and provider blocks) name the cloud; resource
 * types and database engines name managed datastores, brokers and platforms. No maintained HCL
 * parser runs in plain JavaScript, so only these declarations are scanned, with comments removed.
 */
import { lookup } from './match.js';
import { base, facet, type Detector, type Signal } from './scope.js';

const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)(#|\/\/).*$/gm, '$1');

export const detectTerraform: Detector = (scope, lib) => {
  const out: Signal[] = [];
  const files = scope.files.filter((f) => f.endsWith('.tf') || base(f) === 'terragrunt.hcl');
  for (const file of files) {
    const raw = scope.read(file);
    if (raw === undefined) continue;
    const text = stripComments(raw);
    out.push(facet('infrastructure', 'terraform', file, base(file) === 'terragrunt.hcl' ? 'Terragrunt configuration' : 'Terraform configuration'));
    const providers = new Set<string>();
    // Provider addresses are "namespace/type", optionally behind a registry host; module sources have more parts.
    for (const m of text.matchAll(/\bsource\s*=\s*"(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+\/)?[\w-]+\/([\w-]+)"/g)) providers.add(m[1]!);
    for (const m of text.matchAll(/^\s*provider\s+"([\w-]+)"/gm)) providers.add(m[1]!);
    for (const provider of providers) out.push(...lookup(lib, [provider.toLowerCase()], ['cloud', 'infrastructure'], { file, detail: `provider "${provider}"` }));
    const seen = new Set<string>();
    for (const [, type] of text.matchAll(/^\s*(?:resource|data)\s+"([a-z0-9]+_[a-z0-9_]+)"/gm)) {
      if (seen.has(type!)) continue;
      seen.add(type!);
      // aws_sqs_queue -> sqs, google_pubsub_topic -> pubsub, azurerm_postgresql_flexible_server -> postgresql.
      const service = type!.split('_')[1]!;
      out.push(...lookup(lib, [service], ['datastore', 'messaging', 'infrastructure'], { file, detail: `resource ${type}` }));
    }
    for (const m of text.matchAll(/\b(engine|engine_type|database_version)\s*=\s*"([A-Za-z0-9_.-]+)"/g)) {
      const engine = m[2]!.toLowerCase().replace(/_\d.*$/, '');
      out.push(...lookup(lib, [engine], ['datastore', 'messaging'], { file, detail: `${m[1]} = "${m[2]}"` }));
    }
  }
  return out;
};
