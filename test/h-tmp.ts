import { parseHTML } from 'linkedom';
for (const n of [10000, 20000, 50000, 100000]) {
  const html = '<html><body>' + '<div>'.repeat(n) + 'Hello there, the minister said.' + '</div>'.repeat(n) + '</body></html>';
  let t = Date.now();
  const { document } = parseHTML(html) as any;
  console.log(n, 'parse', Date.now() - t);
  t = Date.now();
  let depth = 0; let node = document.body; while (node.firstElementChild) { node = node.firstElementChild; depth++; }
  console.log('walk', depth, Date.now() - t);
  t = Date.now(); const c = document.cloneNode(true); console.log('clone', Date.now() - t);
  t = Date.now(); const tc = document.body.textContent.length; console.log('textContent', tc, Date.now() - t);
}
