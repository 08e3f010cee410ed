import fs from 'node:fs';

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

/** E-mail addresses found in a log file, with their line numbers (none expected, ever). */
export function findEmailAddresses(file: string): { line: number; email: string }[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').flatMap((text, index) => [...text.matchAll(EMAIL)].map((match) => ({ line: index + 1, email: match[0] })));
}
