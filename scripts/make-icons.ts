// `npx tsx scripts/make-icons.ts`: redraws appPackage/color.png and appPackage/outline.png from scripts/app-package/icon-art.ts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawIcons } from './app-package/icon-art';

const appPackage = path.resolve(__dirname, '../appPackage');
const icons = drawIcons();
writeFileSync(path.join(appPackage, 'color.png'), icons.color);
writeFileSync(path.join(appPackage, 'outline.png'), icons.outline);
console.log(`icons written to ${path.relative(process.cwd(), appPackage) || '.'}`);
