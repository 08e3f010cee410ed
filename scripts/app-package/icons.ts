// Teams checks icon pixel sizes when an app is uploaded; the manifest schema does not. These checks
// run when the package is built and in the tests, so a wrong icon fails here rather than in Teams.
// Sizes and look: color 192×192 full colour; outline 32×32, white lines on a transparent background
// (learn.microsoft.com "Teams app package", root.icons of the M365 manifest reference).
import { PNG } from 'pngjs';
import { ICON_SIZES } from './icon-art';

export type IconKind = keyof typeof ICON_SIZES;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

/** What is wrong with an icon, in words; empty when it is fine. */
export function iconProblems(kind: IconKind, fileName: string, bytes: Buffer): string[] {
  if (!isPng(bytes)) return [`${fileName} is not a PNG file: the ${kind} icon must be a PNG`];
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    return [`${fileName} could not be decoded as PNG (${(error as Error).message})`];
  }
  const size = ICON_SIZES[kind];
  if (png.width !== size || png.height !== size) {
    return [`${fileName} is ${png.width}×${png.height}: the ${kind} icon must be ${size}×${size} pixels`];
  }
  return kind === 'outline' ? outlineProblems(fileName, png) : [];
}

function outlineProblems(fileName: string, png: PNG): string[] {
  let transparent = 0;
  let notWhite = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const alpha = png.data[i + 3]!;
    if (alpha === 0) transparent++;
    else if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) notWhite++;
  }
  const problems: string[] = [];
  if (notWhite > 0) problems.push(`${fileName} has ${notWhite} visible pixels that are not white: the outline icon is white on transparent`);
  // The background must be transparent; a filled square would show as a white block in Teams' app bar.
  if (transparent < (png.width * png.height) / 2) problems.push(`${fileName} has a mostly opaque background: the outline icon's background must be transparent`);
  return problems;
}
