import { Counter, Histogram, renderGauges } from './metrics.registry.js';

describe('metrics registry (Prometheus text format)', () => {
  it('renders counters per label set, escaping label values', () => {
    const c = new Counter('http_requests_total', 'Requests.');
    c.inc({ route: '/a', status: '200' });
    c.inc({ status: '200', route: '/a' }, 2);
    c.inc({ route: 'say "hi"\\\n', status: '500' });
    expect(c.render()).toEqual([
      '# HELP http_requests_total Requests.',
      '# TYPE http_requests_total counter',
      'http_requests_total{route="/a",status="200"} 3',
      'http_requests_total{route="say \\"hi\\"\\\\\\n",status="500"} 1',
    ]);
  });

  it('renders cumulative histogram buckets with +Inf, sum and count', () => {
    const h = new Histogram('latency_seconds', 'Latency.', [0.1, 1]);
    for (const v of [0.05, 0.5, 0.7, 3]) h.observe({ route: '/x' }, v);
    expect(h.render()).toEqual([
      '# HELP latency_seconds Latency.',
      '# TYPE latency_seconds histogram',
      'latency_seconds_bucket{route="/x",le="0.1"} 1',
      'latency_seconds_bucket{route="/x",le="1"} 3',
      'latency_seconds_bucket{route="/x",le="+Inf"} 4',
      'latency_seconds_sum{route="/x"} 4.25',
      'latency_seconds_count{route="/x"} 4',
    ]);
  });

  it('renders gauges, including non-finite values', () => {
    expect(renderGauges([{ name: 'q', help: 'Depth.', samples: [{ labels: { queue: 'a' }, value: 3 }, { labels: {}, value: Number.NaN }] }])).toEqual([
      '# HELP q Depth.', '# TYPE q gauge', 'q{queue="a"} 3', 'q NaN',
    ]);
  });
});
