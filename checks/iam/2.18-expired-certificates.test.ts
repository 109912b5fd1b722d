import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { expiredCertificates } from './2.18-expired-certificates.js';

const cert = (name: string, expiration: string) => ({
  Path: '/cloudfront/',
  ServerCertificateName: name,
  ServerCertificateId: `ASCA${name.toUpperCase().replace(/-/g, '').slice(0, 16)}`,
  Arn: `arn:aws:iam::111122223333:server-certificate/cloudfront/${name}`,
  UploadDate: '2025-01-10T12:00:00+00:00',
  Expiration: expiration,
});
const list = (...certs: ReturnType<typeof cert>[]) => ok('iam', 'ListServerCertificates', { ServerCertificateMetadataList: certs });

describe('2.18 expired server certificates', () => {
  it('passes certificates valid at collection time, and an empty store', () => {
    const result = run(expiredCertificates, makeSnapshot([list(cert('shop-2027', '2027-03-01T23:59:59+00:00'))]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toBe('shop-2027 is valid until 2027-03-01');
    expect(run(expiredCertificates, makeSnapshot([list()])).status).toBe('pass');
  });

  it('fails a certificate that expired before collection, judged at collectedAt', () => {
    const snapshot = makeSnapshot([list(cert('shop-2026', '2026-11-20T23:59:59+00:00'), cert('shop-2027', '2027-03-01T23:59:59+00:00'))]);
    const result = run(expiredCertificates, snapshot);
    expect(result.status).toBe('fail');
    expect(result.findings[0]).toMatchObject({ resource: 'arn:aws:iam::111122223333:server-certificate/cloudfront/shop-2026', status: 'fail' });
    expect(result.findings[0]?.detail).toContain('expired on 2026-11-20 (4 days before collection)');
    const earlier = makeSnapshot([list(cert('shop-2026', '2026-11-20T23:59:59+00:00'))], { collectedAt: '2026-11-01T00:00:00Z' });
    expect(run(expiredCertificates, earlier).status).toBe('pass');
  });

  it('is an error naming the call when denied or not collected', () => {
    for (const calls of [[denied('iam', 'ListServerCertificates')], []]) {
      const result = run(expiredCertificates, makeSnapshot(calls));
      expect(result.status).toBe('error');
      expect(result.findings[0]?.detail).toContain('iam ListServerCertificates');
    }
  });
});
