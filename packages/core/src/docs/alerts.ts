/**
 * The service's alerts, as one list that both the Prometheus rules file and the runbook's alert
 * section are written from. Pages are symptoms users feel, derived from the targets: error-budget
 * burn over two window pairs (Google SRE workbook, "Alerting on SLOs": 14.4x over 1 h and 5 m,
 * 6x over 6 h and 30 m) and p99 latency. Causes (a saturated pool, a lagging consumer) are
 * tickets: they matter, but they wake nobody unless the symptoms follow.
 */
import { Document } from 'yaml';
import type { RenderContext } from '../render/context.js';
import type { Facet } from '../library/schema.js';
import { fillCommand, metricsSelector } from './ops-values.js';

export type Severity = 'page' | 'ticket';

export interface AlertDefinition {
  name: string;
  severity: Severity;
  /** What it means, in a sentence (the rule's summary and the runbook's text). */
  meaning: string;
  firstActions: string;
  /** PromQL; absent when the signal is not a Prometheus metric (listed in the runbook only). */
  expr?: string;
  for?: string;
  /** Who contributed it: "SLO" or the facet's name. */
  source: string;
}

/** The metric names the rules assume (OpenTelemetry semantic conventions, Prometheus-exported). */
export interface SliMetrics {
  /** The request-duration histogram, without `_bucket`/`_count`. */
  histogram: string;
  /** The label matcher that marks a failed request. */
  errorMatcher: string;
  /** What one unit of the histogram is, to turn the p99 target into its unit. */
  unitPerMs: number;
  unit: 'seconds' | 'milliseconds';
  convention: string;
}

/**
 * HTTP services: `http.server.request.duration` (seconds), exported as
 * `http_server_request_duration_seconds` with `http_response_status_code`. gRPC-only services:
 * `rpc.server.duration` (milliseconds) with `rpc_grpc_status_code`, failed on the server-side codes
 * (UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS).
 */
export function sliMetrics(context: RenderContext): SliMetrics {
  const styles = context.stack.apiStyles?.map((f) => f.id) ?? [];
  const grpcOnly = styles.includes('grpc') && !styles.some((s) => s === 'rest' || s === 'graphql');
  return grpcOnly
    ? { histogram: 'rpc_server_duration_milliseconds', errorMatcher: 'rpc_grpc_status_code=~"2|4|12|13|14|15"', unitPerMs: 1, unit: 'milliseconds', convention: 'OpenTelemetry `rpc.server.duration`' }
    : { histogram: 'http_server_request_duration_seconds', errorMatcher: 'http_response_status_code=~"5.."', unitPerMs: 0.001, unit: 'seconds', convention: 'OpenTelemetry `http.server.request.duration`' };
}

/** A decimal without binary noise (0.0144, not 0.014400000000000001). */
const num = (x: number): string => String(Number(x.toPrecision(10)));

/** Recording rule names (level:metric:operations, as Prometheus recommends), one per window. */
export const ERROR_RATIO = (window: string) => `job:slo_errors_per_request:ratio_rate${window}`;
export const BURN_WINDOWS = ['5m', '30m', '1h', '6h', '3d'] as const;

/** The burn-rate pairs: rate factor, long and short window, severity, `for`. */
export const BURN_RATES = [
  { suffix: 'ErrorBudgetBurnFast', factor: 14.4, long: '1h', short: '5m', severity: 'page', for: '2m', share: '2% of the 30-day error budget in an hour' },
  { suffix: 'ErrorBudgetBurnMedium', factor: 6, long: '6h', short: '30m', severity: 'page', for: '15m', share: '5% of the budget in six hours' },
  { suffix: 'ErrorBudgetBurnSlow', factor: 1, long: '3d', short: '6h', severity: 'ticket', for: '1h', share: '10% of the budget in three days' },
] as const;

export function alertPrefix(service: string): string {
  return service
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export interface AlertsData {
  selector: string;
  metrics: SliMetrics;
  /** 1 - availability, as a ratio. */
  budget: number;
  latencyThreshold: number;
  recording: Array<{ record: string; expr: string }>;
  alerts: AlertDefinition[];
}

export function alertsData(context: RenderContext, operated: readonly Facet[]): AlertsData {
  const { answers } = context;
  const selector = metricsSelector(answers);
  const metrics = sliMetrics(context);
  const budget = Number((1 - context.targets.availability / 100).toPrecision(10));
  const prefix = alertPrefix(context.service.name);
  const total = (w: string) => `sum by (job) (rate(${metrics.histogram}_count{${selector}}[${w}]))`;
  const errors = (w: string) => `sum by (job) (rate(${metrics.histogram}_count{${selector}, ${metrics.errorMatcher}}[${w}]))`;
  const recording = BURN_WINDOWS.map((w) => ({ record: ERROR_RATIO(w), expr: `${errors(w)} / ${total(w)}` }));
  const latencyThreshold = Number((context.targets.p99LatencyMs * metrics.unitPerMs).toPrecision(10));

  // Below 93.06% availability, 14.4 times the budget is more than every request failing: no such rule.
  const slo: AlertDefinition[] = BURN_RATES.filter((b) => b.factor * budget < 1).map((b) => ({
    name: `${prefix}${b.suffix}`,
    severity: b.severity,
    meaning: `Errors are burning the error budget ${b.factor}× faster than the ${context.targets.availability}% target allows (${b.share}), over both the last ${b.long} and ${b.short}.`,
    firstActions:
      b.severity === 'page'
        ? 'Check the last deploy, feature-flag and configuration changes first and roll back if one lines up with the start of the burn; otherwise find the failing endpoint and the dependency behind it.'
        : 'Find which endpoints and which errors spend the budget, and plan the fix before the budget runs out; freeze risky releases if less than a quarter of the budget is left.',
    expr: `${ERROR_RATIO(b.long)}{${selector}} > ${num(b.factor * budget)} and ${ERROR_RATIO(b.short)}{${selector}} > ${num(b.factor * budget)}`,
    for: b.for,
    source: 'SLO',
  }));
  slo.push({
    name: `${prefix}LatencyP99AboveTarget`,
    severity: 'page',
    meaning: `p99 latency has been above the ${context.targets.p99LatencyMs} ms target for 10 minutes.`,
    firstActions: 'Find the slow endpoint on the dashboard, then the slow span in a trace: a dependency, a lock, a cold cache or saturation.',
    expr: `histogram_quantile(0.99, sum by (job, le) (rate(${metrics.histogram}_bucket{${selector}}[5m]))) > ${num(latencyThreshold)}`,
    for: '10m',
    source: 'SLO',
  });

  // A backlog of one minute of peak traffic: consumers that far behind no longer keep up.
  const peakMinute = String(context.targets.throughputRps * 60);
  const seen = new Set(slo.map((a) => a.name));
  const causes: AlertDefinition[] = [];
  for (const facet of operated) {
    for (const alert of facet.runbook.alerts) {
      // The same JVM alert comes with Java, Kotlin and Scala: one rule.
      if (seen.has(alert.name)) continue;
      seen.add(alert.name);
      // `{selector}` is a whole matcher, `{selector, …}` the start of one.
      const expr =
        alert.expr &&
        fillCommand(alert.expr.replace(/\{selector([,}])/g, (_, end: string) => `{${selector}${end}`).replaceAll('{peak-minute-messages}', peakMinute), answers);
      causes.push({
        name: alert.name,
        // A cause never pages: the symptom alerts above page when users feel it.
        severity: 'ticket',
        meaning: alert.meaning,
        firstActions: alert.firstActions,
        ...(expr ? { expr, for: alert.for ?? '10m' } : {}),
        source: facet.name,
      });
    }
  }
  return { selector, metrics, budget, latencyThreshold, recording, alerts: [...slo, ...causes] };
}

/** GitHub's heading anchor for an alert's section in the runbook. */
export function alertAnchor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

/** The rules file: recording rules for the error ratios, then every alert that has an expression. */
export function renderAlertRules(context: RenderContext, data: AlertsData, runbookPath: string): string {
  const base = context.answers.ops.runbookBaseUrl;
  const runbookUrl = (name: string) => `${base ? base.replace(/\/?$/, '/') : ''}${runbookPath}#${alertAnchor(name)}`;
  const service = context.service.name;
  const rules = data.alerts.filter((a) => a.expr);
  const doc = new Document({
    groups: [
      { name: `${service}-slo-recording`, rules: data.recording.map((r) => ({ record: r.record, expr: r.expr })) },
      {
        name: `${service}-alerts`,
        rules: rules.map((a) => ({
          alert: a.name,
          expr: a.expr,
          for: a.for,
          labels: { severity: a.severity, service },
          annotations: { summary: a.meaning, runbook_url: runbookUrl(a.name) },
        })),
      },
    ],
  });
  doc.commentBefore =
    ` Prometheus alerting rules for ${service}, generated with its runbook (${runbookPath}).\n` +
    ` Load with rule_files in prometheus.yml, or wrap in a PrometheusRule for the Prometheus Operator.\n` +
    ` The service's metrics are selected by ${data.selector} (ops.metricsJob changes it); request metrics\n` +
    ` follow ${data.metrics.convention.replace(/`/g, '')}: ${data.metrics.histogram}_bucket and _count.\n` +
    ` Pages (severity: page) are symptoms; everything else is a ticket.`;
  return doc.toString({ lineWidth: 0 });
}
