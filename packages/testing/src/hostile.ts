/**
 * Adversarial texts for the hostile-input tests of every package that reads user text, and a check that a function
 * finishes within a budget and grows about linearly with the length of its input.
 */

/** `unit` repeated to exactly `n` characters (UTF-16 units; a surrogate pair may be cut at the end, on purpose). */
export function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

function everyPlane(n: number): string {
  // Code points spread over all 17 planes (surrogates excluded): letters, marks, private use, noncharacters.
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < n; i++) {
    let cp = (i * 69_069 + 12_345) % 0x110000;
    if (cp >= 0xd800 && cp <= 0xdfff) cp -= 0x800;
    const ch = String.fromCodePoint(cp);
    out.push(ch);
    length += ch.length;
  }
  return out.join('').slice(0, n);
}

function wrappedParagraph(n: number): string {
  // Lower-case lines of four words: each one continues the line before, so the whole text is one joined unit.
  return repeatTo('word more words here\nand then some more\n', n);
}

function manyNames(n: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < n; i++) {
    const line = `Name: Ab${i.toString(36)} Cd${(i * 7).toString(36)}\n`;
    lines.push(line);
    length += line.length;
  }
  return lines.join('').slice(0, n);
}

/** Generators of hostile texts of a given length, by name. */
export const HOSTILE_TEXTS: Record<string, (n: number) => string> = {
  'run of @': (n) => repeatTo('@', n),
  'run of dots': (n) => repeatTo('.', n),
  'run of dashes': (n) => repeatTo('-', n),
  'run of spaces then a letter': (n) => `${repeatTo(' ', n - 1)}x`,
  'run of newlines then a letter': (n) => `${repeatTo('\n', n - 1)}x`,
  'one long word': (n) => repeatTo('a', n),
  'one long word then dots': (n) => `${repeatTo('a', n - 5)}.... `,
  'x@y. repeated': (n) => repeatTo('x@y.', n),
  'a@ repeated': (n) => repeatTo('a@', n),
  'e-mail local part without @': (n) => repeatTo('a.b', n),
  'e-mail with an endless domain': (n) => `a@${repeatTo('b.', n - 2)}`,
  'deep round brackets': (n) => repeatTo('(', n / 2) + repeatTo(')', n / 2),
  'deep square brackets': (n) => repeatTo('[', n),
  'every Unicode plane': everyPlane,
  NUL: (n) => repeatTo('\u0000', n),
  'NUL between letters': (n) => repeatTo('a\u0000', n),
  'C0 controls': (n) => repeatTo('\u0001\u0002\u0007\u0008\u000b\u000c\u001b\u007f', n),
  'lone high surrogates': (n) => repeatTo('\ud800', n),
  'lone low surrogates between letters': (n) => repeatTo('a\udc00', n),
  'RTL marks and overrides': (n) => repeatTo('\u200f\u202eabc \u202c\u2067Python\u2069 ', n),
  'combining marks on one letter': (n) => `a${repeatTo('\u0301\u0308', n - 1)}`,
  'zero-width characters in a word': (n) => repeatTo('a\u200b\u200d\ufeff', n),
  'run of digits': (n) => repeatTo('1', n),
  'digit then spaces': (n) => `1${repeatTo(' ', n - 2)}z`,
  'digits and dashes': (n) => repeatTo('1-', n),
  'digits and spaces': (n) => repeatTo('1 ', n),
  'phone label then spaces': (n) => `tel${repeatTo(' ', n - 4)}x`,
  'name label then spaces': (n) => `Name: x${repeatTo(' ', n - 8)}y`,
  'many name lines': manyNames,
  '< then spaces': (n) => `<${repeatTo(' ', n - 2)}x`,
  'unclosed resume tags': (n) => repeatTo('<resume ', n),
  'unclosed escaped tags': (n) => repeatTo('&lt;resume ', n),
  'resume tag lines': (n) => repeatTo('<resume>\n', n),
  'initials and periods': (n) => repeatTo('A. ', n),
  'words ending in periods': (n) => repeatTo('a.', n),
  'abbreviations': (n) => repeatTo('e.g. ', n),
  'run of semicolons then a letter': (n) => `${repeatTo(';', n - 1)}a`,
  'run of heading marks then a letter': (n) => `${repeatTo('*#_=:-', n - 1)}a`,
  'colon pairs': (n) => repeatTo('a:', n),
  'last date then spaces': (n) => `last date${repeatTo(' ', n - 10)}x`,
  'wrapped paragraph': wrappedParagraph,
  'label lines': (n) => repeatTo('iOS: 1 year\n', n),
  'bullet lines': (n) => repeatTo('- Python, Django, Docker; SQL | Git\n', n),
  'headings only': (n) => repeatTo('Requirements:\n', n),
  'hyphenated words': (n) => repeatTo('a-', n),
  'slashed words': (n) => repeatTo('a/', n),
  'dotted words then a profile link': (n) => `${repeatTo('a.', n - 11)}github.com`,
  'link full of dots': (n) => `http://${repeatTo('.', n - 8)}a`,
  'www repeated': (n) => repeatTo('www.', n),
  'plus signs': (n) => repeatTo('+1', n),
  'money signs': (n) => repeatTo('$ 1 ', n),
  'alternating or': (n) => repeatTo('Python or ', n),
  'such as repeated': (n) => repeatTo('such as Kafka ', n),
};

/**
 * Milliseconds of CPU `fn` takes on `text`: this process's user and system time, not the wall clock, so that other
 * processes competing for the same cores (tests run beside each other, and beside other work) do not count.
 */
export function timeOf(fn: (text: string) => unknown, text: string): number {
  const started = process.cpuUsage();
  fn(text);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/**
 * The fastest of `runs` CPU times of `fn` on `small` and on `big`, measured in turn (small, big, small, big, …) so
 * that a slow spell of the machine falls on both alike.
 */
export function fastestPair(fn: (text: string) => unknown, small: string, big: string, runs = 5): readonly [number, number] {
  let a = Infinity;
  let b = Infinity;
  for (let k = 0; k < runs; k++) {
    a = Math.min(a, timeOf(fn, small));
    b = Math.min(b, timeOf(fn, big));
  }
  return [a, b] as const;
}

export interface Growth {
  /** Four calls at the small length (a quarter of the large one), together. */
  smallMs: number;
  /** One call at the large length. */
  largeMs: number;
}

/**
 * Four calls on texts of a quarter of the length against one call on the whole length, the best of `runs` each:
 * linear work takes about as long either way, quadratic work four times as long on the whole. Each call gets a
 * text of its own (a different first line), so a cache of recent texts cannot hide the work.
 */
export function measureGrowth(fn: (text: string) => unknown, make: (n: number) => string, opts: { large?: number; runs?: number } = {}): Growth {
  const { large = 100_000, runs = 3 } = opts;
  const small = make(large / 4);
  const big = make(large);
  // A line of its own in front, so that what the text starts with (a "Name:" label, a '<') stays at a line start.
  const variant = (text: string, i: number) => `${String.fromCharCode(0x41 + (i % 26))}\n${text}`;
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let run = 0; run < runs; run++) {
    let sum = 0;
    for (let i = 0; i < 4; i++) sum += timeOf(fn, variant(small, run * 4 + i));
    smallMs = Math.min(smallMs, sum);
    largeMs = Math.min(largeMs, timeOf(fn, variant(big, run + 13)));
  }
  return { smallMs, largeMs };
}

/**
 * Linear growth, judged loosely enough for a busy machine: the whole text may take up to three times as long as its
 * four quarters (quadratic work takes four times, worse work more), and anything under `floorMs` counts as fast.
 */
export function looksLinear(g: Growth, floorMs = 100): boolean {
  return g.largeMs <= Math.max(3 * g.smallMs, floorMs);
}

export function describeGrowth(g: Growth): string {
  return `4 x 25k: ${g.smallMs.toFixed(1)} ms, 100k: ${g.largeMs.toFixed(1)} ms`;
}
