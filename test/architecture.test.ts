import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';

/**
 * The rooms of docs/architecture.md, checked: which top-level folder may import which. A room is
 * `handlers` or a folder directly under `src/`; files at the top of `src/` (config, env-config,
 * logger, paths, main) belong to no room: they are the shared settings and the composition root.
 */

interface Edge {
  from: string;
  to: string;
  file: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'web' && dir.endsWith('playground') ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** `handlers`, `src/search`, …; undefined for the files at the top of src/. */
function roomOf(path: string): string | undefined {
  const parts = relative(PROJECT_ROOT, path).split('/');
  if (parts[0] === 'handlers') return 'handlers';
  if (parts[0] === 'src' && parts.length > 2) return `src/${parts[1]}`;
  return undefined;
}

function edges(): Edge[] {
  const files = [...sourceFiles(join(PROJECT_ROOT, 'src')), ...sourceFiles(join(PROJECT_ROOT, 'handlers'))];
  return files.flatMap((file) => {
    const from = roomOf(file);
    if (!from) return [];
    return [...readFileSync(file, 'utf8').matchAll(IMPORT)].flatMap((match) => {
      const spec = match[3]!;
      const typeOnly = Boolean(match[2]);
      if (!spec.startsWith('.')) return [{ from, to: spec, file: relative(PROJECT_ROOT, file), typeOnly }];
      const to = roomOf(resolve(dirname(file), spec));
      return to && to !== from ? [{ from, to, file: relative(PROJECT_ROOT, file), typeOnly }] : [];
    });
  });
}

const all = edges();

describe('the rooms and what each may import', () => {
  it('finds the rooms it checks', () => {
    for (const room of ['handlers', 'src/slack', 'src/answers', 'src/render', 'src/search', 'src/corpus', 'src/digests'])
      expect(all.some((e) => e.from === room)).toBe(true);
  });

  it('has no import cycle between rooms', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of all) if (e.to === 'handlers' || e.to.startsWith('src/')) graph.set(e.from, (graph.get(e.from) ?? new Set()).add(e.to));
    const cycles: string[] = [];
    const visit = (room: string, path: string[]) => {
      if (path.includes(room)) {
        cycles.push([...path.slice(path.indexOf(room)), room].join(' → '));
        return;
      }
      for (const next of graph.get(room) ?? []) visit(next, [...path, room]);
    };
    for (const room of graph.keys()) visit(room, []);
    expect(cycles).toEqual([]);
  });

  it('keeps search, corpus and render free of Slack, the runtime and the features', () => {
    const forbidden = ['handlers', 'src/slack', 'src/answers', 'src/playground', 'src/process', 'src/store', 'src/sources', 'src/slack-stand-in'];
    for (const room of ['src/search', 'src/corpus', 'src/render']) {
      const bad = all.filter((e) => e.from === room && (forbidden.includes(e.to) || (e.to === '@slack/bolt' && !e.typeOnly)));
      expect(bad.map((e) => `${e.file} imports ${e.to}`)).toEqual([]);
    }
    expect(all.filter((e) => e.from === 'src/search' && (e.to === 'src/render' || e.to.startsWith('@slack'))).map((e) => e.file)).toEqual([]);
  });

  it('keeps the digests free of Slack: they post through a DigestPoster', () => {
    const bad = all.filter(
      (e) => e.from === 'src/digests' && (['handlers', 'src/slack', 'src/answers', 'src/playground'].includes(e.to) || e.to.startsWith('@slack')),
    );
    expect(bad.map((e) => `${e.file} imports ${e.to}`)).toEqual([]);
  });

  it('hands the listeners to whoever composes the app: no room imports handlers/', () => {
    expect(all.filter((e) => e.to === 'handlers').map((e) => `${e.file} imports handlers/`)).toEqual([]);
  });
});
