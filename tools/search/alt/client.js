// Prototype search client for the bigram index of tools/search/alt
// (issue 16 point 5 measurement; not the product's search). It loads
// manifest.json and norms.bin.gz once, then per query the chunk files of
// the query's terms, and a result's metadata file only when asked
// (hit.data()). The rules repeat those of token.go and search.go.
const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;
const MAX_TERM = 40;
const LEN_BASE = 1.06;

function fold(s) {
  let out = "";
  for (const ch of s) {
    let c = ch.codePointAt(0);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    out += String.fromCodePoint(c).toLowerCase();
  }
  return out;
}

function runs(s) {
  const out = [];
  let cur = [], han = false;
  const flush = () => { if (cur.length) { out.push([cur, han]); cur = []; } };
  for (const ch of fold(s)) {
    if (HAN.test(ch)) { if (!han) flush(); han = true; cur.push(ch); }
    else if (WORD.test(ch)) { if (han) flush(); han = false; cur.push(ch); }
    else flush();
  }
  flush();
  return out;
}

// queryTerms returns [{text, required}], as QueryTerms in token.go.
export function queryTerms(q, cover) {
  const out = [], at = new Map();
  const add = (t, req) => {
    if (at.has(t)) { out[at.get(t)].required ||= req; return; }
    at.set(t, out.length);
    out.push({text: t, required: req});
  };
  for (const [run, han] of runs(q)) {
    if (!han) add(run.slice(0, MAX_TERM).join(""), true);
    else if (run.length === 1) add(run[0], true);
    else for (let i = 0; i + 1 < run.length; i++) add(run[i] + run[i + 1], !cover || i % 2 === 0 || i === run.length - 2);
  }
  return out;
}

const enc = new TextEncoder(), dec = new TextDecoder();

export function chunkOf(term, n) {
  let h = 0x811c9dc5;
  for (const b of enc.encode(term)) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  return h % n;
}

function uvarint(b, pos) {
  let x = 0, s = 1, c;
  do { c = b[pos.i++]; x += (c & 0x7f) * s; s *= 128; } while (c & 0x80);
  return x;
}

async function gunzip(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ": HTTP " + r.status);
  return new Uint8Array(await new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}

// lengths[q] is the page length a quantized byte q stands for.
const lengths = [];
for (let q = 0, l = 1; q < 256; q++, l *= LEN_BASE) lengths.push(l - 1);

function decodeChunk(b) {
  const pos = {i: 0}, n = uvarint(b, pos), heads = [];
  for (let k = 0; k < n; k++) {
    const tl = uvarint(b, pos), term = dec.decode(b.subarray(pos.i, pos.i + tl));
    pos.i += tl;
    heads.push({term, df: uvarint(b, pos), size: uvarint(b, pos)});
  }
  const lists = new Map();
  for (const h of heads) { lists.set(h.term, {df: h.df, data: b.subarray(pos.i, pos.i + h.size)}); pos.i += h.size; }
  return lists;
}

function postings(l) {
  const out = [], pos = {i: 0};
  let page = 0;
  for (let k = 0; k < l.df; k++) {
    const gap = uvarint(l.data, pos), v = uvarint(l.data, pos);
    page = k === 0 ? gap : page + gap;
    out.push({page, tf: Math.floor(v / 2), title: v % 2 === 1});
  }
  return out;
}

export async function open(base) {
  const m = await (await fetch(base + "manifest.json")).json();
  const norms = await gunzip(base + "norms.bin.gz");
  const dl = new Float64Array(m.pages), tl = new Float64Array(m.pages);
  for (let i = 0; i < m.pages; i++) { dl[i] = lengths[norms[2 * i]]; tl[i] = norms[2 * i + 1]; }
  const chunks = new Map();
  const chunk = c => {
    if (!chunks.has(c)) chunks.set(c, gunzip(base + "c/" + c + ".bin.gz").then(decodeChunk));
    return chunks.get(c);
  };
  const lookup = async t => {
    const l = (await chunk(chunkOf(t, m.chunks))).get(t);
    return l ? postings(l) : [];
  };
  const meta = id => gunzip(base + "m/" + id + ".json.gz").then(b => JSON.parse(dec.decode(b)));
  async function search(q) {
    const terms = queryTerms(q, m.cover), n = m.pages;
    const lists = await Promise.all(terms.map(t => lookup(t.text)));
    const score = new Float64Array(n), count = new Int32Array(n), some = new Uint8Array(n);
    const {k1, b, titleWeight} = m;
    const required = terms.filter(t => t.required).length;
    lists.forEach((ps, k) => {
      const idf = Math.log(1 + (n - ps.length + 0.5) / (ps.length + 0.5));
      for (const e of ps) {
        let s = e.tf * (k1 + 1) / (e.tf + k1 * (1 - b + b * dl[e.page] / m.avgdl));
        if (e.title) s += titleWeight * (k1 + 1) / (1 + k1 * (1 - b + b * tl[e.page] / m.avgtl));
        score[e.page] += idf * s;
        if (terms[k].required) count[e.page]++;
        some[e.page] = 1;
      }
    });
    let hits = [], or = false;
    const collect = any => { for (let i = 0; i < n; i++) if (any ? some[i] : count[i] === required) hits.push({page: i, score: score[i]}); };
    if (terms.length) {
      collect(false);
      if (!hits.length) { or = true; collect(true); }
    }
    hits.sort((x, y) => y.score - x.score || x.page - y.page);
    return {terms: terms.map(t => t.text), or, total: hits.length, hits: hits.map(h => ({...h, data: () => meta(h.page)}))};
  }
  return {manifest: m, search};
}
