/**
 * A minimal Prometheus registry (text exposition format 0.0.4): counters and histograms kept in
 * process, plus gauges computed when scraped. Hand-written because no metrics package is installed;
 * it covers exactly what /metrics needs.
 */
export type Labels = Record<string, string>;
export interface Sample { labels: Labels; value: number }
export interface GaugeFamily { name: string; help: string; samples: Sample[] }

const key = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const formatLabels = (labels: Labels) => {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}` : '';
};
const formatValue = (v: number) => (Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN');
const header = (name: string, help: string, type: string) => [`# HELP ${name} ${help.replace(/\n/g, ' ')}`, `# TYPE ${name} ${type}`];

export class Counter {
  private readonly values = new Map<string, Sample>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    const sample = this.values.get(k) ?? { labels, value: 0 };
    sample.value += by;
    this.values.set(k, sample);
  }

  render(): string[] {
    return [...header(this.name, this.help, 'counter'), ...[...this.values.values()].map((s) => `${this.name}${formatLabels(s.labels)} ${formatValue(s.value)}`)];
  }
}

export class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[]) {}

  observe(labels: Labels, value: number): void {
    const k = key(labels);
    const s = this.series.get(k) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((upper, i) => { if (value <= upper) s.counts[i]!++; });
    s.sum += value;
    s.count++;
    this.series.set(k, s);
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'histogram');
    for (const s of this.series.values()) {
      this.buckets.forEach((upper, i) => lines.push(`${this.name}_bucket${formatLabels({ ...s.labels, le: String(upper) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${formatLabels({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${formatLabels(s.labels)} ${formatValue(s.sum)}`, `${this.name}_count${formatLabels(s.labels)} ${s.count}`);
    }
    return lines;
  }
}

export function renderGauges(families: GaugeFamily[]): string[] {
  return families.flatMap((f) => [...header(f.name, f.help, 'gauge'), ...f.samples.map((s) => `${f.name}${formatLabels(s.labels)} ${formatValue(s.value)}`)]);
}

/** Seconds; from a fast webhook acknowledgement to a slow availability search. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
