// Values for the `${{VAR}}` placeholders, found the way Microsoft 365 Agents Toolkit finds them:
// env/.env.<environment> (committed), then env/.env.<environment>.user (secrets, git-ignored).
// Variables already set in the process win, so CI can override a file without editing it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

export interface PackageEnvironment {
  readonly name: string;
  readonly values: Readonly<Record<string, string | undefined>>;
  /** The env files that were read, relative to the project root. */
  readonly files: readonly string[];
}

const ENV_NAME = /^[A-Za-z0-9_-]+$/;

export function loadPackageEnvironment(root: string, name: string, processEnv: Readonly<Record<string, string | undefined>>): PackageEnvironment {
  if (!ENV_NAME.test(name)) throw new Error(`environment name "${name}" is not valid: use letters, digits, - or _ (e.g. local, dev)`);
  const files: string[] = [];
  const values: Record<string, string | undefined> = {};
  for (const file of [`env/.env.${name}`, `env/.env.${name}.user`]) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue;
    Object.assign(values, parseEnv(readFileSync(full, 'utf8')));
    files.push(file);
  }
  for (const [key, value] of Object.entries(processEnv)) {
    if (value !== undefined) values[key] = value;
  }
  return { name, values, files };
}
