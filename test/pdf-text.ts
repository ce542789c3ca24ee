// Reads the text back out of a PDF that pdfkit wrote: enough of PDF to prove what a consent
// says, not a general parser. Streams are inflated when Flate-compressed; text shown with an
// embedded font (glyph ids in hex) is mapped back to Unicode through the font's ToUnicode CMap.
import zlib from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = text.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? -1);
      let dataStart = streamAt + 'stream'.length;
      if (text[dataStart] === '\r') dataStart++;
      if (text[dataStart] === '\n') dataStart++;
      let data = pdf.subarray(dataStart, dataStart + length);
      if (/\/FlateDecode/.test(dict)) data = zlib.inflateSync(data);
      out.set(Number(m[1]), { dict, stream: data });
      re.lastIndex = dataStart + length;
    } else {
      out.set(Number(m[1]), { dict: text.slice(start, endAt) });
      re.lastIndex = endAt;
    }
  }
  return out;
}

function hexUnits(hex: string): number[] {
  const h = hex.replace(/\s+/g, '');
  const units: number[] = [];
  for (let i = 0; i + 4 <= h.length; i += 4) units.push(Number.parseInt(h.slice(i, i + 4), 16));
  return units;
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const lo = Number.parseInt(r[1] ?? '0', 16);
      const hi = Number.parseInt(r[2] ?? '0', 16);
      const dst = r[3] ?? '';
      if (dst.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) => String.fromCharCode(...hexUnits(x[1] ?? '')));
        for (let c = lo; c <= hi; c++) map.set(c, items[c - lo] ?? '');
      } else {
        const base = hexUnits(dst.slice(1, -1));
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(...base.slice(0, -1), (base[base.length - 1] ?? 0) + (c - lo)));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(Number.parseInt(r[1] ?? '0', 16), String.fromCharCode(...hexUnits(r[2] ?? '')));
  }
  return map;
}

function literal(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => {
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return simple[e] ?? String.fromCharCode(Number.parseInt(e, 8));
  });
}

/** The text of every page, in drawing order; one line per text object. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  // Font resource name → the font's ToUnicode map (pdfkit names fonts uniquely per document).
  const cmapOf = new Map<number, Map<number, string>>();
  const fonts = new Map<string, Map<number, string> | undefined>();
  for (const o of objs.values()) {
    for (const block of o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const f of (block[1] ?? '').matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        const fontObj = objs.get(Number(f[2]));
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(fontObj?.dict ?? '')?.[1];
        if (toUnicode === undefined) {
          fonts.set(f[1] ?? '', undefined);
          continue;
        }
        const n = Number(toUnicode);
        if (!cmapOf.has(n)) cmapOf.set(n, parseCMap(objs.get(n)?.stream?.toString('latin1') ?? ''));
        fonts.set(f[1] ?? '', cmapOf.get(n));
      }
    }
  }
  const lines: string[] = [];
  for (const o of objs.values()) {
    const content = o.stream?.toString('latin1');
    if (!content || !/\bBT\b/.test(content)) continue;
    let cmap: Map<number, string> | undefined;
    let line = '';
    const decodeHex = (hex: string) => (cmap ? hexUnits(hex).map((g) => cmap?.get(g) ?? '') : []).join('');
    for (const tok of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|[\s\d.-])*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj|\bET\b/g)) {
      if (tok[1] !== undefined) cmap = fonts.get(tok[1]);
      else if (tok[2] !== undefined) {
        for (const part of tok[2].matchAll(/<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)/g)) line += part[1] !== undefined ? decodeHex(part[1]) : literal(part[2] ?? '');
      } else if (tok[3] !== undefined) line += decodeHex(tok[3]);
      else if (tok[4] !== undefined) line += literal(tok[4]);
      else {
        lines.push(line);
        line = '';
      }
    }
  }
  return lines.join('\n');
}
