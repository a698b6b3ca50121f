// A simulated Renovate pull request: every dependency of the given files gets a made-up newer version (and, when it
// is pinned by digest, a made-up digest), written with Renovate's own updater (doAutoReplace, the code path of both
// the github-actions and the regex managers: lib/workers/repository/update/branch/auto-replace.ts, 44.121.2).
// Usage: node tools/renovate/bump.mjs <copy of the repository> <file>...  (edits the copy; prints what changed)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GithubRunnersDatasource } from 'renovate/dist/modules/datasource/github-runners/index.js';
import { doAutoReplace } from 'renovate/dist/workers/repository/update/branch/auto-replace.js';
import { extractFiles } from './extract.mjs';

// The next major (or first number) of a version, keeping its shape: 24 -> 25, 24.04 -> 25.04, v0.69.3 -> v1.69.3.
const bumped = (value) => value.replace(/\d+/, (number) => String(Number(number) + 1));
// In the shape of the dependency's digests: an image's is sha256:<64 hex> (the host reads it so), a commit's 40 hex.
const digestFor = (dep, text) => (dep.datasource === 'docker'
  ? `sha256:${createHash('sha256').update(text).digest('hex')}`
  : createHash('sha1').update(text).digest('hex'));

// A runner label must be one GitHub has (the manager drops unknown ones): the newest stable runner of the same shape
// from Renovate's github-runners datasource, whose release list ships with Renovate (no network).
async function newRunner(dep) {
  const releases = await new GithubRunnersDatasource().getReleases({ packageName: dep.depName });
  const sameShape = (version) => /^\d+(\.\d+)?$/.test(version) === /^\d+(\.\d+)?$/.test(dep.currentValue);
  const newer = releases.releases.map((release) => release.version)
    .filter((version) => sameShape(version) && Number.parseFloat(version) > Number.parseFloat(dep.currentValue));
  return newer.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))[0] ?? dep.currentValue;
}

const root = resolve(process.argv[2]);
const targets = new Set(process.argv.slice(3));
const changes = [];
for (const { manager, packageFile, result } of await extractFiles(root)) {
  if (!targets.has(packageFile)) {
    continue;
  }
  let content = readFileSync(join(root, packageFile), 'utf8');
  for (const [depIndex, dep] of result.deps.entries()) {
    if (dep.skipReason || !dep.currentValue) {
      continue;
    }
    const newValue = dep.datasource === GithubRunnersDatasource.id ? await newRunner(dep) : bumped(dep.currentValue);
    const newDigest = dep.currentDigest ? digestFor(dep, `${dep.packageName ?? dep.depName}@${newValue}`) : undefined;
    const upgrade = { ...manager.config, ...result, ...dep, manager: manager.name, packageFile, depIndex, newValue, newDigest };
    delete upgrade.deps;
    try {
      content = await doAutoReplace(upgrade, content, false, depIndex === 0);
    } catch (error) {
      throw new Error(`${packageFile}: Renovate could not write ${dep.depName} ${dep.currentValue} -> ${newValue} (dep ${depIndex}): ${error.message}`);
    }
    changes.push({ manager: manager.id, packageFile, depName: dep.depName, from: dep.currentValue, to: newValue, digest: newDigest ?? null });
  }
}
process.stdout.write(JSON.stringify(changes, null, 2) + '\n');
