import { redactPath } from './redact.js';

describe('redactPath', () => {
  it('masks phone numbers and drops query strings', () => {
    expect(redactPath('/api/v1/simulator/conversations/+12125550199')).toBe('/api/v1/simulator/conversations/[redacted]');
    expect(redactPath('/api/v1/simulator/conversations/%2B12125550199')).toBe('/api/v1/simulator/conversations/[redacted]');
    expect(redactPath('/api/v1/appointments?patientPhone=%2B12125550199&x=1')).toBe('/api/v1/appointments');
  });

  it('keeps ids and ordinary paths readable', () => {
    expect(redactPath('/api/v1/appointments/7d2a1c8e-4b1f-4c2a-9a57-0d9d2f1e3b4c')).toBe('/api/v1/appointments/7d2a1c8e-4b1f-4c2a-9a57-0d9d2f1e3b4c');
    expect(redactPath('/health')).toBe('/health');
  });
});
