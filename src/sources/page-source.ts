import { extname } from 'node:path';
import { CORPUS } from '../config.js';
import { buildCorpus } from '../corpus/ingest.js';
import { IngestError } from '../corpus/ingest-error.js';
import type { CorpusFile } from '../corpus/paper.js';
import { guardSource, SourceError } from './source-error.js';
import type { PaperSource, SourceFetchOptions, SourceFetchResult } from './source.js';

export interface PageSourceOptions {
  /** The data folder: `sources/` and the metadata file inside it. */
  dataDir: string;
}

/** A bare `.txt` file name (no folder, no `..`), as `page:<file>` names one in data/sources. */
export function isPageFileName(file: string): boolean {
  return (
    file.length > 0 &&
    !file.includes('/') &&
    !file.includes('\\') &&
    !file.startsWith('.') &&
    (CORPUS.sourceExtensions as readonly string[]).includes(extname(file))
  );
}

/**
 * A saved papers page in `data/sources/` as a source (`page:hf-papers-page.txt`), through the
 * existing ingest: the same parser, metadata join and validation, so its papers are exactly those
 * `npm run ingest` writes to papers.json. `since` and `date` do not apply: a page is read whole.
 * NOTE: ingest is run over every page and this one's papers kept: ids of papers without an arXiv
 * id are title slugs numbered across all pages (`-2` on a clash), and only the whole run gives the
 * same ids as papers.json. A page is small (99 papers build in milliseconds).
 * A page ingest refuses (a title without abstract, say) fails the fetch as `garbled`, with
 * ingest's message naming the file and line.
 *
 * @example const { papers } = await createPageSource('hf-papers-page.txt', { dataDir }).fetch();
 */
export function createPageSource(file: string, { dataDir }: PageSourceOptions): PaperSource {
  const name = `page:${file}`;
  const sourcePath = `${CORPUS.sourcesDir}/${file}`;
  return {
    name,
    async fetch(_options: SourceFetchOptions = {}): Promise<SourceFetchResult> {
      return guardSource(name, async () => {
        let corpus: CorpusFile;
        try {
          corpus = buildCorpus(dataDir).corpus;
        } catch (error) {
          if (error instanceof IngestError) {
            throw new SourceError({ kind: 'garbled', service: name, message: `Cannot read the saved pages: ${error.message}`, cause: error });
          }
          const code = (error as NodeJS.ErrnoException).code;
          if (typeof code === 'string') {
            throw new SourceError({ kind: 'unreachable', service: name, message: `Cannot read the data folder (${code}).`, detail: dataDir, cause: error });
          }
          throw error;
        }
        if (!corpus.sources.includes(sourcePath)) {
          throw new SourceError({ kind: 'unreachable', service: name, message: `There is no ${sourcePath} in the data folder.` });
        }
        const papers = corpus.papers.filter((paper) => paper.source.file === sourcePath).map((paper) => ({ paper, extras: {}, source: name }));
        return { source: name, papers, skipped: 0, problems: [], requests: 0 };
      });
    },
  };
}
