// A throwaway certificate for the fake sites, made at test time so no key is ever committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Make a self-signed certificate valid for every host name given (the browser is started with
 * --ignore-certificate-errors, but a correct subjectAltName keeps the TLS handshake itself ordinary).
 * openssl works in a temporary folder, removed once the key and certificate are read.
 * @param {string[]} hosts
 * @returns {{key: Buffer, cert: Buffer}}
 */
export function selfSignedCertificate(hosts) {
  const dir = mkdtempSync(join(tmpdir(), 'botlens-tls-'));
  try {
    return makeCertificate(dir, hosts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {string} dir @param {string[]} hosts */
function makeCertificate(dir, hosts) {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const config = join(dir, 'openssl.cnf');
  writeFileSync(config, [
    '[req]', 'distinguished_name = dn', 'x509_extensions = ext', 'prompt = no',
    '[dn]', 'CN = botlens-test-sites',
    '[ext]', `subjectAltName = ${hosts.map((h) => `DNS:${h}`).join(',')}`,
    'basicConstraints = CA:FALSE', 'keyUsage = digitalSignature,keyEncipherment', 'extendedKeyUsage = serverAuth',
  ].join('\n'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', key,
    '-out', cert, '-config', config], { stdio: 'pipe' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
