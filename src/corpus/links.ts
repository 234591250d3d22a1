import { arxivLinks, arxivTitleSearch } from './arxiv.js';
import { sameUrl, trimUrl } from './clean-text.js';
import type { PaperLinks } from './paper.js';

/** Hosts where a URL in an abstract means "the code is here". */
const CODE_HOSTS = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'sourceforge.net'];

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

export function urlsInText(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    // "{https://a}" repeats and "https://a}." endings: the brace is never part of the URL.
    for (const part of match[0].split(/[{}]/)) {
      const url = trimUrl(part);
      if (/^https?:\/\/[^/]+\.[^/]+/.test(url) && !found.some((seen) => sameUrl(seen, url))) found.push(url);
    }
  }
  return found;
}

export function isCodeUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^www\./, '');
  return CODE_HOSTS.some((codeHost) => host === codeHost);
}

export function buildLinks(title: string, arxivId: string | null, abstract: string): PaperLinks {
  const urls = urlsInText(abstract);
  return {
    ...(arxivId ? arxivLinks(arxivId) : { search: arxivTitleSearch(title) }),
    code: urls.filter(isCodeUrl),
    project: urls.filter((url) => !isCodeUrl(url)),
  };
}
