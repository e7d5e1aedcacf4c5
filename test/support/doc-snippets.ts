// The code blocks of a documentation page's section, so a test can run what the page shows
// rather than a copy of it that drifts.

export interface DocSnippet {
  /** The file the paragraph before the block names first (`jest.config.js`: …), if it names one. */
  readonly file: string | undefined;
  /** The fence's language (`js`, `yaml`, `sh`), empty when it has none. */
  readonly lang: string;
  readonly code: string;
}

const fence = /^```(\S*)\s*$/;
// A paragraph that opens with a file's name in backticks: `serverless.yml` declares…
const fileLabel = /^`([\w.-]+\.\w+)`/;

/**
 * The fenced blocks under `heading` (a whole line, `## …`), up to the next heading of its level or
 * above. Lines inside fences are never headings: `# seed.yml` in a YAML block is a comment.
 */
export function sectionSnippets(markdown: string, heading: string): DocSnippet[] {
  const level = /^#+/.exec(heading)?.[0].length ?? 0;
  const endsSection = new RegExp(`^#{1,${level}} `);
  const snippets: DocSnippet[] = [];
  let inSection = false;
  let open: { file: string | undefined; lang: string; lines: string[] } | undefined;
  let paragraphStart: string | undefined;
  let previous = '';
  for (const line of markdown.split('\n')) {
    if (open) {
      if (fence.test(line)) {
        snippets.push({ file: open.file, lang: open.lang, code: `${open.lines.join('\n')}\n` });
        open = undefined;
        // A block right after this one has no paragraph of its own (a command's output, say).
        paragraphStart = undefined;
      } else open.lines.push(line);
    } else if (line === heading) inSection = true;
    else if (inSection && endsSection.test(line)) break;
    else if (inSection) {
      const opened = fence.exec(line);
      if (opened) {
        open = { file: fileLabel.exec(paragraphStart ?? '')?.[1], lang: opened[1] ?? '', lines: [] };
      } else if (line.trim() !== '' && previous.trim() === '') paragraphStart = line;
    }
    previous = line;
  }
  if (!inSection) throw new Error(`no section ${JSON.stringify(heading)} in the page`);
  return snippets;
}
