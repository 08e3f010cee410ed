import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What the process holding `DATA_DIR` writes in its lock file, so a second process can reach it. */
export interface LockHolder {
  readonly pid: number;
  /** Loopback port of the running app's HTTP server, once it listens. */
  readonly port?: number;
  /** Secret a local command presents to hand work to the running app (file is readable by the owner only). */
  readonly secret: string;
}

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(readonly dataDir: string, readonly holder: LockHolder) {
    super(`${dataDir} is in use by process ${holder.pid}: only one process may open the embedded store at a time`);
    this.name = 'DataDirLockedError';
  }
}

/**
 * One process at a time owns an embedded `DATA_DIR`: two writers appending to the same journal would
 * corrupt it. The lock is a file created exclusively; a lock left by a dead process is taken over.
 */
export class DataDirLock {
  private constructor(private readonly file: string, private holder: LockHolder) {}

  static acquire(dataDir: string): DataDirLock {
    const file = path.join(dataDir, 'LOCK');
    const holder: LockHolder = { pid: process.pid, secret: randomBytes(24).toString('hex') };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        fs.writeFileSync(file, JSON.stringify(holder), { flag: 'wx', mode: 0o600 });
        return new DataDirLock(file, holder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const current = readLockHolder(dataDir);
        if (current && isAlive(current.pid)) throw new DataDirLockedError(dataDir, current);
        fs.rmSync(file, { force: true }); // stale: its process is gone
      }
    }
    throw new Error(`Could not lock ${dataDir}: another process keeps taking the lock`);
  }

  /** Records the HTTP port so that local commands (catalogue import) can go through the running app. */
  advertisePort(port: number): void {
    this.holder = { ...this.holder, port };
    fs.writeFileSync(this.file, JSON.stringify(this.holder), { mode: 0o600 });
  }

  get secret(): string {
    return this.holder.secret;
  }

  release(): void {
    const current = readLockHolder(path.dirname(this.file));
    if (current?.pid === process.pid) fs.rmSync(this.file, { force: true });
  }
}

export function readLockHolder(dataDir: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'LOCK'), 'utf8')) as LockHolder;
  } catch {
    return undefined; // absent, or half-written by a process that is starting: treated as no holder
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
