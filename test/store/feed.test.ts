import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { htmlFragmentText, readFeed } from '../../src/ingest/feed.js';
import type { SourceItem } from '../../src/ingest/sources.js';
import { tempDir } from '../helpers/tmp.js';

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Courier</title>
  <id>urn:valley</id><updated>2026-05-02T10:00:00Z</updated>
  <entry>
    <title>Dam talks resume</title>
    <link href="https://valley.example/dam"/>
    <id>urn:valley:dam</id>
    <updated>2026-05-02T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Engineers from Egypt and Sudan met in Khartoum on Friday to resume talks over the filling of the dam.&lt;/p&gt;&lt;p&gt;"We are closer than ever to an agreement," the Sudanese irrigation minister told reporters after the meeting.&lt;/p&gt;</content>
  </entry>
</feed>`;

async function collect(it: AsyncGenerator<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('an Atom feed gives one article an entry, with its link, date, title and the feed as outlet', async () => {
  const file = path.join(tempDir(), 'valley.atom');
  writeFileSync(file, ATOM);
  const [item] = await collect(readFeed(file));
  assert.ok(item?.ok);
  const a = item.article;
  assert.equal(a.id, 'urn:valley:dam');
  assert.equal(a.outlet, 'Valley Courier');
  assert.equal(a.url, 'https://valley.example/dam');
  assert.equal(a.published, '2026-05-02');
  assert.equal(a.title, 'Dam talks resume');
  assert.equal(a.text.split('\n\n').length, 2);
  assert.match(a.text, /^Engineers from Egypt/);
});

test('a file that is not a feed is refused with a format error', async () => {
  const file = path.join(tempDir(), 'broken.xml');
  writeFileSync(file, '<html><body>not a feed at all</body></html>');
  await assert.rejects(collect(readFeed(file)), (e: unknown) => (e as { code?: string }).code === 'INPUT_FORMAT');
});

test('HTML fragments keep their paragraphs and lose their markup and scripts', () => {
  assert.equal(htmlFragmentText('<p>One &amp; two.</p><script>x()</script><p>Three<br>four.</p>'), 'One & two.\n\nThree\n\nfour.');
  assert.equal(htmlFragmentText('plain text'), 'plain text');
});
