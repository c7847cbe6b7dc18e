// As root, nginx's workers run as an unprivileged user: the first of these that exists, with its uid and gid.
import { readFileSync } from 'node:fs';

export interface WorkerUser {
  name: string;
  group: string;
  uid: number;
  gid: number;
}

export function findWorkerUser(candidates = ['www-data', 'nginx', 'nobody']): WorkerUser {
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  const groups = readFileSync('/etc/group', 'utf8').split('\n');
  for (const name of candidates) {
    const entry = passwd.find((line) => line.startsWith(`${name}:`))?.split(':');
    if (!entry) continue;
    const gid = Number(entry[3]);
    const group = groups.find((line) => line.split(':')[2] === String(gid))?.split(':')[0] ?? String(gid);
    return { name, group, uid: Number(entry[2]), gid };
  }
  throw new Error(`none of the users ${candidates.join(', ')} exists to run nginx's workers`);
}
