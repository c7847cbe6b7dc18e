// The bytes of one answer as sent on the wire in a given coding: fetch decodes bodies, so this reads them raw.
import { request } from 'node:http';

export function encodedBytes(url: string, encoding: string): Promise<{ bytes: number; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': encoding } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve({ bytes, encoding: response.headers['content-encoding'] }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
