// `npm run package [-- --env dev] [-- --out DIR]`: writes appPackage/build/appPackage.<env>.zip.
// The environment is --env, else TEAMSFX_ENV, else `local`; placeholder values come from the process
// environment, then env/.env.<env> and env/.env.<env>.user.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppPackage, PackageError } from './app-package/build';
import { loadPackageEnvironment } from './app-package/environment';

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..');
  const { values: args } = parseArgs({ options: { env: { type: 'string' }, out: { type: 'string' } } });
  const envName = args.env ?? (process.env.TEAMSFX_ENV || 'local');
  try {
    const environment = loadPackageEnvironment(root, envName, process.env);
    const built = await buildAppPackage({
      sourceDir: path.join(root, 'appPackage'),
      outDir: path.resolve(args.out ?? path.join(root, 'appPackage/build')),
      environment,
    });
    console.log(`App package for "${envName}" written to ${path.relative(process.cwd(), built.zipPath)} (${built.entries.join(', ')}); manifest validated against its schema.`);
    return 0;
  } catch (error) {
    console.error(error instanceof PackageError ? error.message : `The app package was not built: ${(error as Error).message}`);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
