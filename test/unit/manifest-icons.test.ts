import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { drawIcons, ICON_SIZES } from '../../scripts/app-package/icon-art';
import { iconProblems } from '../../scripts/app-package/icons';
import { APP_PACKAGE_DIR, templateManifest } from '../helpers/app-package';

const icons = templateManifest().icons as { color: string; outline: string };
const read = (file: string) => readFileSync(path.join(APP_PACKAGE_DIR, file));
const decode = (file: string) => PNG.sync.read(read(file));

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4) out.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  return out;
}

describe('app icons', () => {
  it('are PNG files of exactly 192×192 (color) and 32×32 (outline)', () => {
    for (const [kind, file] of Object.entries(icons)) {
      const png = decode(file);
      const size = ICON_SIZES[kind as keyof typeof ICON_SIZES];
      assert.deepEqual([png.width, png.height], [size, size], file);
      assert.deepEqual(iconProblems(kind as 'color' | 'outline', file, read(file)), []);
    }
  });

  it('outline: white lines on a transparent background', () => {
    const all = pixels(decode(icons.outline));
    const visible = all.filter((p) => p.a > 0);
    assert.ok(visible.every((p) => p.r === 255 && p.g === 255 && p.b === 255), 'every visible pixel is white');
    assert.ok(all.filter((p) => p.a === 0).length > all.length / 2, 'mostly transparent');
    assert.ok(visible.filter((p) => p.a === 255).length > 60, 'lines are drawn, not only faint edges');
    const corners = [0, 31, 32 * 31, 32 * 32 - 1].map((i) => all[i]!.a);
    assert.deepEqual(corners, [0, 0, 0, 0], 'corners are transparent');
  });

  it('color: opaque artwork, not a flat placeholder', () => {
    const all = pixels(decode(icons.color));
    assert.ok(all.every((p) => p.a === 255), 'opaque');
    const colours = new Set(all.map((p) => (p.r << 16) | (p.g << 8) | p.b));
    assert.ok(colours.size > 200, `${colours.size} distinct colours`);
    const white = all.filter((p) => p.r === 255 && p.g === 255 && p.b === 255).length;
    assert.ok(white > all.length * 0.1 && white < all.length * 0.5, 'a white symbol on a coloured ground');
  });

  it('are exactly what scripts/make-icons.ts draws', () => {
    const drawn = drawIcons();
    assert.ok(PNG.sync.read(drawn.color).data.equals(decode(icons.color).data), 'color.png matches the drawing code');
    assert.ok(PNG.sync.read(drawn.outline).data.equals(decode(icons.outline).data), 'outline.png matches the drawing code');
  });

  it('the icon check rejects a wrong size, a coloured outline and a file that is not PNG', () => {
    assert.match(iconProblems('outline', 'color.png', read(icons.color)).join(), /must be 32×32/);
    const coloured = new PNG({ width: 32, height: 32 });
    coloured.data.fill(0);
    coloured.data.set([200, 30, 30, 255], 0);
    assert.match(iconProblems('outline', 'o.png', PNG.sync.write(coloured)).join(), /not white/);
    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(255);
    assert.match(iconProblems('outline', 'o.png', PNG.sync.write(opaque)).join(), /transparent/);
    assert.match(iconProblems('color', 'c.png', Buffer.from('GIF89a')).join(), /not a PNG/);
  });
});
