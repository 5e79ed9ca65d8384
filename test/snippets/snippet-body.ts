// Expands VS Code snippet bodies the way the editor does when every placeholder keeps its default:
// tab stops ($1, ${1}, ${1:default}, nested placeholders), choices (${1|a,b|}), variables
// (${NAME:default}) and escapes (\$, \}, \\). Grammar: https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar
// Tests use it to lint snippet bodies with their placeholders filled.

type Node = { kind: 'text'; text: string } | { kind: 'tabstop'; index: number; children?: Node[] } | { kind: 'choice'; index: number; options: string[] } | { kind: 'variable'; name: string; children?: Node[] };

/** A parsed snippet body. */
export interface SnippetBody {
  nodes: Node[];
  /** The choices of each choice tab stop. */
  choices: Map<number, string[]>;
}

/** Parses a snippet body; throws on malformed syntax (an unclosed `${`). */
export function parseSnippet(body: string): SnippetBody {
  let i = 0;
  const choices = new Map<number, string[]>();
  const parse = (stopAtBrace: boolean): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        text += body[i + 1];
        i += 2;
      } else if (c === '}' && stopAtBrace) {
        flush();
        return nodes;
      } else if (c === '$') {
        const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i));
        if (simple) {
          flush();
          nodes.push(/^\d/.test(simple[1]) ? { kind: 'tabstop', index: Number(simple[1]) } : { kind: 'variable', name: simple[1] });
          i += simple[0].length;
          continue;
        }
        const open = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([:|}])/.exec(body.slice(i));
        if (!open) {
          text += c;
          i++;
          continue;
        }
        flush();
        i += open[0].length;
        const id = open[1];
        const numeric = /^\d/.test(id);
        if (open[2] === '}') nodes.push(numeric ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id });
        else if (open[2] === '|') {
          const end = body.indexOf('|}', i);
          if (end < 0) throw new Error(`unclosed choice at ${i}`);
          const options = body.slice(i, end).split(/(?<!\\),/).map((o) => o.replace(/\\([,|\\])/g, '$1'));
          choices.set(Number(id), options);
          nodes.push({ kind: 'choice', index: Number(id), options });
          i = end + 2;
        } else {
          const children = parse(true);
          if (body[i] !== '}') throw new Error(`unclosed placeholder \${${id}: at ${i}`);
          i++;
          nodes.push(numeric ? { kind: 'tabstop', index: Number(id), children } : { kind: 'variable', name: id, children });
        }
      } else {
        text += c;
        i++;
      }
    }
    if (stopAtBrace) throw new Error('unclosed placeholder');
    flush();
    return nodes;
  };
  const nodes = parse(false);
  return { nodes, choices };
}

/**
 * The text of a snippet with each tab stop set to `values[index]`, else to its default (the
 * first placeholder text given for it, or its first choice). `$0` and empty tab stops expand to ''.
 */
export function expandSnippet(body: string | string[], values: ReadonlyMap<number, string> = new Map()): string {
  const { nodes } = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const defaults = new Map<number, string>();
  const collect = (list: Node[]) => {
    for (const n of list) {
      if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, n.options[0]);
      if ((n.kind === 'tabstop' || n.kind === 'variable') && n.children) {
        collect(n.children);
        if (n.kind === 'tabstop' && !defaults.has(n.index)) defaults.set(n.index, render(n.children));
      }
    }
  };
  const render = (list: Node[]): string =>
    list
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.text;
          case 'variable':
            return n.children ? render(n.children) : '';
          default:
            return values.get(n.index) ?? defaults.get(n.index) ?? '';
        }
      })
      .join('');
  collect(nodes);
  return render(nodes);
}

/** Every combination of the choices of a body (one map per combination; one empty map without choices). */
export function choiceCombinations(body: string | string[]): Map<number, string>[] {
  const { choices } = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  let out: Map<number, string>[] = [new Map()];
  for (const [index, options] of choices) out = out.flatMap((m) => options.map((o) => new Map([...m, [index, o]])));
  return out;
}

/** The default text of each tab stop (first placeholder text, or first choice). */
export function tabStopDefaults(body: string | string[]): Map<number, string> {
  const defaults = new Map<number, string>();
  const { nodes } = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, n.options[0]);
      if (n.kind === 'tabstop' && n.children && !defaults.has(n.index)) defaults.set(n.index, expandSnippet(bodyOf(n.children)));
      if ((n.kind === 'tabstop' || n.kind === 'variable') && n.children) walk(n.children);
    }
  };
  walk(nodes);
  return defaults;
}

/** Re-serialises nodes (escaped) so that nested defaults can be expanded on their own. */
function bodyOf(list: Node[]): string {
  return list
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return n.text.replace(/[\\$}]/g, '\\$&');
        case 'choice':
          return `\${${n.index}|${n.options.join(',')}|}`;
        case 'tabstop':
          return n.children ? `\${${n.index}:${bodyOf(n.children)}}` : `\${${n.index}}`;
        case 'variable':
          return n.children ? `\${${n.name}:${bodyOf(n.children)}}` : `\${${n.name}}`;
      }
    })
    .join('');
}
